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

const GRAPH_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?$/;

/**
 * Confer asks Graph for UTC (`Prefer: outlook.timezone="UTC"`), so nearly every date-time it reads is UTC
 * wall-clock time in Graph's usual shape: read it without luxon (hundreds per getSchedule answer). Milliseconds
 * are kept and finer digits dropped, as on the zoned path; anything else (another shape, 24:00, years below
 * 100, an impossible date) answers null and takes the zoned path, which accepts or refuses it as before.
 */
function utcInstant(dateTime: string): Date | null {
  const match = GRAPH_DATE_TIME.exec(dateTime);
  if (!match) return null;
  const [, y, mo, d, h, mi, sec, fraction] = match;
  const year = Number(y);
  const month = Number(mo) - 1;
  const day = Number(d);
  const millisecond = fraction ? Number(fraction.length >= 3 ? fraction.slice(0, 3) : fraction.padEnd(3, '0')) : 0;
  const instant = new Date(Date.UTC(year, month, day, Number(h), Number(mi), Number(sec ?? 0), millisecond));
  // Date.UTC rolls 31 April over into May and hour 24 into the next day, and reads years below 100 as 19xx:
  // only a date that reads back unchanged (and has no minute or second past 59) is taken here.
  const exact =
    instant.getUTCDate() === day &&
    instant.getUTCMonth() === month &&
    instant.getUTCFullYear() === year &&
    Number(mi) < 60 &&
    Number(sec ?? 0) < 60;
  return exact ? instant : null;
}
