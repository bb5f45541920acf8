import { DateTime } from 'luxon';
import { GraphHttpError } from '../../graph/context.ts';
import { requireIana } from './time-zones.ts';

/**
 * Graph's `dateTimeTimeZone` (docs/reference/graph-calendar.md §9): a wall-clock time without offset plus the zone it
 * is in.
 */
export interface DateTimeTimeZone {
  dateTime: string;
  timeZone: string;
}

/** Parses a Graph `dateTimeTimeZone` into an instant, or 400 for a malformed date or unsupported zone. */
export function parseDateTimeTimeZone(value: DateTimeTimeZone, field: string): DateTime {
  const zone = requireIana(value.timeZone);
  const parsed = DateTime.fromISO(value.dateTime, { zone });
  if (!parsed.isValid) {
    throw new GraphHttpError(
      400,
      'ErrorInvalidRequest',
      `The value '${value.dateTime}' of '${field}' is not a valid date.`,
    );
  }
  return parsed.setZone(zone);
}

/**
 * Graph writes local times with seven fractional digits (`2019-03-15T12:00:00.0000000`),
 * docs/reference/graph-calendar.md §1, docs/reference/graph-calendar.md §3.
 */
export function formatGraphLocal(instant: DateTime): string {
  return `${instant.toFormat("yyyy-MM-dd'T'HH:mm:ss.SSS")}0000`;
}

/** Renders an instant as `dateTimeTimeZone` in `zoneName` (a Windows or IANA name, echoed as given). */
export function toDateTimeTimeZone(epochMs: number, zoneName: string): DateTimeTimeZone {
  // UTC (the default without Prefer) needs no zone arithmetic.
  if (zoneName === 'UTC')
    return { dateTime: `${new Date(epochMs).toISOString().slice(0, 23)}0000`, timeZone: zoneName };
  const instant = DateTime.fromMillis(epochMs, { zone: requireIana(zoneName) });
  return { dateTime: formatGraphLocal(instant), timeZone: zoneName };
}

/** UTC ISO string with `Z`, as Graph writes createdDateTime/lastModifiedDateTime. */
export function toUtcIso(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/\.\d{3}Z$/, (ms) => `${ms.slice(0, 4)}0000Z`);
}

/**
 * calendarView's startDateTime/endDateTime honour their own offset; without one they are UTC and
 * `Prefer: outlook.timezone` does not change that (docs/reference/graph-calendar.md §3,
 * docs/reference/graph-calendar.md §9).
 */
export function parseQueryInstant(value: string | undefined, name: string): number {
  if (value === undefined || value === '') {
    throw new GraphHttpError(
      400,
      'ErrorInvalidParameter',
      `This request requires a time window specified by the query string parameters StartDateTime and EndDateTime.`,
    );
  }
  const parsed = DateTime.fromISO(value, { zone: 'UTC' });
  if (!parsed.isValid) {
    throw new GraphHttpError(400, 'ErrorInvalidParameter', `The parameter '${name}' has an invalid value '${value}'.`);
  }
  return parsed.toMillis();
}
