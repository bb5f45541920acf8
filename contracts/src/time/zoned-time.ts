/**
 * Instants ↔ wall-clock times in IANA zones, with Intl only so the same code runs in the tab's bundle, the
 * bot and the API. Dates are date keys (`YYYY-MM-DD`, see date-key.ts); a time of day is minutes or seconds
 * since local midnight.
 *
 * One rule for times a clock change makes odd, the one Outlook applies to a meeting booked at such a time:
 * - a time that does not exist (skipped by a spring-forward change) moves forward by the length of the gap:
 *   02:30 on a day London jumps from 01:00 to 02:00 is 02:30 BST (an hour later; 30 minutes on Lord Howe);
 * - a time that happens twice (a fall-back change) is its first occurrence, the one before the change.
 */

import { utcMidnightOf } from './date-key.ts';

const MINUTE_MS = 60_000;
/** No zone changes its offset twice within two days: sampling a day either side finds both offsets of a change. */
const PROBE_MS = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** True when the engine knows the IANA zone (`Europe/London`, `UTC`); false for `Mars/Olympus` or ``. */
export function isTimeZone(timeZone: string): boolean {
  if (!timeZone) return false;
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** What a wall clock in a zone shows at an instant. */
export interface LocalParts {
  /** `YYYY-MM-DD`, also the value of an Adaptive Card `Input.Date`. */
  readonly dateKey: string;
  /** `HH:mm`, also the value of an Adaptive Card `Input.Time`. */
  readonly time: string;
  /** Seconds since local midnight. */
  readonly secondOfDay: number;
  /** Minutes since local midnight, seconds as a fraction. */
  readonly minuteOfDay: number;
}

export function localParts(instant: Date | number, timeZone: string): LocalParts {
  const at = Number(instant);
  return partsOfWall(at + offsetMs(at, timeZone));
}

export function dateKeyIn(instant: Date | number, timeZone: string): string {
  return localParts(instant, timeZone).dateKey;
}

/** The wall clock written as if it were UTC (milliseconds), read as date key, time and time of day. */
function partsOfWall(wall: number): LocalParts {
  const civil = new Date(wall);
  const secondOfDay = civil.getUTCHours() * 3600 + civil.getUTCMinutes() * 60 + civil.getUTCSeconds();
  const two = (value: number) => String(value).padStart(2, '0');
  return {
    dateKey: `${civil.getUTCFullYear()}-${two(civil.getUTCMonth() + 1)}-${two(civil.getUTCDate())}`,
    time: `${two(civil.getUTCHours())}:${two(civil.getUTCMinutes())}`,
    secondOfDay,
    minuteOfDay: secondOfDay / 60,
  };
}

/** What Intl says the wall clock shows at an instant, written as if it were UTC, in milliseconds. */
function wallMsByIntl(instant: number, timeZone: string): number {
  const fields: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) fields[part.type] = part.value;
  // Engines that predate `hourCycle` write midnight as 24.
  const hour = Number(fields.hour) % 24;
  const secondOfDay = hour * 3600 + Number(fields.minute) * 60 + Number(fields.second);
  const dateKey = `${fields.year}-${fields.month}-${fields.day}`;
  return utcMidnightOf(dateKey) + secondOfDay * 1000 + (((instant % 1000) + 1000) % 1000);
}

const DAY_MS = 86_400_000;
/** Per zone, the offset in force through each UTC day (by day number), or NaN for a day with a change. */
const offsetsByDay = new Map<string, Map<number, number>>();
let daysKnown = 0;
const MAX_DAYS_KNOWN = 100_000;

/**
 * The zone's offset at an instant, in milliseconds. Asking Intl costs microseconds and a week's grid asks
 * hundreds of times, so the offset is asked for at both ends of the instant's UTC day and kept for the day when
 * the two agree (no zone changes its offset twice within two days, the rule `instantAt` relies on too); on a day
 * with a change Intl is asked for each instant. Bounded: emptied when full.
 */
function offsetMs(instant: number, timeZone: string): number {
  const day = Math.floor(instant / DAY_MS);
  let days = offsetsByDay.get(timeZone);
  if (!days) {
    days = new Map();
    offsetsByDay.set(timeZone, days);
  }
  let offset = days.get(day);
  if (offset === undefined) {
    const first = day * DAY_MS;
    const last = first + DAY_MS - 1;
    const atStart = wallMsByIntl(first, timeZone) - first;
    const atEnd = wallMsByIntl(last, timeZone) - last;
    offset = atStart === atEnd ? atStart : Number.NaN;
    if (daysKnown >= MAX_DAYS_KNOWN) {
      offsetsByDay.clear();
      daysKnown = 0;
      days = new Map();
      offsetsByDay.set(timeZone, days);
    }
    days.set(day, offset);
    daysKnown++;
  }
  return Number.isNaN(offset) ? wallMsByIntl(instant, timeZone) - instant : offset;
}

/** The wall clock at `instant` written as if it were UTC, in milliseconds. */
function wallMs(instant: number, timeZone: string): number {
  return instant + offsetMs(instant, timeZone);
}

/** Offset of the zone from UTC at that instant, in minutes, east positive (Kolkata 330, New York −300). */
export function offsetMinutes(instant: Date | number, timeZone: string): number {
  return Math.round(offsetMs(Number(instant), timeZone) / MINUTE_MS);
}

/**
 * The instant a wall clock in the zone shows `minuteOfDay` on `dateKey`, by the rule at the top of this file.
 * Minutes past 1440 or below 0 run into the following or previous days (1440 is the next midnight).
 */
export function instantAt(dateKey: string, minuteOfDay: number, timeZone: string): Date {
  const wall = utcMidnightOf(dateKey) + Math.round(minuteOfDay * MINUTE_MS);
  const offsetBefore = offsetMs(wall - PROBE_MS, timeZone);
  const offsetAfter = offsetMs(wall + PROBE_MS, timeZone);
  const before = wall - offsetBefore;
  if (offsetBefore === offsetAfter) return new Date(before);
  const after = wall - offsetAfter;
  const shows = (candidate: number) => wallMs(candidate, timeZone) === wall;
  const valid = [before, after].filter(shows);
  // Two readings: the repeated hour, take the first. None: the gap, where the offset from before the change
  // lands the length of the gap later.
  return new Date(valid.length ? Math.min(...valid) : before);
}

/** The instant a local day begins (usually 00:00; the first real instant when a change skips midnight). */
export function startOfDay(dateKey: string, timeZone: string): Date {
  return instantAt(dateKey, 0, timeZone);
}

/**
 * The instant of a date and time as a person enters them (`YYYY-MM-DD` and `HH:mm`, seconds allowed, as
 * Adaptive Card Input.Date and Input.Time send them) in their zone; undefined when either is not a real date
 * or time, or the zone is unknown.
 */
export function zonedInstant(date: string, time: string, timeZone: string): Date | undefined {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})(?::\d{2})?$/.exec(time);
  if (!d || !t || !isTimeZone(timeZone)) return undefined;
  const [year, month, day, hour, minute] = [d[1], d[2], d[3], t[1], t[2]].map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const civil = new Date(Date.UTC(year, month - 1, day));
  if (civil.getUTCMonth() !== month - 1 || civil.getUTCDate() !== day || hour > 23 || minute > 59) return undefined;
  return instantAt(date, hour * 60 + minute, timeZone);
}

/**
 * The zone as people name it in their language ("Pacific Time" rather than "America/Los_Angeles"), falling
 * back to the IANA name, which is exact, on an engine without `longGeneric` or for an unknown zone.
 */
export function zoneDisplayName(locale: string, timeZone: string, at: Date = new Date()): string {
  try {
    const parts = zoneNameFormatter(locale, timeZone).formatToParts(at);
    return parts.find((part) => part.type === 'timeZoneName')?.value ?? timeZone;
  } catch {
    return timeZone;
  }
}

const zoneNameFormatters = new Map<string, Intl.DateTimeFormat>();

/** One formatter per locale and zone (making one costs far more than using it); throws for an unknown zone. */
function zoneNameFormatter(locale: string, timeZone: string): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}`;
  let formatter = zoneNameFormatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'longGeneric' });
    if (zoneNameFormatters.size >= 200) zoneNameFormatters.clear();
    zoneNameFormatters.set(key, formatter);
  }
  return formatter;
}
