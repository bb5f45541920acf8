import { LIMITS, type RecurrenceKind } from '@confer/contracts';
import { describe, expect, it } from 'vitest';
import { AppError } from '../app-error.ts';
import { expandSeries } from './series-occurrences.ts';
import { local, utc } from './test-support/people.ts';

const wide = { start: utc('2026-01-01T00:00'), end: utc('2027-01-01T00:00') };

describe('expandSeries', () => {
  // Which dates and instants a series has is the table in contracts/src/time/series.test.ts; these cases
  // check that every occurrence gets the first one's length and that the zone is the meeting's.
  it.each<[string, RecurrenceKind, string, string, number, string[]]>([
    [
      'weekly in London keeps 10:00 local across the EU change (29 March)',
      'weekly',
      'Europe/London',
      '2026-03-16T10:00',
      4,
      ['2026-03-16T10:00:00.000Z', '2026-03-23T10:00:00.000Z', '2026-03-30T09:00:00.000Z', '2026-04-06T09:00:00.000Z'],
    ],
    [
      'monthly on the 31st in New York falls on the last day of shorter months',
      'monthly',
      'America/New_York',
      '2026-01-31T09:00',
      3,
      ['2026-01-31T14:00:00.000Z', '2026-02-28T14:00:00.000Z', '2026-03-31T13:00:00.000Z'],
    ],
  ])('%s', (_name, kind, zone, firstStart, count, expected) => {
    const start = local(zone, firstStart);
    const end = new Date(start.getTime() + 30 * 60_000);
    const occurrences = expandSeries(start, end, zone, { kind, count }, wide);
    expect(occurrences.map((o) => o.start.toISOString())).toEqual(expected);
    for (const o of occurrences) expect(o.end.getTime() - o.start.getTime()).toBe(30 * 60_000);
  });

  it('keeps only the occurrences that overlap the horizon (half-open)', () => {
    const start = utc('2026-03-02T10:00');
    const end = utc('2026-03-02T11:00');
    const horizon = { start: utc('2026-03-09T11:00'), end: utc('2026-03-23T10:00') };
    const occurrences = expandSeries(start, end, 'UTC', { kind: 'weekly', count: 10 }, horizon);
    expect(occurrences.map((o) => o.start.toISOString())).toEqual(['2026-03-16T10:00:00.000Z']);
  });

  it.each([
    ['end before start', utc('2026-03-02T11:00'), utc('2026-03-02T10:00'), 3, 'UTC'],
    ['zero occurrences', utc('2026-03-02T10:00'), utc('2026-03-02T11:00'), 0, 'UTC'],
    ['too many occurrences', utc('2026-03-02T10:00'), utc('2026-03-02T11:00'), LIMITS.maxSeriesOccurrences + 1, 'UTC'],
    ['unknown zone', utc('2026-03-02T10:00'), utc('2026-03-02T11:00'), 3, 'Mars/Olympus_Mons'],
  ])('refuses %s', (_name, start, end, count, zone) => {
    expect(() => expandSeries(start, end, zone, { kind: 'weekly', count }, wide)).toThrow(AppError);
  });

  it('refuses a kind of series the contracts do not list', () => {
    const start = utc('2026-03-02T10:00');
    const rule = { kind: 'daily', count: 3 } as unknown as { kind: RecurrenceKind; count: number };
    expect(() => expandSeries(start, utc('2026-03-02T11:00'), 'UTC', rule, wide)).toThrow(AppError);
  });
});
