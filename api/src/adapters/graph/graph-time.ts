import { DateTime } from 'luxon';
import { findIana } from 'windows-iana';

/**
 * Graph reports mailbox zones with Windows names ("GMT Standard Time"); Confer works in IANA names.
 * Some mailboxes already carry an IANA name, which we keep.
 */
export function toIanaZone(zone: string | null | undefined): string | null {
  if (!zone) return null;
  let iana = resolvedZones.get(zone);
  if (iana === undefined) {
    iana = resolveZone(zone);
    if (resolvedZones.size < MAX_RESOLVED_ZONES) resolvedZones.set(zone, iana);
  }
  return iana;
}

/**
 * Resolving a name costs tens of microseconds (a Windows name is first tried, and fails, as IANA) and a
 * getSchedule answer names a zone on every item, so answers are remembered; the zone database does not change
 * while the process runs. Bounded, as the names come from outside.
 */
const resolvedZones = new Map<string, string | null>();
const MAX_RESOLVED_ZONES = 1_000;

function resolveZone(zone: string): string | null {
  if (DateTime.local().setZone(zone).isValid) return zone;
  const [iana] = findIana(zone) ?? [];
  return iana ? (currentNames[iana] ?? iana) : null;
}

/**
 * CLDR (and so windows-iana) still lists a few zones under their pre-rename IANA names first; both
 * names work everywhere, but people expect to read the current one.
 */
const currentNames: Readonly<Record<string, string>> = {
  'Asia/Calcutta': 'Asia/Kolkata',
  'Asia/Katmandu': 'Asia/Kathmandu',
  'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'Asia/Rangoon': 'Asia/Yangon',
  'Europe/Kiev': 'Europe/Kyiv',
  'Etc/UTC': 'UTC',
};

/** `{ dateTime: "2026-11-21T09:00:00.0000000", timeZone }` → the UTC instant it names. */
export function toInstant(value: { dateTime: string; timeZone: string }): Date {
  const zone = toIanaZone(value.timeZone) ?? 'UTC';
  const fast = zone === 'UTC' ? utcInstant(value.dateTime) : null;
  if (fast) return fast;
  const parsed = DateTime.fromISO(value.dateTime.replace(/(\.\d{3})\d+$/, '$1'), { zone });
  if (!parsed.isValid) throw new RangeError(`Unreadable Graph date-time: ${value.dateTime} ${value.timeZone}`);
  return parsed.toJSDate();
}

/**
 * Confer asks Graph for UTC (`Prefer: outlook.timezone="UTC"`), so nearly every date-time it reads is UTC
 * wall-clock time in Graph's usual shape, `YYYY-MM-DDTHH:MM[:SS[.f…]]` with one to seven fractional digits: read
 * it digit by digit without luxon (a getSchedule answer holds hundreds; a regular expression and reading the
 * Date back cost more than the rest of the answer's reading). Milliseconds are kept and finer digits dropped, as
 * on the zoned path; anything else (another shape, 24:00, years below 100, an impossible date) answers null and
 * takes the zoned path, which accepts or refuses it as before.
 */
function utcInstant(dateTime: string): Date | null {
  const length = dateTime.length;
  if (length < 16 || !separatorsAt(dateTime, DATE_MINUTE_SEPARATORS)) return null;
  const year = digits(dateTime, 0, 4);
  const month = digits(dateTime, 5, 2);
  const day = digits(dateTime, 8, 2);
  const hour = digits(dateTime, 11, 2);
  const minute = digits(dateTime, 14, 2);
  let second = 0;
  let millisecond = 0;
  if (length > 16) {
    if (length < 19 || dateTime.charCodeAt(16) !== COLON) return null;
    second = digits(dateTime, 17, 2);
    if (length > 19) {
      const fraction = length - 20;
      if (dateTime.charCodeAt(19) !== DOT || fraction < 1 || fraction > 7 || digits(dateTime, 20, fraction) < 0) {
        return null;
      }
      millisecond = digits(dateTime, 20, Math.min(fraction, 3)) * 10 ** Math.max(0, 3 - fraction);
    }
  }
  if (year < 100 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return null;
  return new Date(Date.UTC(year, month - 1, day, hour, minute, second, millisecond));
}

const COLON = 58;
const DOT = 46;
/** `-` at 4 and 7, `T` at 10, `:` at 13. */
const DATE_MINUTE_SEPARATORS: readonly (readonly [number, number])[] = [
  [4, 45],
  [7, 45],
  [10, 84],
  [13, COLON],
];

function separatorsAt(text: string, separators: readonly (readonly [number, number])[]): boolean {
  return separators.every(([at, code]) => text.charCodeAt(at) === code);
}

/** The number written by `count` decimal digits from `from`, or -1 if any of them is not a digit. */
function digits(text: string, from: number, count: number): number {
  let value = 0;
  for (let i = from; i < from + count; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}
