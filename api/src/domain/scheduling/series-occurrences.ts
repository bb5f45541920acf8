import { LIMITS, RECURRENCE_KINDS } from '@confer/contracts';
import { seriesStarts } from '@confer/contracts/time';
import { AppError } from '../app-error.ts';
import { createLocalClock, type LocalClock } from './local-clock.ts';
import type { Interval, RecurrenceRule } from './model.ts';

/**
 * The occurrences of a series that overlap `horizon`, in order, by the series rule in
 * `@confer/contracts/time` (series.ts: each keeps the first one's wall-clock time in `timeZone` across DST;
 * monthly on the 31st meets on the last day of shorter months, as Outlook does). Each lasts as long as the
 * first.
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
 * first occurrence that does not fit. The clock caches each day's local midnight, which is what keeps the
 * slot finder's check of every candidate's series fast.
 */
export function occurrenceStarts(clock: LocalClock, start: number, rule: RecurrenceRule, until: number) {
  return seriesStarts(start, clock, rule, until);
}

function validateSeries(start: Date, end: Date, rule: RecurrenceRule): void {
  if (!(end.getTime() > start.getTime())) {
    throw new AppError('validation_failed', 'A meeting must end after it starts', { details: { field: 'end' } });
  }
  if (!Number.isInteger(rule.count) || rule.count < 1 || rule.count > LIMITS.maxSeriesOccurrences) {
    throw new AppError('validation_failed', `A series has 1 to ${LIMITS.maxSeriesOccurrences} occurrences`, {
      details: { field: 'recurrence.count', value: rule.count },
    });
  }
  if (!RECURRENCE_KINDS.includes(rule.kind)) {
    throw new AppError('validation_failed', `Unknown recurrence "${String(rule.kind)}"`, {
      details: { field: 'recurrence.kind', value: rule.kind },
    });
  }
}
