/** Microsoft Graph's resource identifiers: the URI clients use and the well-known app id. */
export const GRAPH_RESOURCE = 'https://graph.microsoft.com';
export const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';

/** OpenID Connect scopes: they shape the response (id_token, refresh_token), not the access token. */
export const OIDC_SCOPES: ReadonlySet<string> = new Set(['openid', 'profile', 'offline_access', 'email']);

/**
 * Delegated Graph permissions devtenant knows. Entra refuses a scope the resource does not publish with
 * AADSTS70011, so asking for a misspelt permission fails here as it would against the real service.
 */
export const GRAPH_DELEGATED_SCOPES: readonly string[] = [
  'User.Read',
  'User.ReadBasic.All',
  'User.Read.All',
  'User.ReadWrite',
  'Calendars.ReadBasic',
  'Calendars.Read',
  'Calendars.ReadWrite',
  'Calendars.Read.Shared',
  'Calendars.ReadWrite.Shared',
  'MailboxSettings.Read',
  'MailboxSettings.ReadWrite',
  'Mail.Read',
  'Mail.Send',
  'OnlineMeetings.Read',
  'OnlineMeetings.ReadWrite',
  'OnlineMeetingArtifact.Read.All',
  'People.Read',
  'Presence.Read.All',
  'Group.Read.All',
  'Directory.Read.All',
];

/** Case-insensitive lookup returning Graph's canonical spelling, as Entra normalises scope names. */
export function canonicalGraphScope(name: string): string | undefined {
  const wanted = name.toLowerCase();
  return GRAPH_DELEGATED_SCOPES.find((scope) => scope.toLowerCase() === wanted);
}

/**
 * Permissions that include others, per the Graph permissions reference: a ReadWrite grant serves a call
 * whose least privilege is Read, `.All` read serves `.ReadBasic.All`. Used when checking an endpoint's list.
 */
const IMPLIED: Readonly<Record<string, readonly string[]>> = {
  'Calendars.ReadWrite': ['Calendars.Read', 'Calendars.ReadBasic'],
  'Calendars.Read': ['Calendars.ReadBasic'],
  'Calendars.ReadWrite.Shared': [
    'Calendars.Read.Shared',
    'Calendars.ReadWrite',
    'Calendars.Read',
    'Calendars.ReadBasic',
  ],
  'Calendars.Read.Shared': ['Calendars.Read', 'Calendars.ReadBasic'],
  'Calendars.ReadBasic.All': [],
  'MailboxSettings.ReadWrite': ['MailboxSettings.Read'],
  'User.ReadWrite': ['User.Read'],
  'User.Read.All': ['User.ReadBasic.All', 'User.Read'],
  'User.ReadBasic.All': [],
  'Directory.Read.All': ['User.Read.All', 'User.ReadBasic.All', 'Group.Read.All'],
  'Mail.Read': [],
  'OnlineMeetings.ReadWrite': ['OnlineMeetings.Read'],
  'OnlineMeetings.ReadWrite.All': ['OnlineMeetings.Read.All'],
};

export function expandPermissions(granted: readonly string[]): Set<string> {
  const result = new Set<string>();
  for (const permission of granted) {
    result.add(permission.toLowerCase());
    for (const implied of IMPLIED[permission] ?? []) result.add(implied.toLowerCase());
  }
  return result;
}
