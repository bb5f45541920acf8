/**
 * Which dates a recurring meeting falls on, and at what instants: the one rule the API checks, books and
 * reminds by, and the tab lists occurrences by, so both name the same occurrences
 * (`/occurrences/{originalStart}`).
 *
 * Each occurrence is computed from the first (never from the previous one) in the meeting's zone and keeps
 * the first one's wall-clock time across DST, as Outlook expands a series in its recurrence time zone
 * (docs/reference/graph-calendar.md §3). A time a clock change skips or repeats resolves by the rule in
 * zoned-time.ts (`instantAt`).
 *
 * Weekly steps 7 days, biweekly 14. Monthly means the same day of the month; in a month without that day the
 * occurrence falls on the month's last day (a series on the 31st meets on 30 April and 28 February):
 * Outlook and CDO treat an absoluteMonthly dayOfMonth past the month's end as its last day
 * (RecurrencePattern.DayOfMonth: "the last day of every month can be represented by the value 31"; Outlook
 * generates February 28 where Schedule+ skipped the month), unlike RFC 5545, which skips the month.
 */

import type { Recurrence, RecurrenceKind } from '../scheduling.ts';
import { addDays, addMonthsClamped } from './date-key.ts';
import { instantAt, localParts } from './zoned-time.ts';

const MINUTE_MS = 60_000;

/** The date of occurrence `index` (0 is the first) of a series whose first occurrence is on `firstDateKey`. */
export function occurrenceDate(firstDateKey: string, kind: RecurrenceKind, index: number): string {
  switch (kind) {
    case 'weekly':
      return addDays(firstDateKey, 7 * index);
    case 'biweekly':
      return addDays(firstDateKey, 14 * index);
    case 'monthly':
      return addMonthsClamped(firstDateKey, index);
  }
}

/** A wall-clock time in one zone: a date key and the milliseconds since that date's local midnight. */
export interface WallTime {
  readonly date: string;
  readonly msOfDay: number;
}

/** Reads and resolves wall-clock times in one zone; the API passes one that caches each day's midnight. */
export interface WallClock {
  read(instant: number): WallTime;
  instant(wall: WallTime): number;
}

/** A wall clock in `timeZone` that asks Intl every time (`localParts` / `instantAt`). */
export function wallClockIn(timeZone: string): WallClock {
  return {
    read(instant) {
      const local = localParts(instant, timeZone);
      return { date: local.dateKey, msOfDay: local.secondOfDay * 1000 + (((instant % 1000) + 1000) % 1000) };
    },
    instant({ date, msOfDay }) {
      return instantAt(date, msOfDay / MINUTE_MS, timeZone).getTime();
    },
  };
}

/**
 * The start instants (epoch ms) of a series' occurrences before `until`, in order and lazily, so a check can
 * stop at the first occurrence that does not fit. The first is `first` itself; each later one is the first's
 * wall-clock time, to the millisecond, on the pattern's date. `zone` is the meeting's IANA zone, or a clock
 * reading it.
 */
export function* seriesStarts(
  first: number | Date,
  zone: string | WallClock,
  rule: Pick<Recurrence, 'kind' | 'count'>,
  until = Number.POSITIVE_INFINITY,
): Generator<number, void, undefined> {
  const start = Number(first);
  if (!(start < until)) return;
  yield start;
  const clock = typeof zone === 'string' ? wallClockIn(zone) : zone;
  const wall = clock.read(start);
  for (let index = 1; index < rule.count; index++) {
    const next = clock.instant({ date: occurrenceDate(wall.date, rule.kind, index), msOfDay: wall.msOfDay });
    if (next >= until) return;
    yield next;
  }
}
