import { GraphHttpError } from '../../graph/context.ts';
import type { RecurrenceInput } from '../events/event-input.ts';
import type { PatternedRecurrence } from '../events/event-model.ts';
import { requireIana } from '../time/time-zones.ts';
import { firstOccurrenceDate } from './recurrence-expander.ts';

function invalid(message: string): GraphHttpError {
  return new GraphHttpError(
    400,
    'ErrorPropertyValidationFailure',
    `At least one property failed validation. ${message}`,
  );
}

/** Which pattern properties each pattern type needs (docs/reference/graph-calendar.md §3). */
function checkPattern(pattern: RecurrenceInput['pattern']): void {
  const needsDays = ['weekly', 'relativeMonthly', 'relativeYearly'].includes(pattern.type);
  const needsDayOfMonth = pattern.type === 'absoluteMonthly' || pattern.type === 'absoluteYearly';
  const needsMonth = pattern.type === 'absoluteYearly' || pattern.type === 'relativeYearly';
  if (!pattern.interval && pattern.type !== 'absoluteYearly' && pattern.type !== 'relativeYearly') {
    throw invalid(`Recurrence pattern '${pattern.type}' requires 'interval'.`);
  }
  if (needsDays && !pattern.daysOfWeek?.length)
    throw invalid(`Recurrence pattern '${pattern.type}' requires 'daysOfWeek'.`);
  if (needsDayOfMonth && !pattern.dayOfMonth)
    throw invalid(`Recurrence pattern '${pattern.type}' requires 'dayOfMonth'.`);
  if (needsMonth && !pattern.month) throw invalid(`Recurrence pattern '${pattern.type}' requires 'month'.`);
}

/**
 * Validates a recurrence and fills the defaults Graph echoes back (`month: 0`, `index: "first"`,
 * `numberOfOccurrences: 0`, `recurrenceTimeZone` = the event's start zone), docs/reference/graph-calendar.md §3.
 */
export function normalizeRecurrence(input: RecurrenceInput, startZone: string): PatternedRecurrence {
  const { pattern, range } = input;
  checkPattern(pattern);
  if (range.type === 'endDate' && (!range.endDate || range.endDate < range.startDate)) {
    throw invalid("Recurrence range 'endDate' requires an 'endDate' on or after 'startDate'.");
  }
  if (range.type === 'numbered' && !range.numberOfOccurrences) {
    throw invalid("Recurrence range 'numbered' requires 'numberOfOccurrences' greater than 0.");
  }
  const recurrenceTimeZone = range.recurrenceTimeZone || startZone;
  requireIana(recurrenceTimeZone);
  const normalized: PatternedRecurrence = {
    pattern: {
      type: pattern.type,
      interval: pattern.interval ?? 1,
      month: pattern.month ?? 0,
      dayOfMonth: pattern.dayOfMonth ?? 0,
      daysOfWeek: pattern.daysOfWeek ?? [],
      firstDayOfWeek: pattern.firstDayOfWeek ?? 'sunday',
      index: pattern.index ?? 'first',
    },
    range: {
      type: range.type,
      startDate: range.startDate,
      endDate: range.type === 'endDate' ? (range.endDate as string) : '0001-01-01',
      recurrenceTimeZone,
      numberOfOccurrences: range.type === 'numbered' ? (range.numberOfOccurrences as number) : 0,
    },
  };
  if (!firstOccurrenceDate(normalized)) {
    throw new GraphHttpError(400, 'ErrorRecurrenceHasNoOccurrence', 'The recurrence pattern has no occurrences.');
  }
  return normalized;
}
