import { DateTime, IANAZone } from 'luxon';
import { AppError } from '../app-error.ts';
import { addDays, type CivilDate, isoOf } from './civil-date.ts';

const DAY_MS = 86_400_000;

/** Wall-clock time in one zone: a date plus the milliseconds since its local midnight. */
export interface WallTime {
  date: CivilDate;
  msOfDay: number;
}

/**
 * Converts between instants and wall-clock times in one zone, through luxon. Resolving a wall-clock time
 * is luxon's slowest operation, and a series check asks for hundreds on the same few dates, so each
 * date's local midnight and length are resolved once: on a 24-hour day (no clock change) the time of day
 * is simply added to midnight; on a 23- or 25-hour day luxon resolves every time itself (a time in a
 * spring-forward gap moves to the first real instant after it).
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
  const zone = IANAZone.create(timeZone);
  if (!zone.isValid)
    throw new AppError('validation_failed', `Unknown time zone: ${timeZone}`, { details: { timeZone } });
  const days = new Map<string, DayInfo>();
  const midnightOf = (date: CivilDate) => DateTime.fromObject({ ...date }, { zone }).toMillis();
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
      return DateTime.fromObject({ ...date, ...clockOf(msOfDay) }, { zone }).toMillis();
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
      const local = DateTime.fromMillis(instant, { zone });
      const date = { year: local.year, month: local.month, day: local.day };
      return { date, msOfDay: ((local.hour * 60 + local.minute) * 60 + local.second) * 1000 + local.millisecond };
    },
  };
}

function clockOf(msOfDay: number) {
  const seconds = Math.floor(msOfDay / 1000);
  return {
    hour: Math.floor(seconds / 3600),
    minute: Math.floor(seconds / 60) % 60,
    second: seconds % 60,
    millisecond: msOfDay % 1000,
  };
}
