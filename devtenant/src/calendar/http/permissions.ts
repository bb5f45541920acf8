/** Delegated scopes and application roles per endpoint, docs/reference/graph-calendar.md §8. */
export const READ_EVENTS = {
  delegated: ['Calendars.ReadBasic', 'Calendars.Read', 'Calendars.ReadWrite'],
  application: ['Calendars.ReadBasic', 'Calendars.Read', 'Calendars.ReadWrite'],
} as const;

export const WRITE_EVENTS = {
  delegated: ['Calendars.ReadWrite'],
  application: ['Calendars.ReadWrite'],
} as const;

export const GET_SCHEDULE = {
  delegated: [
    'Calendars.ReadBasic',
    'Calendars.Read',
    'Calendars.ReadWrite',
    'Calendars.Read.Shared',
    'Calendars.ReadWrite.Shared',
  ],
  application: ['Calendars.ReadBasic', 'Calendars.Read', 'Calendars.ReadWrite'],
} as const;

/**
 * findMeetingTimes is delegated only; application permissions are not supported (docs/reference/graph-calendar.md §2,
 * docs/reference/graph-calendar.md §8).
 */
export const FIND_MEETING_TIMES = {
  delegated: ['Calendars.Read.Shared', 'Calendars.ReadWrite.Shared'],
  application: [],
} as const;

/** Calendars.ReadBasic reads events without body (docs/reference/graph-calendar.md §8). */
export function readsBody(scopesOrRoles: readonly string[]): boolean {
  return scopesOrRoles.some((p) => p !== 'Calendars.ReadBasic' && p.startsWith('Calendars.'));
}
