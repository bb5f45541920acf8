import { describe, expect, it } from 'vitest';
import { AppError } from '../app-error.ts';
import { addDays, addMonthsClamped } from './civil-date.ts';
import { createLocalClock } from './local-clock.ts';
import { utc } from './test-support/people.ts';

const HOUR = 3_600_000;

describe('createLocalClock', () => {
  it.each([
    // [zone, date, local time, instant]
    ['Europe/London', { year: 2026, month: 3, day: 28 }, 10, '2026-03-28T10:00:00.000Z'],
    ['Europe/London', { year: 2026, month: 3, day: 29 }, 10, '2026-03-29T09:00:00.000Z'],
    // 01:30 does not exist on 29 March in London: the first real instant after it.
    ['Europe/London', { year: 2026, month: 3, day: 29 }, 1.5, '2026-03-29T01:30:00.000Z'],
    ['Europe/London', { year: 2026, month: 10, day: 25 }, 10, '2026-10-25T10:00:00.000Z'],
    // 01:30 happens twice on 25 October in London: its first occurrence, on BST, whatever today's date.
    ['Europe/London', { year: 2026, month: 10, day: 25 }, 1.5, '2026-10-25T00:30:00.000Z'],
    ['America/New_York', { year: 2026, month: 11, day: 1 }, 1.5, '2026-11-01T05:30:00.000Z'],
    ['America/New_York', { year: 2026, month: 3, day: 8 }, 9, '2026-03-08T13:00:00.000Z'],
    ['America/New_York', { year: 2026, month: 11, day: 1 }, 9, '2026-11-01T14:00:00.000Z'],
    ['Asia/Kolkata', { year: 2026, month: 3, day: 8 }, 9, '2026-03-08T03:30:00.000Z'],
    ['Asia/Kathmandu', { year: 2026, month: 3, day: 8 }, 9, '2026-03-08T03:15:00.000Z'],
  ])('%s %o at %s h is %s, and reads back', (zone, date, hours, instant) => {
    const clock = createLocalClock(zone);
    const at = clock.instant({ date, msOfDay: hours * HOUR });
    expect(new Date(at).toISOString()).toBe(instant);
    const read = clock.read(at);
    expect(read.date).toEqual(date);
    if (hours !== 1.5) expect(read.msOfDay).toBe(hours * HOUR);
  });

  it('reads an instant near midnight onto the right local date in zones far from UTC', () => {
    expect(createLocalClock('Pacific/Kiritimati').read(utc('2026-03-08T11:00').getTime())).toEqual({
      date: { year: 2026, month: 3, day: 9 },
      msOfDay: HOUR,
    });
    expect(createLocalClock('Pacific/Pago_Pago').read(utc('2026-03-08T10:00').getTime())).toEqual({
      date: { year: 2026, month: 3, day: 7 },
      msOfDay: 23 * HOUR,
    });
  });

  it('refuses an unknown zone', () => {
    expect(() => createLocalClock('Europe/Atlantis')).toThrow(AppError);
  });
});

describe('civil dates', () => {
  it.each([
    [{ year: 2026, month: 1, day: 31 }, 1, { year: 2026, month: 2, day: 28 }],
    [{ year: 2028, month: 1, day: 31 }, 1, { year: 2028, month: 2, day: 29 }],
    [{ year: 2026, month: 1, day: 31 }, 3, { year: 2026, month: 4, day: 30 }],
    [{ year: 2026, month: 11, day: 30 }, 3, { year: 2027, month: 2, day: 28 }],
    [{ year: 2026, month: 3, day: 15 }, 0, { year: 2026, month: 3, day: 15 }],
  ])('%o plus %i months is %o', (date, months, expected) => {
    expect(addMonthsClamped(date, months)).toEqual(expected);
  });

  it('adds days across months and years', () => {
    expect(addDays({ year: 2026, month: 12, day: 29 }, 7)).toEqual({ year: 2027, month: 1, day: 5 });
    expect(addDays({ year: 2026, month: 3, day: 1 }, -1)).toEqual({ year: 2026, month: 2, day: 28 });
  });
});
