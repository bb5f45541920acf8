import { DateTime } from 'luxon';
import { expandOccurrenceDates } from '../recurrence/recurrence-expander.ts';
import { formatGraphLocal } from '../time/date-time.ts';
import { requireIana } from '../time/time-zones.ts';
import { occurrenceId } from './event-ids.ts';
import type { EventContent, EventInstance, EventRecord } from './event-model.ts';

const DAY_MS = 86_400_000;

function recurrenceZone(record: EventRecord): string {
  return requireIana(record.recurrence?.range.recurrenceTimeZone || record.start.timeZone);
}

type Times = Pick<EventContent, 'start' | 'end' | 'startMs' | 'endMs'>;

/**
 * Zone arithmetic (Intl offsets) dominates calendarView and getSchedule, and an occurrence's times depend only on
 * the series' times and the date, so they are kept; the cap bounds memory on long runs.
 */
const timesCache = new Map<string, Times>();
const TIMES_CACHE_LIMIT = 200_000;

/** Start/end of the occurrence on `date`: the series' wall-clock start in its zone, so DST never moves it. */
export function occurrenceTimes(record: EventRecord, date: string): Times {
  const { recurrence, start, end, startMs, endMs, isAllDay } = record;
  const key = `${recurrence?.range.recurrenceTimeZone}|${start.timeZone}|${end.timeZone}|${startMs}|${endMs}|${isAllDay}|${date}`;
  let times = timesCache.get(key);
  if (!times) {
    if (timesCache.size >= TIMES_CACHE_LIMIT) timesCache.clear();
    times = computeOccurrenceTimes(record, date);
    timesCache.set(key, times);
  }
  return { ...times, start: { ...times.start }, end: { ...times.end } };
}

function computeOccurrenceTimes(record: EventRecord, date: string): Times {
  const zone = recurrenceZone(record);
  const seriesStart = DateTime.fromMillis(record.startMs, { zone });
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const start = DateTime.fromObject(
    { year, month, day, hour: seriesStart.hour, minute: seriesStart.minute, second: seriesStart.second },
    { zone },
  );
  const end = record.isAllDay
    ? start.plus({ days: Math.round((record.endMs - record.startMs) / DAY_MS) })
    : start.plus({ milliseconds: record.endMs - record.startMs });
  const startZone = requireIana(record.start.timeZone);
  const endZone = requireIana(record.end.timeZone);
  return {
    startMs: start.toMillis(),
    endMs: end.toMillis(),
    start: { dateTime: formatGraphLocal(start.setZone(startZone)), timeZone: record.start.timeZone },
    end: { dateTime: formatGraphLocal(end.setZone(endZone)), timeZone: record.end.timeZone },
  };
}

/** The occurrence or exception of `record` on `date` (no check that the date belongs to the pattern). */
export function occurrenceInstance(record: EventRecord, date: string): EventInstance {
  const override = record.exceptions[date];
  const content: EventContent = { ...record, ...occurrenceTimes(record, date), ...override?.changes };
  return {
    record,
    occurrenceDate: date,
    content,
    id: occurrenceId(record.id, date),
    type: override ? 'exception' : 'occurrence',
    changeKey: override?.changeKey ?? record.changeKey,
    lastModifiedMs: override?.lastModifiedMs ?? record.lastModifiedMs,
  };
}

export function singleInstance(record: EventRecord): EventInstance {
  return {
    record,
    content: record,
    id: record.id,
    type: record.type,
    changeKey: record.changeKey,
    lastModifiedMs: record.lastModifiedMs,
  };
}

function overlaps(content: EventContent, fromMs: number, toMs: number): boolean {
  if (content.startMs === content.endMs) return content.startMs >= fromMs && content.startMs < toMs;
  return content.startMs < toMs && content.endMs > fromMs;
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** `yyyy-MM-dd` of an instant in a zone; `en-CA` formats dates that way, and `format` is far cheaper than luxon here. */
function localDate(epochMs: number, zone: string): string {
  let format = dateFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dateFormats.set(zone, format);
  }
  return format.format(epochMs);
}

/** Occurrences and exceptions of a series that overlap [fromMs, toMs); deleted occurrences are left out. */
export function seriesInstancesInWindow(record: EventRecord, fromMs: number, toMs: number): EventInstance[] {
  if (!record.recurrence) return [];
  const zone = recurrenceZone(record);
  const duration = record.endMs - record.startMs;
  const dates = new Set(
    expandOccurrenceDates(
      record.recurrence,
      localDate(fromMs - duration - DAY_MS, zone),
      localDate(toMs + DAY_MS, zone),
    ),
  );
  // An exception may have been moved (within its neighbours' dates) outside the dates scanned above.
  for (const date of Object.keys(record.exceptions)) dates.add(date);
  const deleted = new Set(record.deletedOccurrences);
  const instances: EventInstance[] = [];
  for (const date of dates) {
    if (deleted.has(date)) continue;
    const instance = occurrenceInstance(record, date);
    if (overlaps(instance.content, fromMs, toMs)) instances.push(instance);
  }
  return instances;
}

/**
 * calendarView semantics (docs/reference/graph-calendar.md §3): single instances, occurrences and exceptions
 * overlapping the window.
 */
export function instancesInWindow(records: Iterable<EventRecord>, fromMs: number, toMs: number): EventInstance[] {
  const instances: EventInstance[] = [];
  for (const record of records) {
    if (record.type === 'seriesMaster') instances.push(...seriesInstancesInWindow(record, fromMs, toMs));
    else if (overlaps(record, fromMs, toMs)) instances.push(singleInstance(record));
  }
  return instances.sort((a, b) => a.content.startMs - b.content.startMs || a.id.localeCompare(b.id));
}
