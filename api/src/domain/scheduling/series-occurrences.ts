import { DateTime, type DurationLike } from 'luxon';
import { AppError } from '../app-error.ts';
import type { Interval, RecurrenceKind, RecurrenceRule } from './model.ts';

/** Upper bound on a series' occurrences: two years of weekly meetings. Longer series are refused. */
export const MAX_SERIES_OCCURRENCES = 104;

const STEP: Record<RecurrenceKind, (index: number) => DurationLike> = {
  weekly: (index) => ({ weeks: index }),
  biweekly: (index) => ({ weeks: 2 * index }),
  monthly: (index) => ({ months: index }),
};

/**
 * The occurrences of a series that overlap `horizon`, in order.
 *
 * Each occurrence is computed from the first start (never from the previous occurrence) in `timeZone`,
 * so it keeps the local wall-clock time across DST, as Outlook keeps a series' local time
 * (graph-calendar.md: recurrence expands in the recurrence time zone).
 *
 * Monthly means the same day of the month. In a month without that day the occurrence falls on the
 * month's last day (a series on the 31st meets on 30 April and 28 February): Outlook and CDO treat a
 * dayOfMonth past the month's end as its last day (RecurrencePattern.DayOfMonth: "the last day of every
 * month can be represented by the value 31"; Outlook generates February 28 where Schedule+ skipped the
 * month), unlike RFC 5545, which skips the month. luxon's month arithmetic clamps the same way.
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
  const first = DateTime.fromJSDate(start, { zone: timeZone });
  if (!first.isValid)
    throw new AppError('validation_failed', `Unknown time zone: ${timeZone}`, { details: { timeZone } });
  const durationMs = end.getTime() - start.getTime();
  const horizonStart = horizon.start.getTime();
  const horizonEnd = horizon.end.getTime();
  const occurrences: Interval[] = [];
  for (let index = 0; index < rule.count; index++) {
    const occurrenceStart = first.plus(STEP[rule.kind](index)).toMillis();
    if (occurrenceStart >= horizonEnd) break;
    const occurrenceEnd = occurrenceStart + durationMs;
    if (occurrenceEnd > horizonStart) {
      occurrences.push({ start: new Date(occurrenceStart), end: new Date(occurrenceEnd) });
    }
  }
  return occurrences;
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
  if (!(rule.kind in STEP)) {
    throw new AppError('validation_failed', `Unknown recurrence "${String(rule.kind)}"`, {
      details: { field: 'recurrence.kind', value: rule.kind },
    });
  }
}
