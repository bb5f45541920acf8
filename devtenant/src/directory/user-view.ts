import type { DirectoryUser } from '../graph/context.ts';
import { GraphHttpError } from '../graph/context.ts';
import { preferredLanguageOf } from './directory-store.ts';

/** Graph v1.0's default user properties (what `/users` returns without `$select`). */
export const DEFAULT_USER_PROPERTIES = [
  'businessPhones',
  'displayName',
  'givenName',
  'jobTitle',
  'mail',
  'mobilePhone',
  'officeLocation',
  'preferredLanguage',
  'surname',
  'userPrincipalName',
  'id',
] as const;

/** User.ReadBasic.All covers display name, first and last name, email address and photo (permissions reference). */
const BASIC_PROPERTIES = new Set(['id', 'displayname', 'givenname', 'surname', 'mail', 'userprincipalname']);

const PROPERTIES: Readonly<Record<string, (user: DirectoryUser) => unknown>> = {
  id: (u) => u.id,
  displayName: (u) => u.displayName,
  givenName: (u) => u.givenName,
  surname: (u) => u.surname,
  userPrincipalName: (u) => u.userPrincipalName,
  mail: (u) => u.mail,
  mailNickname: (u) => u.userPrincipalName.split('@')[0],
  jobTitle: (u) => u.jobTitle,
  department: (u) => u.department,
  officeLocation: (u) => u.officeLocation,
  businessPhones: () => [],
  mobilePhone: () => null,
  preferredLanguage: (u) => preferredLanguageOf(u.id),
  accountEnabled: () => true,
  userType: () => 'Member',
  companyName: () => 'Contoso',
};

const CANONICAL = new Map(Object.keys(PROPERTIES).map((name) => [name.toLowerCase(), name]));

export function userPropertyValue(user: DirectoryUser, name: string): unknown {
  const canonical = CANONICAL.get(name.toLowerCase());
  return canonical ? PROPERTIES[canonical]?.(user) : undefined;
}

/** Parses `$select`; an unknown property is a 400 as in Graph. */
export function parseSelect(select: string | undefined): string[] | undefined {
  if (select === undefined) return undefined;
  const names = select
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return names.map((name) => {
    const canonical = CANONICAL.get(name.toLowerCase());
    if (!canonical) {
      throw new GraphHttpError(
        400,
        'Request_BadRequest',
        `Could not find a property named '${name}' on type 'microsoft.graph.user'.`,
      );
    }
    return canonical;
  });
}

/**
 * A user as Graph renders it. `basicOnly` (caller holds only User.ReadBasic.All for someone else): the
 * properties outside the basic set come back null rather than failing the request.
 */
export function renderUser(
  user: DirectoryUser,
  select: readonly string[] | undefined,
  basicOnly: boolean,
): Record<string, unknown> {
  const names = select ?? DEFAULT_USER_PROPERTIES;
  const rendered: Record<string, unknown> = {};
  for (const name of names) {
    const value = PROPERTIES[name]?.(user);
    rendered[name] =
      basicOnly && !BASIC_PROPERTIES.has(name.toLowerCase()) ? (Array.isArray(value) ? [] : null) : value;
  }
  return rendered;
}

export function contextUrl(origin: string, select: readonly string[] | undefined, entity: boolean): string {
  const projection = select ? `(${select.join(',')})` : '';
  return `${origin}/v1.0/$metadata#users${projection}${entity ? '/$entity' : ''}`;
}
