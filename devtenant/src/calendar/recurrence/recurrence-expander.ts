import { createRequire } from 'node:module';
import type { Options, Weekday } from 'rrule';
import type { PatternedRecurrence } from '../events/event-model.ts';

// rrule ships a UMD bundle without named ESM exports, so Node's ESM loader cannot bind `{ RRule }`.
const rrule = createRequire(import.meta.url)('rrule') as typeof import('rrule');
const { RRule } = rrule;

const WEEKDAYS: Record<string, Weekday> = {
  monday: RRule.MO,
  tuesday: RRule.TU,
  wednesday: RRule.WE,
  thursday: RRule.TH,
  friday: RRule.FR,
  saturday: RRule.SA,
  sunday: RRule.SU,
};
const INDEX_POSITION = { first: 1, second: 2, third: 3, fourth: 4, last: -1 } as const;

/**
 * Graph's recurrence is date-based: the pattern picks calendar dates in the recurrence time zone and every
 * occurrence keeps the series' wall-clock start time (docs/reference/graph-calendar.md §3). rrule therefore runs on
 * "floating" dates (UTC midnights standing for local dates) so DST never shifts a date; the wall time is applied
 * afterwards.
 */
function floatingDate(isoDate: string): Date {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

function isoDateOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * Outlook puts "day 31 of every month" on the last day of shorter months (and Feb 29 yearly on Feb 28),
 * where RFC 5545 would skip the month: pick the last existing day up to `dayOfMonth`.
 */
function monthDayRule(dayOfMonth: number): Partial<Options> {
  if (dayOfMonth <= 28) return { bymonthday: [dayOfMonth] };
  const days: number[] = [];
  for (let day = 28; day <= dayOfMonth; day++) days.push(day);
  return { bymonthday: days, bysetpos: [-1] };
}

function patternOptions(recurrence: PatternedRecurrence): Partial<Options> {
  const { pattern } = recurrence;
  const byweekday = pattern.daysOfWeek.map((day) => WEEKDAYS[day]).filter((day) => day !== undefined);
  const interval = pattern.interval;
  switch (pattern.type) {
    case 'daily':
      return { freq: RRule.DAILY, interval };
    case 'weekly':
      return { freq: RRule.WEEKLY, interval, byweekday, wkst: WEEKDAYS[pattern.firstDayOfWeek] ?? RRule.SU };
    case 'absoluteMonthly':
      return { freq: RRule.MONTHLY, interval, ...monthDayRule(pattern.dayOfMonth) };
    case 'relativeMonthly':
      return { freq: RRule.MONTHLY, interval, byweekday, bysetpos: [INDEX_POSITION[pattern.index]] };
    case 'absoluteYearly':
      return { freq: RRule.YEARLY, interval, bymonth: [pattern.month], ...monthDayRule(pattern.dayOfMonth) };
    case 'relativeYearly':
      return {
        freq: RRule.YEARLY,
        interval,
        bymonth: [pattern.month],
        byweekday,
        bysetpos: [INDEX_POSITION[pattern.index]],
      };
  }
}

function buildRule(recurrence: PatternedRecurrence): InstanceType<typeof RRule> {
  const { range } = recurrence;
  const options: Partial<Options> = { ...patternOptions(recurrence), dtstart: floatingDate(range.startDate) };
  if (range.type === 'endDate') options.until = floatingDate(range.endDate);
  if (range.type === 'numbered') options.count = range.numberOfOccurrences;
  return new RRule(options);
}

/** Expansions are pure and calendar reads repeat the same day windows, so results are kept (bounded). */
const expansions = new Map<string, readonly string[]>();
const EXPANSION_CACHE_LIMIT = 100_000;

/** Occurrence dates (`yyyy-MM-dd`, local to the recurrence zone) between two local dates, both inclusive. */
export function expandOccurrenceDates(recurrence: PatternedRecurrence, fromDate: string, toDate: string): string[] {
  const key = `${JSON.stringify(recurrence)}|${fromDate}|${toDate}`;
  let dates = expansions.get(key);
  if (!dates) {
    if (expansions.size >= EXPANSION_CACHE_LIMIT) expansions.clear();
    dates = buildRule(recurrence).between(floatingDate(fromDate), floatingDate(toDate), true).map(isoDateOf);
    expansions.set(key, dates);
  }
  return [...dates];
}

/** The first occurrence date of the series, or undefined when the pattern yields none. */
export function firstOccurrenceDate(recurrence: PatternedRecurrence): string | undefined {
  const first = buildRule(recurrence).after(floatingDate(recurrence.range.startDate), true);
  return first ? isoDateOf(first) : undefined;
}

/** The occurrence dates immediately before and after `date` (for ErrorOccurrenceCrossingBoundary). */
export function neighbourOccurrenceDates(
  recurrence: PatternedRecurrence,
  date: string,
): { previous: string | undefined; next: string | undefined } {
  const rule = buildRule(recurrence);
  const previous = rule.before(floatingDate(date), false);
  const next = rule.after(floatingDate(date), false);
  return { previous: previous ? isoDateOf(previous) : undefined, next: next ? isoDateOf(next) : undefined };
}

/** Whether `date` is one of the series' pattern dates. */
export function isOccurrenceDate(recurrence: PatternedRecurrence, date: string): boolean {
  return expandOccurrenceDates(recurrence, date, date).length === 1;
}
