import { decodeJwt } from 'jose';

/**
 * The permissions a Graph access token carries: `roles` for an application token, `scp` for a delegated one
 * (docs/reference/teams-platform.md §3). Read without verifying: Confer received the token from the authority
 * itself a moment ago and only looks at what it was granted. Null when the token cannot be read (an opaque
 * token): then Graph's answer decides.
 */
export function tokenGrants(token: string): Set<string> | null {
  try {
    const payload = decodeJwt(token);
    const roles = Array.isArray(payload.roles) ? payload.roles.filter((r) => typeof r === 'string') : [];
    const scopes = typeof payload.scp === 'string' ? payload.scp.split(' ').filter(Boolean) : [];
    return new Set([...roles, ...scopes].map((grant) => grant.toLowerCase()));
  } catch {
    return null;
  }
}

/**
 * Graph permissions that serve each check (docs/reference/graph-calendar.md §8); a wider one serves a narrower
 * need (ReadWrite ⊇ Read ⊇ ReadBasic).
 */
export const NEEDED = {
  freeBusy: ['Calendars.ReadBasic', 'Calendars.Read', 'Calendars.ReadWrite'],
  mailboxSettings: ['MailboxSettings.Read', 'MailboxSettings.ReadWrite'],
  calendarWrite: ['Calendars.ReadWrite'],
  directory: ['User.ReadBasic.All', 'User.Read.All', 'User.ReadWrite.All', 'Directory.Read.All'],
} as const;

/** The first permission of `needed` when none is granted; null when one is (or the token cannot be read). */
export function missingGrant(grants: Set<string> | null, needed: readonly string[]): string | null {
  if (grants === null || needed.some((permission) => grants.has(permission.toLowerCase()))) return null;
  return needed[0] ?? null;
}
