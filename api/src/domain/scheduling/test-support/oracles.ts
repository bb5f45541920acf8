import { DateTime } from 'luxon';
import type { Interval, PersonAvailability } from '../model.ts';
import { DEFAULT_WORKING_HOURS } from '../working-hours.ts';

/**
 * Independent checks for tests: read the suggestion's local wall-clock times with luxon and compare them
 * with the stated hours as text, rather than reusing the instants the slot finder computed. Hours whose end
 * is not after their start run past midnight: the slot then lies in the evening of a working day, the early
 * morning after it, or across the midnight between.
 */
export function insideWorkingHours(slot: Interval, person: PersonAvailability): boolean {
  const hours = person.workingHours ?? { ...DEFAULT_WORKING_HOURS, timeZone: person.timeZone };
  const start = DateTime.fromJSDate(slot.start, { zone: hours.timeZone });
  const end = DateTime.fromJSDate(slot.end, { zone: hours.timeZone });
  const [open, close] = [hours.start.slice(0, 5), hours.end.slice(0, 5)];
  const [from, to] = [start.toFormat('HH:mm'), end.toFormat('HH:mm')];
  const worksOn = (day: DateTime) =>
    (hours.days as readonly string[]).includes(day.setLocale('en-US').weekdayLong?.toLowerCase() ?? '');
  const days = Math.round(end.startOf('day').diff(start.startOf('day'), 'days').days);
  if (close > open) {
    const sameDay = days === 0 || (days === 1 && to === '00:00');
    return worksOn(start) && sameDay && from >= open && (to === '00:00' ? '24:00' : to) <= close;
  }
  if (days === 0 && from >= open) return worksOn(start);
  if (days === 0 && to <= close) return worksOn(start.minus({ days: 1 }));
  return days === 1 && from >= open && to <= close && worksOn(start);
}

/** Local `HH:mm` of an instant in a zone. */
export function clock(instant: Date, zone: string): string {
  return DateTime.fromJSDate(instant, { zone }).toFormat('HH:mm');
}
