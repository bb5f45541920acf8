import { LOCAL_CLIENT_ID, LOCAL_TENANT_ID } from '@confer/contracts';
import type { Request } from 'express';
import {
  type CalendarChange,
  type Clock,
  type DirectoryUser,
  type GraphCaller,
  type GraphContext,
  GraphHttpError,
} from '../../graph/context.ts';

export const TENANT_ID = LOCAL_TENANT_ID;
export const CONFER_APP_ID = LOCAL_CLIENT_ID;
export const OTHER_APP_ID = '11111111-2222-4333-8444-555555555555';
export const ALEX = '00000000-0000-0000-0000-0000000000020';
export const MEGAN = '00000000-0000-0000-0000-0000000000021';
/** A directory user without an Exchange mailbox. */
export const NO_MAILBOX = '00000000-0000-0000-0000-0000000000030';

const workingHours = {
  daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
  startTime: '08:00:00.0000000',
  endTime: '17:00:00.0000000',
  timeZone: 'Pacific Standard Time',
} as const;

function person(id: string, given: string, surname: string, mail: string | null): DirectoryUser {
  const upn = `${given.toLowerCase()}${surname[0]!.toLowerCase()}@contoso.onmicrosoft.com`;
  return {
    id,
    tenantId: TENANT_ID,
    displayName: `${given} ${surname}`,
    givenName: given,
    surname,
    userPrincipalName: upn,
    mail: mail === null ? null : upn,
    jobTitle: null,
    department: null,
    officeLocation: null,
    timeZone: 'Pacific Standard Time',
    workingHours,
    groupIds: [],
  };
}

const USERS = [
  person(ALEX, 'Alex', 'Wilber', 'yes'),
  person(MEGAN, 'Megan', 'Bowen', 'yes'),
  person(NO_MAILBOX, 'Nestor', 'Wilke', null),
];

/** The fake token is the caller itself, base64url JSON: the fake context trusts it, the real core never would. */
export function fakeToken(caller: Partial<GraphCaller>): string {
  const full: GraphCaller = {
    kind: 'application',
    tenantId: TENANT_ID,
    appId: CONFER_APP_ID,
    scopes: [],
    roles: [],
    ...caller,
  };
  return Buffer.from(JSON.stringify(full)).toString('base64url');
}

export const appToken = (roles: string[] = ['Calendars.ReadWrite'], appId = CONFER_APP_ID) =>
  fakeToken({ kind: 'application', roles, appId });
export const userToken = (userId: string, scopes: string[] = ['Calendars.ReadWrite'], appId = CONFER_APP_ID) =>
  fakeToken({ kind: 'delegated', userId, scopes, appId });

export interface FakeGraphContext extends GraphContext {
  /** Mailboxes outside the Application Access Policy for app tokens. */
  blockedMailboxes: Set<string>;
  published: CalendarChange[];
}

/** A hand-written GraphContext with the core's documented behaviour, for testing the feature alone. */
export function createFakeGraphContext(clock: Clock, baseUrl = 'https://localhost:8443'): FakeGraphContext {
  const directory = {
    findUser: (tenantId: string, idOrUpn: string) =>
      USERS.find((u) => u.tenantId === tenantId && (u.id === idOrUpn || u.userPrincipalName === idOrUpn.toLowerCase())),
    findByEmail: (tenantId: string, address: string) =>
      USERS.find((u) => u.tenantId === tenantId && u.mail === address.toLowerCase()),
    listUsers: (tenantId: string) => USERS.filter((u) => u.tenantId === tenantId),
  };
  const context: FakeGraphContext = {
    clock,
    baseUrl,
    directory,
    blockedMailboxes: new Set(),
    published: [],
    authorize: (req, permissions) => authorizeFake(req, permissions),
    resolveMailbox: (_req, caller, idOrMe, access = 'own') => {
      if (idOrMe === 'me' && caller.kind !== 'delegated') {
        throw new GraphHttpError(400, 'BadRequest', '/me request is only valid with delegated authentication flow.');
      }
      const user = directory.findUser(caller.tenantId, idOrMe === 'me' ? caller.userId! : idOrMe);
      if (!user) throw new GraphHttpError(404, 'ErrorInvalidUser', `The requested user '${idOrMe}' is invalid.`);
      if (caller.kind === 'application' && context.blockedMailboxes.has(user.id)) {
        throw new GraphHttpError(
          403,
          'ErrorAccessDenied',
          'Access to OData is disabled: [RAOP] : Blocked by tenant configured AppOnly AccessPolicy settings.',
        );
      }
      if (user.mail === null) {
        throw new GraphHttpError(
          404,
          'MailboxNotEnabledForRESTAPI',
          'The mailbox is either inactive, soft-deleted, or is hosted on-premise.',
        );
      }
      if (caller.kind === 'delegated' && access === 'own' && user.id !== caller.userId) {
        throw new GraphHttpError(403, 'ErrorAccessDenied', 'Access is denied. Check credentials and try again.');
      }
      return user;
    },
    publishChange: (change) => {
      context.published.push(change);
    },
  };
  return context;
}

function authorizeFake(
  req: Request,
  permissions: { delegated: readonly string[]; application: readonly string[] },
): GraphCaller {
  const header = req.headers.authorization ?? '';
  const token = header.startsWith('Bearer ') ? header.slice(7) : '';
  let caller: GraphCaller;
  try {
    caller = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as GraphCaller;
  } catch {
    throw new GraphHttpError(401, 'InvalidAuthenticationToken', 'Access token is empty or invalid.');
  }
  const granted = caller.kind === 'delegated' ? caller.scopes : caller.roles;
  const needed = caller.kind === 'delegated' ? permissions.delegated : permissions.application;
  if (!needed.some((permission) => granted.includes(permission))) {
    throw new GraphHttpError(403, 'ErrorAccessDenied', 'Access is denied. Check credentials and try again.');
  }
  return caller;
}
