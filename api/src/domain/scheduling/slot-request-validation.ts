import { LIMITS } from '@confer/contracts';
import { isTimeZone } from '@confer/contracts/time';
import { AppError } from '../app-error.ts';
import type { SlotRequest } from './model.ts';

/** getSchedule answers for at most 62 days (docs/reference/graph-calendar.md §1); nothing longer can be read. */
export const MAX_WINDOW_DAYS = 62;
/** The organizer and up to 19 others: one getSchedule request reads 20 mailboxes (issue 4). */
export const MAX_PEOPLE = 20;
/** Eight hours: longer is not a conversation (issue 4: durations over 8 hours are refused). */
export const MAX_DURATION_MINUTES = 8 * 60;
/** Steps that divide an hour, so the grid lands on the hour in the organizer's zone. */
export const ALLOWED_STEPS = [5, 10, 15, 20, 30, 60] as const;
export const MAX_BUFFER_MINUTES = 120;
export const MAX_SUGGESTIONS = 50;

/** Refuses a request no caller should send, with a machine-readable field; nothing is computed. */
export function validateSlotRequest(request: SlotRequest): void {
  const { window } = request;
  const windowMs = window.end.getTime() - window.start.getTime();
  check(windowMs > 0, 'window', 'The window must end after it starts');
  check(windowMs <= MAX_WINDOW_DAYS * 86_400_000, 'window', `The window is at most ${MAX_WINDOW_DAYS} days`);
  check(Number.isFinite(request.notBefore.getTime()), 'notBefore', 'notBefore must be a valid time');
  check(
    isIntegerIn(request.durationMinutes, 1, MAX_DURATION_MINUTES),
    'durationMinutes',
    'Duration is 1 to 480 minutes',
  );
  check(
    (ALLOWED_STEPS as readonly number[]).includes(request.stepMinutes),
    'stepMinutes',
    `The step is one of ${ALLOWED_STEPS.join(', ')} minutes`,
  );
  check(isIntegerIn(request.bufferBeforeMinutes, 0, MAX_BUFFER_MINUTES), 'bufferBeforeMinutes', 'Buffer is 0 to 120');
  check(isIntegerIn(request.bufferAfterMinutes, 0, MAX_BUFFER_MINUTES), 'bufferAfterMinutes', 'Buffer is 0 to 120');
  check(isIntegerIn(request.maxSuggestions, 1, MAX_SUGGESTIONS), 'maxSuggestions', 'Ask for 1 to 50 suggestions');
  check(
    request.maxMeetingsPerDay === null || isIntegerIn(request.maxMeetingsPerDay, 1, 48),
    'maxMeetingsPerDay',
    'The per-day cap is null or 1 to 48',
  );
  check(isIntegerIn(request.people.length, 1, MAX_PEOPLE), 'people', `A meeting has 1 to ${MAX_PEOPLE} people`);
  for (const [index, person] of request.people.entries()) {
    check(isTimeZone(person.timeZone), `people.${index}.timeZone`, `Unknown time zone ${person.timeZone}`);
    const hoursZone = person.workingHours?.timeZone ?? person.timeZone;
    check(isTimeZone(hoursZone), `people.${index}.workingHours`, `Unknown time zone ${hoursZone}`);
  }
  const count = request.recurrence?.count ?? 1;
  check(
    isIntegerIn(count, 1, LIMITS.maxSeriesOccurrences),
    'recurrence.count',
    `A series has 1 to ${LIMITS.maxSeriesOccurrences} occurrences`,
  );
}

function isIntegerIn(value: number, min: number, max: number): boolean {
  return Number.isInteger(value) && value >= min && value <= max;
}

function check(ok: boolean, field: string, message: string): void {
  if (!ok) throw new AppError('validation_failed', message, { details: { field } });
}
