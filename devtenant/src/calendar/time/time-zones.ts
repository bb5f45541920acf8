import { IANAZone } from 'luxon';
import { findIana } from 'windows-iana';
import { GraphHttpError } from '../../graph/context.ts';

/**
 * Graph accepts any Windows time-zone id and IANA names (docs/reference/graph-calendar.md §9) and echoes back the
 * format it was given. Abbreviations such as "AEST" are refused with `TimeZoneNotSupportedException`
 * (docs/reference/graph-calendar.md §7, docs#6870).
 */
export function toIana(zone: string): string | undefined {
  if (resolved.has(zone)) return resolved.get(zone);
  const iana = lookUpIana(zone);
  resolved.set(zone, iana);
  return iana;
}

/** windows-iana and luxon's zone check cost ~90 µs a call; every rendered time needs one, so answers are kept. */
const resolved = new Map<string, string | undefined>();

function lookUpIana(zone: string): string | undefined {
  const trimmed = zone.trim();
  if (trimmed === '') return undefined;
  const fromWindows = findIana(trimmed)[0];
  if (fromWindows) return fromWindows === 'Etc/UTC' ? 'UTC' : fromWindows;
  const looksIana = trimmed.includes('/') || trimmed === 'UTC';
  return looksIana && IANAZone.isValidZone(trimmed) ? trimmed : undefined;
}

/**
 * The IANA zone for a Graph `timeZone` value, or 400 `TimeZoneNotSupportedException`
 * (docs/reference/graph-calendar.md §7, docs/reference/graph-calendar.md §9).
 */
export function requireIana(zone: string): string {
  const iana = toIana(zone);
  if (!iana) {
    throw new GraphHttpError(
      400,
      'TimeZoneNotSupportedException',
      `A valid TimeZone value must be specified. The following TimeZone value is not supported: '${zone}'.`,
    );
  }
  return iana;
}
