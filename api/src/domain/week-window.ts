import { addDays, dateKeyIn, isTimeZone, startOfDay } from '@confer/contracts/time';

/**
 * "The next 7 days" as a person reads it: from the start of today in their own time zone to the start of the
 * same local date seven days later. Computed in the zone, so a DST change inside the week makes the window
 * 167 or 169 hours long rather than cutting a day short.
 */
export function weekWindow(now: Date, timeZone: string): { start: Date; end: Date } {
  if (!isTimeZone(timeZone)) throw new RangeError(`Unknown time zone: ${timeZone}`);
  const today = dateKeyIn(now, timeZone);
  return { start: startOfDay(today, timeZone), end: startOfDay(addDays(today, 7), timeZone) };
}
