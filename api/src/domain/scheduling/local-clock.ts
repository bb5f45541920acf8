import { addDays, instantAt, isTimeZone, localParts, utcDateKeyOf, type WallClock } from '@confer/contracts/time';
import { AppError } from '../app-error.ts';

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/**
 * Converts between instants and wall-clock times in one zone, with the rule the tab and the bot use
 * (`@confer/contracts/time`: a time in a spring-forward gap moves forward by the gap, a repeated time is its
 * first occurrence). Resolving a wall-clock time takes several Intl readings, and a series check asks for
 * hundreds on the same few dates, so each date's local midnight and length are resolved once: on a 24-hour
 * day (no clock change) the time of day is simply added to midnight; on a 23- or 25-hour day every time is
 * resolved on its own.
 */
export type LocalClock = WallClock;

interface DayInfo {
  midnight: number;
  next: number;
}

export function createLocalClock(timeZone: string): LocalClock {
  if (!isTimeZone(timeZone))
    throw new AppError('validation_failed', `Unknown time zone: ${timeZone}`, { details: { timeZone } });
  const days = new Map<string, DayInfo>();
  const midnightOf = (date: string) => instantAt(date, 0, timeZone).getTime();
  const day = (date: string): DayInfo => {
    let info = days.get(date);
    if (!info) {
      info = { midnight: midnightOf(date), next: midnightOf(addDays(date, 1)) };
      days.set(date, info);
    }
    return info;
  };
  const uniform = (info: DayInfo) => info.next - info.midnight === DAY_MS;
  /** The instant's place on a 24-hour `date`, or undefined when it falls on another date or a changing day. */
  const onDate = (instant: number, date: string) => {
    const info = day(date);
    return instant >= info.midnight && instant < info.next && uniform(info)
      ? { date, msOfDay: instant - info.midnight }
      : undefined;
  };
  return {
    instant({ date, msOfDay }) {
      const info = day(date);
      if (uniform(info)) return info.midnight + msOfDay;
      return instantAt(date, msOfDay / MINUTE_MS, timeZone).getTime();
    },
    read(instant) {
      // Every zone is within 14 hours of UTC: the local date is the UTC date or one either side.
      const around = utcDateKeyOf(instant);
      const found =
        onDate(instant, around) ?? onDate(instant, addDays(around, -1)) ?? onDate(instant, addDays(around, 1));
      if (found) return found;
      const local = localParts(instant, timeZone);
      return { date: local.dateKey, msOfDay: local.secondOfDay * 1000 + (((instant % 1000) + 1000) % 1000) };
    },
  };
}
