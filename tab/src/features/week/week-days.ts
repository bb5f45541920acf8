import type { WeekEvent, WeekResponse } from '@confer/contracts';
import { addDays, dateKeyIn, dateKeysBetween, localParts } from '@confer/contracts/time';

export interface DayEntry {
  readonly event: WeekEvent;
  /** The event started on an earlier day (shown as "Until …"). */
  readonly continuesFromBefore: boolean;
  /** The event ends on a later day (shown as "From …"). */
  readonly continuesAfter: boolean;
}

export interface WeekDay {
  readonly dateKey: string;
  readonly entries: readonly DayEntry[];
}

/** The window's days in the user's mailbox zone, each with the events that touch it, all-day ones first. */
export function buildWeekDays(week: WeekResponse): WeekDay[] {
  const zone = week.user.timeZone;
  const start = new Date(week.window.start);
  // Half-open window: its last day is the one holding the last millisecond before `end`.
  const last = new Date(new Date(week.window.end).getTime() - 1);
  const days = dateKeysBetween(dateKeyIn(start, zone), dateKeyIn(last, zone));
  const byDay = new Map<string, DayEntry[]>(days.map((key) => [key, []]));
  for (const event of week.events) {
    const [first, final] = eventDayRange(event, zone);
    for (const key of dateKeysBetween(first, final)) {
      byDay.get(key)?.push({ event, continuesFromBefore: key > first, continuesAfter: key < final });
    }
  }
  return days.map((dateKey) => ({ dateKey, entries: (byDay.get(dateKey) ?? []).sort(compareEntries) }));
}

/** First and last calendar day (inclusive) an event occupies in `zone`. */
export function eventDayRange(event: WeekEvent, zone: string): [string, string] {
  const start = new Date(event.start);
  const end = new Date(event.end);
  if (event.isAllDay) {
    // All-day events are floating dates. Read in the mailbox zone (Prefer: outlook.timezone) they begin at local
    // midnight; read in UTC they begin at UTC midnight and must keep their UTC dates, or they slide a day west.
    const local = localParts(start, zone);
    const useZone = local.secondOfDay === 0 ? zone : 'UTC';
    const first = dateKeyIn(start, useZone);
    return [first, maxKey(first, addDays(dateKeyIn(end, useZone), -1))];
  }
  const first = dateKeyIn(start, zone);
  if (end.getTime() <= start.getTime()) return [first, first];
  return [first, dateKeyIn(new Date(end.getTime() - 1), zone)];
}

function maxKey(a: string, b: string): string {
  return a > b ? a : b;
}

function compareEntries(a: DayEntry, b: DayEntry): number {
  const allDay = rankAllDay(a) - rankAllDay(b);
  if (allDay !== 0) return allDay;
  return Date.parse(a.event.start) - Date.parse(b.event.start) || Date.parse(a.event.end) - Date.parse(b.event.end);
}

/** All-day and day-spanning entries first, as Outlook and Teams list them. */
function rankAllDay(entry: DayEntry): number {
  return entry.event.isAllDay || (entry.continuesFromBefore && entry.continuesAfter) ? 0 : 1;
}
