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
    expect(toIanaZone(null)).toBeNull();
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
});
