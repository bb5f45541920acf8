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
