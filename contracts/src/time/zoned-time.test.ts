import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  dateKeysBetween,
  daysBetween,
  isDateKey,
  noonOf,
  utcDateKeyOf,
  utcMidnightOf,
  weekdayNameOf,
  weekdayOf,
} from './date-key.ts';
import {
  dateKeyIn,
  instantAt,
  isTimeZone,
  localParts,
  offsetMinutes,
  startOfDay,
  zoneDisplayName,
  zonedInstant,
} from './zoned-time.ts';

/**
 * The one table of clock-change cases for every conversion in the product. Each row is a wall-clock date and
 * time in a zone and the instant it names; `kind` says what is special about it.
 */
const cases: [kind: string, zone: string, date: string, time: string, instant: string][] = [
  ['plain winter', 'Europe/London', '2026-11-23', '09:00', '2026-11-23T09:00:00.000Z'],
  ['plain summer', 'Europe/London', '2026-07-01', '09:00', '2026-07-01T08:00:00.000Z'],
  ['before spring-forward', 'Europe/London', '2026-03-29', '00:30', '2026-03-29T00:30:00.000Z'],
  ['gap: 01:30 lands an hour later', 'Europe/London', '2026-03-29', '01:30', '2026-03-29T01:30:00.000Z'],
  ['after spring-forward', 'Europe/London', '2026-03-29', '02:30', '2026-03-29T01:30:00.000Z'],
  ['repeated hour: first occurrence', 'Europe/London', '2026-10-25', '01:30', '2026-10-25T00:30:00.000Z'],
  ['after fall-back', 'Europe/London', '2026-10-25', '02:00', '2026-10-25T02:00:00.000Z'],
  ['before spring-forward', 'America/New_York', '2026-03-08', '01:59', '2026-03-08T06:59:00.000Z'],
  ['gap: 02:30 lands an hour later', 'America/New_York', '2026-03-08', '02:30', '2026-03-08T07:30:00.000Z'],
  ['after spring-forward', 'America/New_York', '2026-03-08', '03:00', '2026-03-08T07:00:00.000Z'],
  ['repeated hour: first occurrence', 'America/New_York', '2026-11-01', '01:30', '2026-11-01T05:30:00.000Z'],
  ['after fall-back', 'America/New_York', '2026-11-01', '02:00', '2026-11-01T07:00:00.000Z'],
  ['plain', 'America/New_York', '2026-11-23', '09:00', '2026-11-23T14:00:00.000Z'],
  ['plain', 'America/Los_Angeles', '2026-11-24', '09:30', '2026-11-24T17:30:00.000Z'],
  ['half-hour offset', 'Asia/Kolkata', '2026-11-23', '09:30', '2026-11-23T04:00:00.000Z'],
  ['45-minute offset', 'Asia/Kathmandu', '2026-11-23', '09:00', '2026-11-23T03:15:00.000Z'],
  ['45-minute offset, summer', 'Pacific/Chatham', '2026-01-15', '09:00', '2026-01-14T19:15:00.000Z'],
  ['45-minute offset, winter', 'Pacific/Chatham', '2026-07-15', '09:00', '2026-07-14T20:15:00.000Z'],
  ['30-minute DST, before', 'Australia/Lord_Howe', '2026-10-04', '01:59', '2026-10-03T15:29:00.000Z'],
  ['30-minute gap: 02:15 lands 30 min later', 'Australia/Lord_Howe', '2026-10-04', '02:15', '2026-10-03T15:45:00.000Z'],
  ['30-minute repeat: first occurrence', 'Australia/Lord_Howe', '2026-04-05', '01:45', '2026-04-04T14:45:00.000Z'],
  ['southern summer', 'Australia/Sydney', '2026-01-15', '09:00', '2026-01-14T22:00:00.000Z'],
  ['southern fall-back: first occurrence', 'Australia/Sydney', '2026-04-05', '02:30', '2026-04-04T15:30:00.000Z'],
  ['southern gap: lands an hour later', 'Australia/Sydney', '2026-10-04', '02:30', '2026-10-03T16:30:00.000Z'],
  [
    'date line: local midnight is the UTC day before',
    'Pacific/Kiritimati',
    '2026-11-23',
    '00:00',
    '2026-11-22T10:00:00.000Z',
  ],
  ['UTC', 'UTC', '2026-11-23', '23:59', '2026-11-23T23:59:00.000Z'],
];

const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

describe('wall clock to instant', () => {
  it.each(cases)('%s: %s %s %s is %s', (_kind, zone, date, time, instant) => {
    expect(instantAt(date, minutesOf(time), zone).toISOString()).toBe(instant);
    expect(zonedInstant(date, time, zone)?.toISOString()).toBe(instant);
  });

  it.each(cases)('%s: %s %s %s reads back as that wall clock', (kind, zone, date, time, instant) => {
    const read = localParts(new Date(instant), zone);
    expect(read.dateKey).toBe(date);
    if (!kind.includes('gap')) expect(read.time).toBe(time);
  });

  it('reads a gap time back as the time after the gap', () => {
    expect(localParts(new Date('2026-03-29T01:30:00Z'), 'Europe/London')).toEqual({
      dateKey: '2026-03-29',
      time: '02:30',
      secondOfDay: 9000,
      minuteOfDay: 150,
    });
  });

  it('runs minutes past the day into the next one, and below zero into the one before', () => {
    expect(instantAt('2026-11-23', 1440, 'Europe/London').toISOString()).toBe('2026-11-24T00:00:00.000Z');
    expect(instantAt('2026-11-23', -60, 'UTC').toISOString()).toBe('2026-11-22T23:00:00.000Z');
    expect(instantAt('2026-11-23', 90.5, 'UTC').toISOString()).toBe('2026-11-23T01:30:30.000Z');
  });

  it('starts a day at its first real instant when a change skips midnight (Santiago, 6 September 2026)', () => {
    expect(startOfDay('2026-09-06', 'America/Santiago').toISOString()).toBe('2026-09-06T04:00:00.000Z');
    expect(localParts(startOfDay('2026-09-06', 'America/Santiago'), 'America/Santiago').time).toBe('01:00');
  });

  it.each([
    ['2026-11-24', '25:00', 'UTC'],
    ['2026-11-24', '09:60', 'UTC'],
    ['24/11/2026', '09:00', 'UTC'],
    ['2026-02-30', '09:00', 'UTC'],
    ['2026-11-24', '9am', 'UTC'],
    ['2026-11-24', '09:00', 'Mars/Olympus'],
  ])('refuses %s %s %s', (date, time, zone) => {
    expect(zonedInstant(date, time, zone)).toBeUndefined();
  });

  it('accepts seconds on an entered time and drops them', () => {
    expect(zonedInstant('2026-11-24', '09:30:45', 'UTC')?.toISOString()).toBe('2026-11-24T09:30:00.000Z');
  });
});

const zones = [
  'Europe/London',
  'America/New_York',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Pacific/Chatham',
  'Australia/Lord_Howe',
  'Australia/Sydney',
  'Pacific/Kiritimati',
  'America/Santiago',
  'UTC',
];
const instants = fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2028, 0, 1) });

describe('round trips', () => {
  it('instant → wall clock → instant gives the instant back, except the second pass of a repeated hour', () => {
    fc.assert(
      fc.property(fc.constantFrom(...zones), instants, (zone, instant) => {
        const local = localParts(instant, zone);
        const back = instantAt(local.dateKey, local.minuteOfDay, zone).getTime();
        if (back === instant) return;
        // Only a repeated hour may resolve elsewhere: to its first pass, earlier, showing the same wall clock.
        expect(back).toBeLessThan(instant);
        expect(localParts(back, zone)).toEqual(local);
      }),
      { numRuns: 2000 },
    );
  });

  it('wall clock → instant → wall clock gives the wall clock back for every time outside a gap', () => {
    const dates = fc.integer({ min: 0, max: 3 * 366 }).map((n) => addDays('2025-01-01', n));
    fc.assert(
      fc.property(fc.constantFrom(...zones), dates, fc.integer({ min: 0, max: 1439 }), (zone, date, minute) => {
        const instant = instantAt(date, minute, zone);
        const local = localParts(instant, zone);
        if (local.dateKey === date && local.minuteOfDay === minute) return;
        // A gap: the instant is after the gap, later on the clock than asked, and the same moment as the
        // time asked for read with the offset from before the change.
        expect(local.dateKey === date ? local.minuteOfDay : local.minuteOfDay + 1440).toBeGreaterThan(minute);
        const gapMinutes = offsetMinutes(instant, zone) - offsetMinutes(instant.getTime() - 86_400_000, zone);
        expect(gapMinutes).toBeGreaterThan(0);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('offsets and dates in a zone', () => {
  it.each([
    ['2026-07-01T12:00:00Z', 'America/New_York', -240],
    ['2026-01-01T12:00:00Z', 'America/New_York', -300],
    ['2026-07-01T12:00:00Z', 'Asia/Kolkata', 330],
    ['2026-07-01T12:00:00Z', 'Asia/Kathmandu', 345],
    ['2026-01-01T12:00:00Z', 'Australia/Lord_Howe', 660],
    ['2026-07-01T12:00:00Z', 'Australia/Lord_Howe', 630],
    ['2026-07-01T12:00:00Z', 'Pacific/Kiritimati', 840],
    ['2026-07-01T12:00:00Z', 'UTC', 0],
  ])('%s in %s is %i minutes east', (instant, zone, minutes) => {
    expect(offsetMinutes(new Date(instant), zone)).toBe(minutes);
  });

  it('names the local date of an instant', () => {
    expect(dateKeyIn(new Date('2026-11-23T11:00:00Z'), 'Pacific/Kiritimati')).toBe('2026-11-24');
    expect(dateKeyIn(new Date('2026-11-23T03:00:00Z'), 'America/Los_Angeles')).toBe('2026-11-22');
    expect(dateKeyIn(Date.parse('2026-11-23T00:00:00Z'), 'UTC')).toBe('2026-11-23');
  });

  it('knows which zones exist', () => {
    expect(isTimeZone('Europe/London')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(isTimeZone('')).toBe(false);
  });

  it('names a zone as people say it, or by its IANA name when it cannot', () => {
    const at = new Date('2026-11-23T12:00:00Z');
    expect(zoneDisplayName('en-US', 'America/Los_Angeles', at)).toBe('Pacific Time');
    expect(zoneDisplayName('en-US', 'Mars/Olympus', at)).toBe('Mars/Olympus');
  });
});

describe('date keys', () => {
  it('writes and reads the UTC date of any instant from 1900 to 9999 as ISO 8601 does', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(9999, 11, 31) }), (instant) => {
        const key = utcDateKeyOf(instant);
        expect(key).toBe(new Date(instant).toISOString().slice(0, 10));
        expect(utcMidnightOf(key)).toBe(instant - (((instant % 86_400_000) + 86_400_000) % 86_400_000));
      }),
      { numRuns: 2000 },
    );
  });

  it('adds days across month, leap-day and year ends', () => {
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-29', 1)).toBe('2026-03-30');
  });

  it('names weekdays from Sunday = 0', () => {
    expect(weekdayOf('2026-11-23')).toBe(1);
    expect(weekdayOf('2026-11-29')).toBe(0);
    expect(weekdayNameOf('2026-11-28')).toBe('saturday');
  });

  it('counts and lists days', () => {
    expect(daysBetween('2026-11-23', '2027-01-24')).toBe(62);
    expect(daysBetween('2026-11-23', '2026-11-20')).toBe(-3);
    expect(dateKeysBetween('2026-12-30', '2027-01-01')).toEqual(['2026-12-30', '2026-12-31', '2027-01-01']);
    expect(dateKeysBetween('2026-12-30', '2026-12-29')).toEqual([]);
  });

  it('tells real dates from look-alikes', () => {
    expect(isDateKey('2028-02-29')).toBe(true);
    expect(isDateKey('2026-02-29')).toBe(false);
    expect(isDateKey('2026-2-1')).toBe(false);
  });

  it('shows a date key as that date in any locale through its UTC noon', () => {
    expect(noonOf('2026-11-23').toISOString()).toBe('2026-11-23T12:00:00.000Z');
  });
});

describe('wall clocks read through offsets kept per day', () => {
  /** What Intl says a wall clock in the zone shows, asked each time and in another form (`YYYY-MM-DD HH:mm:ss`). */
  const byIntl = (instant: number, timeZone: string) => {
    const text = new Date(instant).toLocaleString('sv-SE', { timeZone, hourCycle: 'h23' });
    const [hour, minute, second] = text.slice(11).split(':').map(Number) as [number, number, number];
    const secondOfDay = hour * 3600 + minute * 60 + second;
    return { dateKey: text.slice(0, 10), time: text.slice(11, 16), secondOfDay, minuteOfDay: secondOfDay / 60 };
  };
  // Whole-hour, half-hour and 45-minute offsets; 30-minute DST (Lord Howe); a zone that skipped a whole day
  // (Apia, 2011); one whose DST pauses each Ramadan (Casablanca); southern-hemisphere DST; no DST at all.
  const zones = [
    'UTC',
    'Europe/London',
    'America/New_York',
    'Australia/Lord_Howe',
    'Asia/Kolkata',
    'America/St_Johns',
    'Pacific/Chatham',
    'Asia/Kathmandu',
    'Pacific/Apia',
    'Africa/Casablanca',
    'America/Santiago',
    'Asia/Tehran',
  ];
  const from = Date.UTC(1995, 0, 1);
  const to = Date.UTC(2045, 0, 1);

  it('shows what Intl shows at any instant, in any zone, near clock changes too', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: from, max: to }),
        fc.integer({ min: -3, max: 3 }),
        (zone, instant, nudge) => {
          expect(localParts(instant, zone)).toEqual(byIntl(instant, zone));
          // Around the hours' ends, where changes happen, to the second and the millisecond.
          const edge = Math.floor(instant / 3_600_000) * 3_600_000 + nudge * 1000 + (nudge % 2);
          expect(localParts(edge, zone)).toEqual(byIntl(edge, zone));
        },
      ),
      { numRuns: 3_000 },
    );
  });

  it('shows what Intl shows on every minute of the days London and Lord Howe change their clocks', () => {
    for (const [zone, day] of [
      ['Europe/London', '2026-03-29'],
      ['Europe/London', '2026-10-25'],
      ['Australia/Lord_Howe', '2026-04-05'],
      ['Australia/Lord_Howe', '2026-10-04'],
    ] as const) {
      const start = Date.parse(`${day}T00:00:00Z`) - 14 * 3_600_000;
      for (let minute = 0; minute < 48 * 60; minute++) {
        const instant = start + minute * 60_000;
        expect(localParts(instant, zone)).toEqual(byIntl(instant, zone));
      }
    }
  });

  it('refuses an unknown zone and an invalid instant as Intl does', () => {
    expect(() => localParts(0, 'Mars/Olympus')).toThrow(RangeError);
    expect(() => localParts(Number.NaN, 'Europe/London')).toThrow(RangeError);
  });
});
