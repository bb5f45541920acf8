import { instantAt, isTimeZone, localParts } from '@confer/contracts/time';
import { AppError } from '../app-error.ts';
import { addDays, type CivilDate, isoOf } from './civil-date.ts';

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/** Wall-clock time in one zone: a date plus the milliseconds since its local midnight. */
export interface WallTime {
  date: CivilDate;
  msOfDay: number;
}

/**
 * Converts between instants and wall-clock times in one zone, with the rule the tab and the bot use
 * (`@confer/contracts/time`: a time in a spring-forward gap moves forward by the gap, a repeated time is its
 * first occurrence). Resolving a wall-clock time takes several Intl readings, and a series check asks for
 * hundreds on the same few dates, so each date's local midnight and length are resolved once: on a 24-hour
 * day (no clock change) the time of day is simply added to midnight; on a 23- or 25-hour day every time is
 * resolved on its own.
 */
export interface LocalClock {
  instant(wall: WallTime): number;
  read(instant: number): WallTime;
}

interface DayInfo {
  midnight: number;
  next: number;
}

export function createLocalClock(timeZone: string): LocalClock {
  if (!isTimeZone(timeZone))
    throw new AppError('validation_failed', `Unknown time zone: ${timeZone}`, { details: { timeZone } });
  const days = new Map<string, DayInfo>();
  const midnightOf = (date: CivilDate) => instantAt(isoOf(date), 0, timeZone).getTime();
  const day = (date: CivilDate): DayInfo => {
    const key = isoOf(date);
    let info = days.get(key);
    if (!info) {
      info = { midnight: midnightOf(date), next: midnightOf(addDays(date, 1)) };
      days.set(key, info);
    }
    return info;
  };
  const uniform = (info: DayInfo) => info.next - info.midnight === DAY_MS;
  return {
    instant({ date, msOfDay }) {
      const info = day(date);
      if (uniform(info)) return info.midnight + msOfDay;
      return instantAt(isoOf(date), msOfDay / MINUTE_MS, timeZone).getTime();
    },
    read(instant) {
      // Every zone is within 14 hours of UTC: the local date is the UTC date or one either side.
      const utcDate = new Date(instant);
      const around = { year: utcDate.getUTCFullYear(), month: utcDate.getUTCMonth() + 1, day: utcDate.getUTCDate() };
      for (const date of [around, addDays(around, -1), addDays(around, 1)]) {
        const info = day(date);
        if (instant >= info.midnight && instant < info.next && uniform(info)) {
          return { date, msOfDay: instant - info.midnight };
        }
      }
      const local = localParts(instant, timeZone);
      const [year = 1970, month = 1, dayOfMonth = 1] = local.dateKey.split('-').map(Number);
      return {
        date: { year, month, day: dayOfMonth },
        msOfDay: local.secondOfDay * 1000 + (((instant % 1000) + 1000) % 1000),
      };
    },
  };
}
