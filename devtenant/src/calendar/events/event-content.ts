import type { DateTime } from 'luxon';
import { GraphHttpError } from '../../graph/context.ts';
import { parseDateTimeTimeZone } from '../time/date-time.ts';
import type { EventPatchInput } from './event-input.ts';
import type { Attendee, EventContent, Location } from './event-model.ts';
import { NO_RESPONSE_TIME } from './event-model.ts';

export function validationError(message: string): GraphHttpError {
  return new GraphHttpError(
    400,
    'ErrorPropertyValidationFailure',
    `At least one property failed validation. ${message}`,
  );
}

type Times = Pick<EventContent, 'start' | 'end' | 'startMs' | 'endMs'>;

/**
 * Parses start/end; end before start and bad zones are refused (docs/reference/graph-calendar.md §7,
 * docs/reference/graph-calendar.md §9).
 */
export function parseTimes(start: EventContent['start'], end: EventContent['end'], isAllDay: boolean): Times {
  const startAt = parseDateTimeTimeZone(start, 'start');
  const endAt = parseDateTimeTimeZone(end, 'end');
  if (endAt < startAt) throw validationError('The end of the event must be after its start.');
  if (isAllDay) checkAllDay(startAt, endAt, start.timeZone, end.timeZone);
  return {
    start: { dateTime: start.dateTime, timeZone: start.timeZone },
    end: { dateTime: end.dateTime, timeZone: end.timeZone },
    startMs: startAt.toMillis(),
    endMs: endAt.toMillis(),
  };
}

/**
 * All-day events run midnight to midnight, both in the same zone, ending on a later date
 * (docs/reference/graph-calendar.md §9).
 */
function checkAllDay(startAt: DateTime, endAt: DateTime, startZone: string, endZone: string): void {
  const midnight = (at: DateTime) => at.hour === 0 && at.minute === 0 && at.second === 0 && at.millisecond === 0;
  if (startAt.zoneName !== endAt.zoneName || startZone !== endZone) {
    throw validationError('An all-day event must start and end in the same time zone.');
  }
  if (!midnight(startAt) || !midnight(endAt) || endAt <= startAt) {
    throw validationError('An all-day event must start and end at midnight, and end on a later day.');
  }
}

export function toLocation(
  input: { displayName?: string | undefined; locationType?: string | undefined } | null,
): Location {
  const displayName = input?.displayName ?? '';
  if (displayName === '') return { displayName: '', locationType: 'default', uniqueId: null, uniqueIdType: 'unknown' };
  return {
    displayName,
    locationType: input?.locationType ?? 'default',
    uniqueId: displayName,
    uniqueIdType: 'private',
  };
}

/** New attendees start at `none`; an attendee already on the meeting keeps the response they gave. */
export function toAttendees(
  input: NonNullable<EventPatchInput['attendees']>,
  previous: readonly Attendee[],
): Attendee[] {
  const seen = new Set<string>();
  const attendees: Attendee[] = [];
  for (const item of input) {
    const address = item.emailAddress.address.trim();
    if (!/^[^@\s]+@[^@\s]+$/.test(address)) throw validationError(`'${address}' is not a valid email address.`);
    if (seen.has(address.toLowerCase())) continue;
    seen.add(address.toLowerCase());
    const before = previous.find((a) => a.emailAddress.address.toLowerCase() === address.toLowerCase());
    attendees.push({
      type: item.type ?? 'required',
      status: before?.status ?? { response: 'none', time: NO_RESPONSE_TIME },
      emailAddress: { name: item.emailAddress.name ?? address, address },
      ...(before?.proposedNewTime ? { proposedNewTime: before.proposedNewTime } : {}),
    });
  }
  return attendees;
}
