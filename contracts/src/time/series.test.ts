import { describe, expect, it } from 'vitest';
import type { RecurrenceKind } from '../scheduling.ts';
import { addMonthsClamped } from './date-key.ts';
import { occurrenceDate, seriesStarts, type WallClock, wallClockIn } from './series.ts';

/**
 * The one table of series cases: a first start (an instant), the meeting's zone, the rule, and every start
 * the series has. The 2026 changes: US 8 March and 1 November, EU 29 March and 25 October.
 */
const cases: [name: string, zone: string, first: string, kind: RecurrenceKind, count: number, starts: string[]][] = [
  [
    'weekly keeps 10:00 London across the EU spring change',
    'Europe/London',
    '2026-03-16T10:00:00.000Z',
    'weekly',
    4,
    ['2026-03-16T10:00:00.000Z', '2026-03-23T10:00:00.000Z', '2026-03-30T09:00:00.000Z', '2026-04-06T09:00:00.000Z'],
  ],
  [
    'weekly keeps 10:00 London across the EU autumn change',
    'Europe/London',
    '2026-10-19T09:00:00.000Z',
    'weekly',
    3,
    ['2026-10-19T09:00:00.000Z', '2026-10-26T10:00:00.000Z', '2026-11-02T10:00:00.000Z'],
  ],
  [
    'weekly keeps 09:00 New York across the US spring change',
    'America/New_York',
    '2026-03-02T14:00:00.000Z',
    'weekly',
    2,
    ['2026-03-02T14:00:00.000Z', '2026-03-09T13:00:00.000Z'],
  ],
  [
    'weekly keeps 09:00 New York across the US autumn change',
    'America/New_York',
    '2026-10-26T13:00:00.000Z',
    'weekly',
    2,
    ['2026-10-26T13:00:00.000Z', '2026-11-02T14:00:00.000Z'],
  ],
  [
    'biweekly keeps 15:00 London across the EU autumn change',
    'Europe/London',
    '2026-10-12T14:00:00.000Z',
    'biweekly',
    3,
    ['2026-10-12T14:00:00.000Z', '2026-10-26T15:00:00.000Z', '2026-11-09T15:00:00.000Z'],
  ],
  [
    'monthly on the 31st falls on the last day of shorter months',
    'Europe/London',
    '2026-01-31T09:00:00.000Z',
    'monthly',
    5,
    [
      '2026-01-31T09:00:00.000Z',
      '2026-02-28T09:00:00.000Z',
      '2026-03-31T08:00:00.000Z',
      '2026-04-30T08:00:00.000Z',
      '2026-05-31T08:00:00.000Z',
    ],
  ],
  [
    'monthly on the 31st in New York, across the US spring change',
    'America/New_York',
    '2027-01-31T15:00:00.000Z',
    'monthly',
    4,
    ['2027-01-31T15:00:00.000Z', '2027-02-28T15:00:00.000Z', '2027-03-31T14:00:00.000Z', '2027-04-30T14:00:00.000Z'],
  ],
  [
    'monthly on the 29th meets on 29 February in a leap year',
    'Europe/London',
    '2028-01-29T12:00:00.000Z',
    'monthly',
    3,
    ['2028-01-29T12:00:00.000Z', '2028-02-29T12:00:00.000Z', '2028-03-29T11:00:00.000Z'],
  ],
  [
    'monthly in Kolkata, which has no DST',
    'Asia/Kolkata',
    '2026-03-15T12:30:00.000Z',
    'monthly',
    2,
    ['2026-03-15T12:30:00.000Z', '2026-04-15T12:30:00.000Z'],
  ],
  [
    '01:30 London on the spring-forward day does not exist: that occurrence is an hour later, then 01:30 again',
    'Europe/London',
    '2026-03-22T01:30:00.000Z',
    'weekly',
    3,
    ['2026-03-22T01:30:00.000Z', '2026-03-29T01:30:00.000Z', '2026-04-05T00:30:00.000Z'],
  ],
  [
    '01:30 London on the fall-back day happens twice: that occurrence is the first, on summer time',
    'Europe/London',
    '2026-10-18T00:30:00.000Z',
    'weekly',
    3,
    ['2026-10-18T00:30:00.000Z', '2026-10-25T00:30:00.000Z', '2026-11-01T01:30:00.000Z'],
  ],
  [
    'a first start at 23:30 in a zone behind UTC steps from its local date (30 January), not the UTC one',
    'America/Los_Angeles',
    '2026-01-31T07:30:00.000Z',
    'monthly',
    3,
    ['2026-01-31T07:30:00.000Z', '2026-03-01T07:30:00.000Z', '2026-03-31T06:30:00.000Z'],
  ],
  [
    'seconds and milliseconds of the first start are kept',
    'UTC',
    '2026-05-04T10:00:30.250Z',
    'weekly',
    2,
    ['2026-05-04T10:00:30.250Z', '2026-05-11T10:00:30.250Z'],
  ],
  [
    'a series of one is its first start',
    'Europe/London',
    '2026-05-04T09:00:00.000Z',
    'monthly',
    1,
    ['2026-05-04T09:00:00.000Z'],
  ],
];

const iso = (instants: Iterable<number>) => [...instants].map((at) => new Date(at).toISOString());

describe('seriesStarts', () => {
  it.each(cases)('%s', (_name, zone, first, kind, count, starts) => {
    expect(iso(seriesStarts(new Date(first), zone, { kind, count }))).toEqual(starts);
    expect(iso(seriesStarts(Date.parse(first), wallClockIn(zone), { kind, count }))).toEqual(starts);
  });

  it('stops before `until`, so a check can look at a window only', () => {
    const first = Date.parse('2026-03-02T10:00:00.000Z');
    const until = Date.parse('2026-03-16T10:00:00.000Z');
    expect(iso(seriesStarts(first, 'UTC', { kind: 'weekly', count: 10 }, until))).toEqual([
      '2026-03-02T10:00:00.000Z',
      '2026-03-09T10:00:00.000Z',
    ]);
    expect(iso(seriesStarts(first, 'UTC', { kind: 'weekly', count: 10 }, first))).toEqual([]);
  });

  it('resolves each occurrence with the clock it is given, from the first start only', () => {
    const asked: string[] = [];
    const clock: WallClock = {
      read: () => ({ date: '2026-01-31', msOfDay: 9 * 3_600_000 }),
      instant: ({ date, msOfDay }) => {
        asked.push(`${date} ${msOfDay / 3_600_000}h`);
        return Date.parse(`${date}T00:00:00Z`) + msOfDay;
      },
    };
    [...seriesStarts(0, clock, { kind: 'monthly', count: 3 })];
    expect(asked).toEqual(['2026-02-28 9h', '2026-03-31 9h']);
  });
});

describe('occurrenceDate', () => {
  it.each<[string, RecurrenceKind, number, string]>([
    ['2026-03-02', 'weekly', 0, '2026-03-02'],
    ['2026-12-29', 'weekly', 1, '2027-01-05'],
    ['2026-12-21', 'biweekly', 1, '2027-01-04'],
    ['2026-01-31', 'monthly', 1, '2026-02-28'],
    ['2026-01-31', 'monthly', 2, '2026-03-31'],
    ['2026-01-31', 'monthly', 3, '2026-04-30'],
    ['2028-01-31', 'monthly', 1, '2028-02-29'],
    ['2026-11-30', 'monthly', 3, '2027-02-28'],
  ])('%s, %s, occurrence %i is on %s', (first, kind, index, date) => {
    expect(occurrenceDate(first, kind, index)).toBe(date);
  });
});

describe('addMonthsClamped', () => {
  it.each<[string, number, string]>([
    ['2026-03-15', 0, '2026-03-15'],
    ['2026-01-31', 1, '2026-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2028-02-29', 12, '2029-02-28'],
    ['2026-03-31', -1, '2026-02-28'],
    ['2026-12-31', 2, '2027-02-28'],
    ['2026-05-31', -17, '2024-12-31'],
  ])('%s plus %i months is %s', (date, months, expected) => {
    expect(addMonthsClamped(date, months)).toBe(expected);
  });
});
