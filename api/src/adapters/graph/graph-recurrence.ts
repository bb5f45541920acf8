import { WEEKDAYS_FROM_MONDAY } from '@confer/contracts/time';
import { DateTime } from 'luxon';
import type { RecurrenceRule } from '../../domain/scheduling/model.ts';
import { toGraphTimeZone } from './graph-zones.ts';

/**
 * Confer's series as Graph's `patternedRecurrence` (docs/reference/graph-calendar.md §3), expanded in the event's own
 * zone so the local time holds across DST: weekly / every two weeks on the start's weekday, monthly on the start's day
 * of the month (`absoluteMonthly`: a day past a short month's end falls on its last day in Outlook, as in
 * contracts/src/time/series.ts). `numbered` range, starting on the start's local date, which Graph requires
 * to equal the event's start date.
 */
export function toPatternedRecurrence(rule: RecurrenceRule, start: Date, timeZone: string) {
  const local = DateTime.fromJSDate(start, { zone: timeZone });
  if (!local.isValid) throw new RangeError(`Unknown time zone: ${timeZone}`);
  const range = {
    type: 'numbered',
    startDate: local.toISODate(),
    numberOfOccurrences: rule.count,
    recurrenceTimeZone: toGraphTimeZone(timeZone),
  };
  const weekday = WEEKDAYS_FROM_MONDAY[local.weekday - 1];
  switch (rule.kind) {
    case 'weekly':
    case 'biweekly':
      return {
        pattern: {
          type: 'weekly',
          interval: rule.kind === 'weekly' ? 1 : 2,
          daysOfWeek: [weekday],
          firstDayOfWeek: 'monday',
        },
        range,
      };
    case 'monthly':
      return { pattern: { type: 'absoluteMonthly', interval: 1, dayOfMonth: local.day }, range };
  }
}
