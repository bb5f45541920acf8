import { DateTime } from 'luxon';
import { findIana } from 'windows-iana';

/**
 * Graph reports mailbox zones with Windows names ("GMT Standard Time"); Confer works in IANA names.
 * Some mailboxes already carry an IANA name, which we keep.
 */
export function toIanaZone(zone: string | null | undefined): string | null {
  if (!zone) return null;
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
  const parsed = DateTime.fromISO(value.dateTime.replace(/(\.\d{3})\d+$/, '$1'), { zone });
  if (!parsed.isValid) throw new RangeError(`Unreadable Graph date-time: ${value.dateTime} ${value.timeZone}`);
  return parsed.toJSDate();
}
