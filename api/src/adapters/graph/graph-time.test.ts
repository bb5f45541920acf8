import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { toIanaZone, toInstant } from './graph-time.ts';

describe('toIanaZone', () => {
  it.each([
    ['GMT Standard Time', 'Europe/London'],
    ['Eastern Standard Time', 'America/New_York'],
    ['India Standard Time', 'Asia/Kolkata'],
    ['Pacific Standard Time', 'America/Los_Angeles'],
    ['Europe/Berlin', 'Europe/Berlin'],
    ['UTC', 'UTC'],
  ])('maps %s to %s', (input, expected) => {
    expect(toIanaZone(input)).toBe(expected);
  });

  it('answers null for names it cannot map', () => {
    expect(toIanaZone('Nowhere Standard Time')).toBeNull();
    expect(toIanaZone('Nowhere Standard Time')).toBeNull();
    expect(toIanaZone(null)).toBeNull();
  });

  it('answers the same when asked again (answers are remembered)', () => {
    expect([toIanaZone('India Standard Time'), toIanaZone('India Standard Time')]).toEqual([
      'Asia/Kolkata',
      'Asia/Kolkata',
    ]);
  });
});

describe('toInstant', () => {
  it('reads Graph date-times with seven fractional digits in their zone', () => {
    expect(toInstant({ dateTime: '2026-11-21T09:30:00.0000000', timeZone: 'UTC' }).toISOString()).toBe(
      '2026-11-21T09:30:00.000Z',
    );
    expect(toInstant({ dateTime: '2026-07-01T09:00:00.0000000', timeZone: 'GMT Standard Time' }).toISOString()).toBe(
      '2026-07-01T08:00:00.000Z',
    );
  });

  it('refuses garbage', () => {
    expect(() => toInstant({ dateTime: 'yesterday', timeZone: 'UTC' })).toThrow(RangeError);
  });

  it.each([
    ['2024-02-29T23:59:59.9999999', '2024-02-29T23:59:59.999Z'],
    ['2026-03-29T01:30:00.05', '2026-03-29T01:30:00.050Z'],
    ['2026-11-21T09:30', '2026-11-21T09:30:00.000Z'],
    ['2026-12-31T24:00:00', '2027-01-01T00:00:00.000Z'],
    ['0050-01-01T00:00:00', '0050-01-01T00:00:00.000Z'],
  ])('reads the UTC date-time %s as %s', (dateTime, expected) => {
    expect(toInstant({ dateTime, timeZone: 'UTC' }).toISOString()).toBe(expected);
  });

  it.each([
    '2026-02-29T00:00:00',
    '2026-04-31T09:00:00',
    '2026-13-01T00:00:00',
    '2026-01-01T23:59:60',
    '2026-01-01T10:00:00.',
  ])('refuses the impossible UTC date-time %s', (dateTime) => {
    expect(() => toInstant({ dateTime, timeZone: 'UTC' })).toThrow(RangeError);
  });
});

describe('toInstant on UTC date-times, read digit by digit', () => {
  /** What the general path (luxon) makes of a UTC date-time: the instant, or null when it refuses it. */
  const byLuxon = (dateTime: string) => {
    const parsed = DateTime.fromISO(dateTime.replace(/(\.\d{3})\d+$/, '$1'), { zone: 'UTC' });
    return parsed.isValid ? parsed.toJSDate().toISOString() : null;
  };
  const read = (dateTime: string) => {
    try {
      return toInstant({ dateTime, timeZone: 'UTC' }).toISOString();
    } catch {
      return null;
    }
  };
  const pad = (value: number, width: number) => String(value).padStart(width, '0');
  /** Graph's shape with every field allowed a little out of range, and sometimes one character changed. */
  const dateTimes = fc
    .record({
      year: fc.integer({ min: 0, max: 9999 }),
      month: fc.integer({ min: 0, max: 13 }),
      day: fc.integer({ min: 0, max: 32 }),
      hour: fc.integer({ min: 0, max: 25 }),
      minute: fc.integer({ min: 0, max: 61 }),
      second: fc.option(fc.integer({ min: 0, max: 61 })),
      fraction: fc.option(fc.stringMatching(/^\d{0,8}$/)),
      change: fc.option(fc.tuple(fc.nat(), fc.constantFrom('x', ' ', '-', ':', '.', 'T', '9'))),
    })
    .map(({ year, month, day, hour, minute, second, fraction, change }) => {
      let text = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}T${pad(hour, 2)}:${pad(minute, 2)}`;
      if (second !== null) text += `:${pad(second, 2)}${fraction === null ? '' : `.${fraction}`}`;
      if (change === null) return text;
      const at = change[0] % text.length;
      return text.slice(0, at) + change[1] + text.slice(at + 1);
    });

  it('reads every date-time as the general path does, and refuses what it refuses', () => {
    fc.assert(
      fc.property(dateTimes, (dateTime) => {
        expect(read(dateTime)).toBe(byLuxon(dateTime));
      }),
      { numRuns: 5_000 },
    );
  });
});
