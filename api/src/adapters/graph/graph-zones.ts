import { WEEKDAYS } from '@confer/contracts/time';
import { DateTime } from 'luxon';
import { findWindows } from 'windows-iana';
import type { Weekday, WorkingHours } from '../../domain/scheduling/model.ts';
import type { GraphWorkingHours } from './graph-event-schemas.ts';
import { toIanaZone } from './graph-time.ts';

/**
 * The zone name Confer sends in `dateTimeTimeZone` and `recurrenceTimeZone`. Graph accepts every Windows id
 * but only a documented subset of IANA names (docs/reference/graph-calendar.md §9), so an IANA zone goes out under its
 * Windows id when CLDR has one, and as itself otherwise.
 */
export function toGraphTimeZone(iana: string): string {
  const [windows] = findWindows(iana);
  return windows ?? iana;
}

/** `{ dateTime, timeZone }` for an instant, as wall-clock time in `iana` (what recurrence expands in). */
export function toDateTimeTimeZone(instant: Date, iana: string): { dateTime: string; timeZone: string } {
  const local = DateTime.fromJSDate(instant, { zone: iana });
  if (!local.isValid) throw new RangeError(`Unknown time zone: ${iana}`);
  return { dateTime: local.toFormat("yyyy-MM-dd'T'HH:mm:ss"), timeZone: toGraphTimeZone(iana) };
}

const WEEKDAY_NAMES: ReadonlySet<string> = new Set(WEEKDAYS);

/** getSchedule's `workingHours` (mailbox settings, Windows zone names or a custom zone) as Confer's model. */
export function toWorkingHours(hours: GraphWorkingHours | null | undefined): WorkingHours | null {
  if (!hours) return null;
  const zone = workingHoursZone(hours.timeZone);
  const start = clock(hours.startTime);
  const end = clock(hours.endTime);
  if (!zone || !start || !end) return null;
  const days = hours.daysOfWeek.map((d) => d.toLowerCase()).filter((d): d is Weekday => WEEKDAY_NAMES.has(d));
  return { days, start, end, timeZone: zone };
}

/**
 * A named zone maps through CLDR; a `customTimeZone` ("Customized Time Zone", legacy mailboxes) has no IANA
 * name, so its standard bias becomes a fixed `Etc/GMT±h` zone when it is whole hours (Windows bias is
 * UTC − local in minutes, and `Etc/GMT+8` is UTC−8). Its DST rule cannot be named and is dropped; other
 * biases are unknown (null), and the caller falls back to the organizer's zone.
 */
export function workingHoursZone(zone: GraphWorkingHours['timeZone']): string | null {
  if (!zone) return null;
  const named = toIanaZone(zone.name ?? null);
  if (named) return named;
  const bias = zone.bias ?? zone.standardOffset?.bias;
  if (typeof bias !== 'number' || bias % 60 !== 0 || Math.abs(bias) > 14 * 60) return null;
  if (bias === 0) return 'UTC';
  return `Etc/GMT${bias > 0 ? '+' : '-'}${Math.abs(bias) / 60}`;
}

/** `"08:00:00.0000000"` → `"08:00"`. */
function clock(value: string): string | null {
  const match = /^(\d{2}):(\d{2})/.exec(value);
  return match ? `${match[1]}:${match[2]}` : null;
}
