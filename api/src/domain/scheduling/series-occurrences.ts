import { AppError } from '../app-error.ts';
import { addDays, addMonthsClamped, type CivilDate } from './civil-date.ts';
import { createLocalClock, type LocalClock } from './local-clock.ts';
import type { Interval, RecurrenceKind, RecurrenceRule } from './model.ts';

/** Upper bound on a series' occurrences: two years of weekly meetings. Longer series are refused. */
export const MAX_SERIES_OCCURRENCES = 104;

const OCCURRENCE_DATE: Record<RecurrenceKind, (first: CivilDate, index: number) => CivilDate> = {
  weekly: (first, index) => addDays(first, 7 * index),
  biweekly: (first, index) => addDays(first, 14 * index),
  monthly: (first, index) => addMonthsClamped(first, index),
};

/**
 * The occurrences of a series that overlap `horizon`, in order.
 *
 * Each occurrence is computed from the first start (never from the previous occurrence) in `timeZone`,
 * so it keeps the local wall-clock time across DST, as Outlook keeps a series' local time
 * (recurrence expands in the recurrence time zone, docs/reference/graph-calendar.md §3).
 *
 * Monthly means the same day of the month. In a month without that day the occurrence falls on the
 * month's last day (a series on the 31st meets on 30 April and 28 February): Outlook and CDO treat a
 * dayOfMonth past the month's end as its last day (RecurrencePattern.DayOfMonth: "the last day of every
 * month can be represented by the value 31"; Outlook generates February 28 where Schedule+ skipped the
 * month), unlike RFC 5545, which skips the month.
 *
 * A start inside a spring-forward gap moves to the first real instant after it; each occurrence lasts as
 * long as the first one.
 */
export function expandSeries(
  start: Date,
  end: Date,
  timeZone: string,
  rule: RecurrenceRule,
  horizon: Interval,
): Interval[] {
  validateSeries(start, end, rule);
  const clock = createLocalClock(timeZone);
  const durationMs = end.getTime() - start.getTime();
  const horizonStart = horizon.start.getTime();
  const occurrences: Interval[] = [];
  for (const occurrenceStart of occurrenceStarts(clock, start.getTime(), rule, horizon.end.getTime())) {
    if (occurrenceStart + durationMs > horizonStart) {
      occurrences.push({ start: new Date(occurrenceStart), end: new Date(occurrenceStart + durationMs) });
    }
  }
  return occurrences;
}

/**
 * The starts of a series' occurrences before `until`, in order and lazily, so a check can stop at the
 * first occurrence that does not fit. The first is `start` itself; each later one is the same wall-clock
 * time on the pattern's date in the clock's zone.
 */
export function* occurrenceStarts(clock: LocalClock, start: number, rule: RecurrenceRule, until: number) {
  if (start >= until) return;
  yield start;
  const first = clock.read(start);
  for (let index = 1; index < rule.count; index++) {
    const next = clock.instant({ date: OCCURRENCE_DATE[rule.kind](first.date, index), msOfDay: first.msOfDay });
    if (next >= until) return;
    yield next;
  }
}

function validateSeries(start: Date, end: Date, rule: RecurrenceRule): void {
  if (!(end.getTime() > start.getTime())) {
    throw new AppError('validation_failed', 'A meeting must end after it starts', { details: { field: 'end' } });
  }
  if (!Number.isInteger(rule.count) || rule.count < 1 || rule.count > MAX_SERIES_OCCURRENCES) {
    throw new AppError('validation_failed', `A series has 1 to ${MAX_SERIES_OCCURRENCES} occurrences`, {
      details: { field: 'recurrence.count', value: rule.count },
    });
  }
  if (!(rule.kind in OCCURRENCE_DATE)) {
    throw new AppError('validation_failed', `Unknown recurrence "${String(rule.kind)}"`, {
      details: { field: 'recurrence.kind', value: rule.kind },
    });
  }
}
