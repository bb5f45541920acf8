import type { Translator } from '@confer/contracts/i18n';
import { noonOf, zoneDisplayName } from '@confer/contracts/time';

/** Dates and times for the schedule page, in the viewer's locale and zone (Intl only). */
export interface ScheduleFormat {
  /** "Mon 23" */
  dayShort(dateKey: string): string;
  /** "Tuesday 24 November" */
  dayLong(dateKey: string): string;
  /** "14:00" or "2:00 PM" */
  time(instant: Date): string;
  /** Wall-clock minute of the grid as a row label. */
  clock(minute: number): string;
  /** "14:00 to 14:30" (spoken form: screen readers do not read an en dash as "to"). */
  timeSpan(start: Date, end: Date): string;
  /** "Tue 24 Nov, 14:00 – 14:30" */
  when(start: Date, end: Date): string;
  /** "23 – 29 November 2026" */
  daysRange(first: string, last: string): string;
  /** A time in someone else's zone: "09:00 – 09:30 (Eastern Time)". */
  inZone(start: Date, end: Date, timeZone: string): string;
  zoneName(timeZone: string): string;
}

/** "09:00 to 09:30" in the person's language, for `createScheduleFormat`. */
export function timeSpanWords(i18n: Translator): (start: string, end: string) => string {
  return (start, end) => i18n.t('schedule.grid.timeSpan', { start, end });
}

/** `to` joins two times ("09:00 to 09:30"): `{start} to {end}` from the person's catalogue. */
export function createScheduleFormat(
  locale: string,
  timeZone: string,
  to: (start: string, end: string) => string,
): ScheduleFormat {
  const dayShort = new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', timeZone: 'UTC' });
  const dayLong = new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' });
  const time = new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone });
  const clock = new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' });
  const when = new Intl.DateTimeFormat(locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: 'numeric',
    minute: '2-digit',
    timeZone,
  });
  const range = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  const zoned = new Map<string, Intl.DateTimeFormat>();
  const zonedTime = (zone: string) => {
    let formatter = zoned.get(zone);
    if (!formatter) {
      formatter = new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone: zone });
      zoned.set(zone, formatter);
    }
    return formatter;
  };
  const format: ScheduleFormat = {
    dayShort: (key) => dayShort.format(noonOf(key)),
    dayLong: (key) => dayLong.format(noonOf(key)),
    time: (instant) => time.format(instant),
    clock: (minute) => clock.format(new Date(Date.UTC(2000, 0, 1) + minute * 60_000)),
    timeSpan: (start, end) => to(time.format(start), time.format(end)),
    when: (start, end) => when.formatRange(start, end),
    daysRange: (first, last) =>
      first === last ? range.format(noonOf(first)) : range.formatRange(noonOf(first), noonOf(last)),
    inZone: (start, end, zone) => `${zonedTime(zone).formatRange(start, end)} (${format.zoneName(zone)})`,
    zoneName: (zone) => zoneDisplayName(locale, zone),
  };
  return format;
}
