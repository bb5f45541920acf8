/**
 * Wall-clock arithmetic in IANA zones with Intl only (no date library in the bundle). Date keys are `YYYY-MM-DD`
 * calendar dates; minutes are minutes since local midnight.
 */

import { zonedParts } from '../../lib/zoned-date.ts';

export interface WallClock {
  readonly dateKey: string;
  readonly minute: number;
}

export function wallClockOf(instant: Date, timeZone: string): WallClock {
  const { dateKey, secondOfDay } = zonedParts(instant, timeZone);
  return { dateKey, minute: secondOfDay / 60 };
}

/** Offset of the zone from UTC at that instant, in minutes (east positive). */
export function offsetMinutes(instant: Date, timeZone: string): number {
  const wall = wallClockOf(instant, timeZone);
  const [y, m, d] = splitKey(wall.dateKey);
  const asUtc = Date.UTC(y, m - 1, d) + wall.minute * 60_000;
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/**
 * The instant a wall clock shows `minute` on `dateKey` in the zone. A time skipped by a spring-forward change
 * resolves to the instant just after the gap, as Outlook does; a repeated autumn hour resolves to its first pass.
 */
export function instantAt(dateKey: string, minute: number, timeZone: string): Date {
  if (minute >= 1440 || minute < 0) {
    const days = Math.floor(minute / 1440);
    return instantAt(addDays(dateKey, days), minute - days * 1440, timeZone);
  }
  const [y, m, d] = splitKey(dateKey);
  const naive = Date.UTC(y, m - 1, d) + minute * 60_000;
  const before = naive - offsetMinutes(new Date(naive - 12 * 3_600_000), timeZone) * 60_000;
  const after = naive - offsetMinutes(new Date(naive + 12 * 3_600_000), timeZone) * 60_000;
  const shows = (candidate: number) => {
    const wall = wallClockOf(new Date(candidate), timeZone);
    return wall.dateKey === dateKey && Math.round(wall.minute) === minute;
  };
  const valid = [before, after].filter(shows);
  // Both valid: the repeated autumn hour, take its first pass. None: the spring gap, the pre-change offset lands
  // just after it.
  return new Date(valid.length ? Math.min(...valid) : before);
}

export function addDays(dateKey: string, days: number): string {
  const [y, m, d] = splitKey(dateKey);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday, as `Date.getUTCDay`. */
export function weekdayOf(dateKey: string): number {
  const [y, m, d] = splitKey(dateKey);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

export function daysBetween(from: string, to: string): number {
  const [y1, m1, d1] = splitKey(from);
  const [y2, m2, d2] = splitKey(to);
  return Math.round((Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / 86_400_000);
}

/** Noon UTC of a date key: formatting it with `timeZone: 'UTC'` shows that calendar date in any locale. */
export function noonOf(dateKey: string): Date {
  return new Date(`${dateKey}T12:00:00Z`);
}

export const WEEKDAY_NAMES = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;

function splitKey(dateKey: string): [number, number, number] {
  const [y = 1970, m = 1, d = 1] = dateKey.split('-').map(Number);
  return [y, m, d];
}
