import { describe, expect, it } from 'vitest';
import { buildEventRecord } from '../events/event-factory.ts';
import { cryptoRandomBytes } from '../events/event-ids.ts';
import type { EventCreateInput } from '../events/event-input.ts';
import { seriesInstancesInWindow } from '../events/instance-expander.ts';
import { ALEX } from '../test-support/fake-graph-context.ts';

function series(input: EventCreateInput) {
  return buildEventRecord(input, ALEX, {
    random: cryptoRandomBytes,
    nowMs: Date.parse('2026-01-01T00:00:00Z'),
    tenantId: ALEX.tenantId,
  });
}

function startsUtc(input: EventCreateInput, from: string, to: string): string[] {
  return seriesInstancesInWindow(series(input), Date.parse(from), Date.parse(to)).map((i) =>
    new Date(i.content.startMs).toISOString(),
  );
}

const at = (dateTime: string, timeZone = 'UTC') => ({ dateTime, timeZone });

describe('recurrence expansion (patternedRecurrence) (docs/reference/graph-calendar.md §3)', () => {
  const cases: { name: string; input: EventCreateInput; from: string; to: string; expected: string[] }[] = [
    {
      name: 'daily, interval 2, numbered 3',
      input: {
        start: at('2026-02-02T09:00:00'),
        end: at('2026-02-02T09:30:00'),
        recurrence: {
          pattern: { type: 'daily', interval: 2 },
          range: { type: 'numbered', startDate: '2026-02-02', numberOfOccurrences: 3 },
        },
      },
      from: '2026-01-01T00:00:00Z',
      to: '2026-12-31T00:00:00Z',
      expected: ['2026-02-02T09:00:00.000Z', '2026-02-04T09:00:00.000Z', '2026-02-06T09:00:00.000Z'],
    },
    {
      name: 'weekly Mon+Wed every 2 weeks, endDate inclusive',
      input: {
        start: at('2026-03-02T10:00:00'),
        end: at('2026-03-02T11:00:00'),
        recurrence: {
          pattern: { type: 'weekly', interval: 2, daysOfWeek: ['monday', 'wednesday'], firstDayOfWeek: 'monday' },
          range: { type: 'endDate', startDate: '2026-03-02', endDate: '2026-03-16' },
        },
      },
      from: '2026-01-01T00:00:00Z',
      to: '2026-12-31T00:00:00Z',
      expected: ['2026-03-02T10:00:00.000Z', '2026-03-04T10:00:00.000Z', '2026-03-16T10:00:00.000Z'],
    },
    {
      name: 'absoluteMonthly day 31 falls on the last day of shorter months, noEnd',
      input: {
        start: at('2026-01-31T08:00:00'),
        end: at('2026-01-31T08:15:00'),
        recurrence: {
          pattern: { type: 'absoluteMonthly', interval: 1, dayOfMonth: 31 },
          range: { type: 'noEnd', startDate: '2026-01-31' },
        },
      },
      from: '2026-01-01T00:00:00Z',
      to: '2026-05-01T00:00:00Z',
      expected: [
        '2026-01-31T08:00:00.000Z',
        '2026-02-28T08:00:00.000Z',
        '2026-03-31T08:00:00.000Z',
        '2026-04-30T08:00:00.000Z',
      ],
    },
    {
      name: 'relativeMonthly last Thursday, numbered 3',
      input: {
        start: at('2026-01-29T16:00:00'),
        end: at('2026-01-29T17:00:00'),
        recurrence: {
          pattern: { type: 'relativeMonthly', interval: 1, daysOfWeek: ['thursday'], index: 'last' },
          range: { type: 'numbered', startDate: '2026-01-01', numberOfOccurrences: 3 },
        },
      },
      from: '2025-12-01T00:00:00Z',
      to: '2026-12-31T00:00:00Z',
      expected: ['2026-01-29T16:00:00.000Z', '2026-02-26T16:00:00.000Z', '2026-03-26T16:00:00.000Z'],
    },
    {
      name: 'absoluteYearly Feb 29 falls on Feb 28 in common years',
      input: {
        start: at('2024-02-29T12:00:00'),
        end: at('2024-02-29T13:00:00'),
        recurrence: {
          pattern: { type: 'absoluteYearly', interval: 1, dayOfMonth: 29, month: 2 },
          range: { type: 'endDate', startDate: '2024-02-29', endDate: '2026-12-31' },
        },
      },
      from: '2024-01-01T00:00:00Z',
      to: '2027-01-01T00:00:00Z',
      expected: ['2024-02-29T12:00:00.000Z', '2025-02-28T12:00:00.000Z', '2026-02-28T12:00:00.000Z'],
    },
    {
      name: 'relativeYearly second Tuesday of November',
      input: {
        start: at('2026-11-10T09:00:00'),
        end: at('2026-11-10T17:00:00'),
        recurrence: {
          pattern: { type: 'relativeYearly', interval: 1, daysOfWeek: ['tuesday'], month: 11, index: 'second' },
          range: { type: 'numbered', startDate: '2026-11-01', numberOfOccurrences: 2 },
        },
      },
      from: '2026-01-01T00:00:00Z',
      to: '2028-12-31T00:00:00Z',
      expected: ['2026-11-10T09:00:00.000Z', '2027-11-09T09:00:00.000Z'],
    },
  ];

  for (const c of cases) {
    it(`expands ${c.name}`, () => {
      expect(startsUtc(c.input, c.from, c.to)).toEqual(c.expected);
    });
  }

  it('anchors the series master on the first pattern date when startDate is not one', () => {
    const record = series({
      start: at('2026-03-01T09:00:00'),
      end: at('2026-03-01T09:30:00'),
      recurrence: {
        pattern: { type: 'weekly', interval: 1, daysOfWeek: ['tuesday'] },
        range: { type: 'noEnd', startDate: '2026-03-01' },
      },
    });
    expect(record.type).toBe('seriesMaster');
    expect(new Date(record.startMs).toISOString()).toBe('2026-03-03T09:00:00.000Z');
    expect(record.recurrence?.range).toMatchObject({
      numberOfOccurrences: 0,
      recurrenceTimeZone: 'UTC',
      endDate: '0001-01-01',
    });
  });

  it('refuses a pattern without its required properties (400, nothing built)', () => {
    expect(() =>
      series({
        start: at('2026-03-02T09:00:00'),
        end: at('2026-03-02T09:30:00'),
        recurrence: { pattern: { type: 'weekly', interval: 1 }, range: { type: 'noEnd', startDate: '2026-03-02' } },
      }),
    ).toThrow(expect.objectContaining({ status: 400, code: 'ErrorPropertyValidationFailure' }));
  });
});

describe('recurrence across DST: wall-clock time kept in the event zone (docs/reference/graph-calendar.md §9)', () => {
  const weeklyMonday = (timeZone: string): EventCreateInput => ({
    start: at('2026-03-02T09:00:00', timeZone),
    end: at('2026-03-02T10:00:00', timeZone),
    recurrence: {
      pattern: { type: 'weekly', interval: 1, daysOfWeek: ['monday'] },
      range: { type: 'numbered', startDate: '2026-03-02', numberOfOccurrences: 6 },
    },
  });
  const table = [
    {
      zone: 'GMT Standard Time',
      // London moves its clocks on 29 March 2026: 09:00 local is 09:00Z before and 08:00Z after.
      expected: ['09:00', '09:00', '09:00', '09:00', '08:00', '08:00'],
    },
    {
      zone: 'America/New_York',
      // New York moves on 8 March 2026: 14:00Z before, 13:00Z from 9 March on.
      expected: ['14:00', '13:00', '13:00', '13:00', '13:00', '13:00'],
    },
  ];
  for (const row of table) {
    it(`keeps Monday 09:00 local in ${row.zone} while the UTC time moves on its own DST date`, () => {
      const utc = startsUtc(weeklyMonday(row.zone), '2026-03-01T00:00:00Z', '2026-04-30T00:00:00Z');
      expect(utc.map((iso) => iso.slice(11, 16))).toEqual(row.expected);
      const record = series(weeklyMonday(row.zone));
      const instances = seriesInstancesInWindow(
        record,
        Date.parse('2026-03-01T00:00:00Z'),
        Date.parse('2026-04-30T00:00:00Z'),
      );
      expect(instances.every((i) => i.content.start.dateTime.slice(11, 16) === '09:00')).toBe(true);
      expect(instances.every((i) => i.content.endMs - i.content.startMs === 3_600_000)).toBe(true);
    });
  }
});
