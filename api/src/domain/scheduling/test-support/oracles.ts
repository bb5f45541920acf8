import { DateTime } from 'luxon';
import type { Interval, PersonAvailability } from '../model.ts';
import { DEFAULT_WORKING_HOURS } from '../working-hours.ts';

/**
 * Independent checks for tests: read the suggestion's local wall-clock times with luxon and compare them
 * with the stated hours as text, rather than reusing the instants the slot finder computed.
 */
export function insideWorkingHours(slot: Interval, person: PersonAvailability): boolean {
  const hours = person.workingHours ?? { ...DEFAULT_WORKING_HOURS, timeZone: person.timeZone };
  const start = DateTime.fromJSDate(slot.start, { zone: hours.timeZone });
  const end = DateTime.fromJSDate(slot.end, { zone: hours.timeZone });
  const weekday = start.setLocale('en-US').weekdayLong?.toLowerCase() ?? '';
  const sameDay = start.toISODate() === end.toISODate() || end.toFormat('HH:mm') === '00:00';
  const endClock = end.toFormat('HH:mm') === '00:00' ? '24:00' : end.toFormat('HH:mm');
  return (
    (hours.days as readonly string[]).includes(weekday) &&
    sameDay &&
    start.toFormat('HH:mm') >= hours.start.slice(0, 5) &&
    endClock <= hours.end.slice(0, 5)
  );
}

/** Local `HH:mm` of an instant in a zone. */
export function clock(instant: Date, zone: string): string {
  return DateTime.fromJSDate(instant, { zone }).toFormat('HH:mm');
}
