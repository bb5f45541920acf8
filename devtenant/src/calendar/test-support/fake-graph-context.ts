import { LOCAL_CLIENT_ID, LOCAL_TENANT_ID } from '@confer/contracts';
import type { Request } from 'express';
import type {
  CalendarChange,
  Directory,
  DirectoryUser,
  GraphCaller,
  GraphContext,
  WorkingHours,
} from '../../graph/context.ts';
import { GraphHttpError } from '../../graph/context.ts';

export const TENANT_ID = LOCAL_TENANT_ID;
export const APP_ID = LOCAL_CLIENT_ID;

const WEEKDAYS: WorkingHours['daysOfWeek'] = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'];

function person(
  n: string,
  given: string,
  surname: string,
  alias: string,
  department: string,
  timeZone: string,
  mailbox = true,
): DirectoryUser {
  return {
    id: `00000000-0000-0000-0000-00000000000${n}`,
    tenantId: TENANT_ID,
    displayName: `${given} ${surname}`,
    givenName: given,
    surname,
    userPrincipalName: `${alias}@contoso.onmicrosoft.com`,
    mail: mailbox ? `${alias}@contoso.onmicrosoft.com` : null,
    jobTitle: null,
    department,
    officeLocation: null,
    timeZone,
    workingHours: { daysOfWeek: WEEKDAYS, startTime: '08:00:00.0000000', endTime: '17:00:00.0000000', timeZone },
    groupIds: [],
  };
}

/** A hand-written directory: the Playground six, one person blocked by the access policy, one without a mailbox. */
export const PEOPLE: readonly DirectoryUser[] = [
  person('20', 'Alex', 'Wilber', 'alexw', 'Marketing', 'Eastern Standard Time'),
  person('21', 'Megan', 'Bowen', 'meganb', 'Marketing', 'Pacific Standard Time'),
  person('22', 'Adele', 'Vance', 'adelev', 'Retail', 'GMT Standard Time'),
  person('23', 'Isaiah', 'Langer', 'isaiahl', 'Sales', 'Eastern Standard Time'),
  person('24', 'Patti', 'Fernandez', 'pattif', 'Executive Management', 'Pacific Standard Time'),
  person('25', 'Lynne', 'Robbins', 'lynner', 'Retail', 'India Standard Time'),
  person('26', 'Diego', 'Siciliani', 'diegos', 'Human Resources', 'GMT Standard Time'),
  person('27', 'Nomail', 'Person', 'nomailp', 'Facilities', 'GMT Standard Time', false),
];

export const ALEX = PEOPLE[0] as DirectoryUser;
export const MEGAN = PEOPLE[1] as DirectoryUser;
export const ADELE = PEOPLE[2] as DirectoryUser;
export const ISAIAH = PEOPLE[3] as DirectoryUser;
export const DIEGO = PEOPLE[6] as DirectoryUser;
export const NO_MAILBOX = PEOPLE[7] as DirectoryUser;

class FakeDirectory implements Directory {
  findUser(tenantId: string, idOrUpn: string): DirectoryUser | undefined {
    const key = idOrUpn.toLowerCase();
    return PEOPLE.find((u) => u.tenantId === tenantId && (u.id === key || u.userPrincipalName.toLowerCase() === key));
  }
  findByEmail(tenantId: string, address: string): DirectoryUser | undefined {
    const key = address.toLowerCase();
    return PEOPLE.find(
      (u) => u.tenantId === tenantId && (u.mail?.toLowerCase() === key || u.userPrincipalName.toLowerCase() === key),
    );
  }
  listUsers(tenantId: string): readonly DirectoryUser[] {
    return PEOPLE.filter((u) => u.tenantId === tenantId);
  }
}

export interface FakeContext extends GraphContext {
  changes: CalendarChange[];
  setNow(iso: string): void;
  /** Mailboxes an application token may not open (the Application Access Policy). */
  policyBlocked: Set<string>;
}

/**
 * Tokens are plain strings here: `delegated <userId> <scope,scope>` or `app <appId> <role,role>` — the core's
 * real JWT validation is tested on its own; this fake keeps the calendar's tests about the calendar.
 */
export function fakeToken(
  caller: { kind: 'delegated'; userId: string; scopes: string[] } | { kind: 'app'; roles: string[] },
): string {
  return caller.kind === 'delegated'
    ? `delegated ${caller.userId} ${caller.scopes.join(',')}`
    : `app ${APP_ID} ${caller.roles.join(',')}`;
}

function parseToken(req: Request): GraphCaller {
  const match = /^Bearer (delegated|app) (\S+) (\S*)$/.exec(req.get('authorization') ?? '');
  if (!match) throw new GraphHttpError(401, 'InvalidAuthenticationToken', 'Access token is empty.');
  const grants = (match[3] as string).split(',').filter(Boolean);
  if (match[1] === 'delegated') {
    return {
      kind: 'delegated',
      tenantId: TENANT_ID,
      appId: APP_ID,
      userId: match[2] as string,
      scopes: grants,
      roles: [],
    };
  }
  return { kind: 'application', tenantId: TENANT_ID, appId: match[2] as string, scopes: [], roles: grants };
}

export function createFakeContext(baseUrl: string, nowIso: string): FakeContext {
  let now = new Date(nowIso);
  const directory = new FakeDirectory();
  const ctx: FakeContext = {
    changes: [],
    policyBlocked: new Set(),
    setNow: (iso) => {
      now = new Date(iso);
    },
    clock: { now: () => new Date(now) },
    baseUrl,
    directory,
    authorize(req, permissions) {
      const caller = parseToken(req);
      const held = caller.kind === 'delegated' ? caller.scopes : caller.roles;
      const needed = caller.kind === 'delegated' ? permissions.delegated : permissions.application;
      if (!needed.some((p) => held.includes(p)))
        throw new GraphHttpError(403, 'ErrorAccessDenied', 'Access is denied. Check credentials and try again.');
      return caller;
    },
    resolveMailbox(_req, caller, idOrMe, access = 'own') {
      if (idOrMe === 'me' && caller.kind !== 'delegated') {
        throw new GraphHttpError(400, 'BadRequest', '/me request is only valid with delegated authentication flow.');
      }
      const user = directory.findUser(TENANT_ID, idOrMe === 'me' ? (caller.userId as string) : idOrMe);
      if (!user) throw new GraphHttpError(404, 'ErrorInvalidUser', `The requested user '${idOrMe}' is invalid.`);
      if (caller.kind === 'application' && ctx.policyBlocked.has(user.id)) {
        throw new GraphHttpError(
          403,
          'ErrorAccessDenied',
          'Access to OData is disabled: [RAOP] : Blocked by tenant configured AppOnly AccessPolicy settings.',
        );
      }
      if (!user.mail)
        throw new GraphHttpError(
          404,
          'MailboxNotEnabledForRESTAPI',
          'The mailbox is either inactive, soft-deleted, or is hosted on-premise.',
        );
      if (access === 'own' && caller.kind === 'delegated' && user.id !== caller.userId) {
        throw new GraphHttpError(403, 'ErrorAccessDenied', 'Access is denied. Check credentials and try again.');
      }
      return user;
    },
    publishChange(change) {
      ctx.changes.push(change);
    },
  };
  return ctx;
}
