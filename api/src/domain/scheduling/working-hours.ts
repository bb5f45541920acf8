import {
  workingDays as expandWorkingDays,
  WORKWEEK,
  type WorkingDay,
  workingHoursProblem,
} from '@confer/contracts/time';
import { AppError } from '../app-error.ts';
import { type Span, toInterval, toSpan } from './interval-math.ts';
import type { Interval, PersonAvailability, WorkingHours } from './model.ts';

/**
 * Hours assumed for someone whose mailbox states none: Monday to Friday 08:00–17:00 in their own zone,
 * the same default Graph's findMeetingTimes applies for `activityDomain: work` (docs/reference/graph-calendar.md §2).
 * Never the organizer's hours: a colleague in Kolkata does not work London hours.
 */
export const DEFAULT_WORKING_HOURS = {
  days: WORKWEEK,
  start: '08:00',
  end: '17:00',
} as const;

/** One local working day of one person: its instants and its local date in their zone. */
export type { WorkingDay };

/** The person's stated hours, or the default hours in the person's zone. */
export function workingHoursOf(person: Pick<PersonAvailability, 'timeZone' | 'workingHours'>): WorkingHours {
  return person.workingHours ?? { ...DEFAULT_WORKING_HOURS, timeZone: person.timeZone };
}

/** The intervals inside `window` when the person works, one per local working day. */
export function workingIntervals(
  person: Pick<PersonAvailability, 'timeZone' | 'workingHours'>,
  window: Interval,
): Interval[] {
  return workingDays(workingHoursOf(person), toSpan(window)).map(toInterval);
}

/**
 * Working days computed per local date in the hours' own zone, with the expansion the tab's grid uses
 * (`@confer/contracts/time`), so the slot finder and the grid agree on who is working when. Refuses hours
 * that are not `HH:mm` (or Graph's `HH:mm:ss.fffffff`) in a known zone.
 */
export function workingDays(hours: WorkingHours, window: Span): WorkingDay[] {
  const problem = workingHoursProblem(hours);
  if (problem?.field === 'timeZone') {
    throw new AppError('validation_failed', `Unknown time zone: ${problem.value}`, {
      details: { zone: problem.value },
    });
  }
  if (problem) {
    throw new AppError('validation_failed', `Working hours ${problem.field} must be HH:mm, got "${problem.value}"`, {
      details: { field: `workingHours.${problem.field}`, value: problem.value },
    });
  }
  return expandWorkingDays(hours, window);
}
