import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, instantAt, offsetMinutes, wallClockOf, weekdayOf } from './zone-time.ts';

describe('instantAt', () => {
  it.each([
    ['2026-11-23', 9 * 60, 'Europe/London', '2026-11-23T09:00:00.000Z'],
    ['2026-07-01', 9 * 60, 'Europe/London', '2026-07-01T08:00:00.000Z'],
    ['2026-11-23', 9 * 60, 'America/New_York', '2026-11-23T14:00:00.000Z'],
    ['2026-11-23', 9 * 60 + 30, 'Asia/Kolkata', '2026-11-23T04:00:00.000Z'],
    ['2026-11-23', 0, 'Pacific/Kiritimati', '2026-11-22T10:00:00.000Z'],
    ['2026-11-23', 1440, 'Europe/London', '2026-11-24T00:00:00.000Z'],
  ])('%s minute %i in %s is %s', (dateKey, minute, zone, expected) => {
    expect(instantAt(dateKey, minute, zone).toISOString()).toBe(expected);
  });

  it('resolves a time skipped by the spring change to just after the gap (London, 29 March 2026, 01:30)', () => {
    const instant = instantAt('2026-03-29', 90, 'Europe/London');
    expect(instant.toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(wallClockOf(instant, 'Europe/London')).toEqual({ dateKey: '2026-03-29', minute: 150 });
  });

  it('resolves the repeated autumn hour to its first pass (New York, 1 November 2026, 01:30)', () => {
    expect(instantAt('2026-11-01', 90, 'America/New_York').toISOString()).toBe('2026-11-01T05:30:00.000Z');
  });

  it('round-trips every half hour of a DST-change day through wallClockOf', () => {
    for (let minute = 0; minute < 1440; minute += 30) {
      if (minute >= 60 && minute < 120) continue; // the skipped hour
      const wall = wallClockOf(instantAt('2026-03-29', minute, 'Europe/London'), 'Europe/London');
      expect(wall).toEqual({ dateKey: '2026-03-29', minute });
    }
  });
});

describe('calendar dates', () => {
  it('adds days across month and year ends', () => {
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
  it('names weekdays from Sunday = 0', () => {
    expect(weekdayOf('2026-11-23')).toBe(1);
    expect(weekdayOf('2026-11-29')).toBe(0);
  });
  it('counts days between dates', () => {
    expect(daysBetween('2026-11-23', '2027-01-24')).toBe(62);
  });
  it('measures offsets east-positive, with DST', () => {
    expect(offsetMinutes(new Date('2026-07-01T12:00:00Z'), 'America/New_York')).toBe(-240);
    expect(offsetMinutes(new Date('2026-07-01T12:00:00Z'), 'Asia/Kolkata')).toBe(330);
  });
});
