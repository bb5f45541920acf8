import { wallClockIn } from '@confer/contracts/time';
import { describe, expect, it } from 'vitest';
import { AppError } from '../app-error.ts';
import { createLocalClock } from './local-clock.ts';
import { utc } from './test-support/people.ts';

const HOUR = 3_600_000;

describe('createLocalClock', () => {
  it.each([
    // [zone, date, local time, instant]
    ['Europe/London', '2026-03-28', 10, '2026-03-28T10:00:00.000Z'],
    ['Europe/London', '2026-03-29', 10, '2026-03-29T09:00:00.000Z'],
    // 01:30 does not exist on 29 March in London: the first real instant after it.
    ['Europe/London', '2026-03-29', 1.5, '2026-03-29T01:30:00.000Z'],
    ['Europe/London', '2026-10-25', 10, '2026-10-25T10:00:00.000Z'],
    // 01:30 happens twice on 25 October in London: its first occurrence, on BST, whatever today's date.
    ['Europe/London', '2026-10-25', 1.5, '2026-10-25T00:30:00.000Z'],
    ['America/New_York', '2026-11-01', 1.5, '2026-11-01T05:30:00.000Z'],
    ['America/New_York', '2026-03-08', 9, '2026-03-08T13:00:00.000Z'],
    ['America/New_York', '2026-11-01', 9, '2026-11-01T14:00:00.000Z'],
    ['Asia/Kolkata', '2026-03-08', 9, '2026-03-08T03:30:00.000Z'],
    ['Asia/Kathmandu', '2026-03-08', 9, '2026-03-08T03:15:00.000Z'],
  ])('%s %s at %s h is %s, and reads back', (zone, date, hours, instant) => {
    const clock = createLocalClock(zone);
    const at = clock.instant({ date, msOfDay: hours * HOUR });
    expect(new Date(at).toISOString()).toBe(instant);
    const read = clock.read(at);
    expect(read.date).toEqual(date);
    if (hours !== 1.5) expect(read.msOfDay).toBe(hours * HOUR);
  });

  it('reads an instant near midnight onto the right local date in zones far from UTC', () => {
    expect(createLocalClock('Pacific/Kiritimati').read(utc('2026-03-08T11:00').getTime())).toEqual({
      date: '2026-03-09',
      msOfDay: HOUR,
    });
    expect(createLocalClock('Pacific/Pago_Pago').read(utc('2026-03-08T10:00').getTime())).toEqual({
      date: '2026-03-07',
      msOfDay: 23 * HOUR,
    });
  });

  it.each(['Europe/London', 'America/New_York', 'Australia/Lord_Howe'])(
    'answers as the uncached clock does, every 15 minutes around the 2026 changes in %s',
    (zone) => {
      const cached = createLocalClock(zone);
      const plain = wallClockIn(zone);
      for (const from of ['2026-03-07', '2026-03-28', '2026-04-04', '2026-10-03', '2026-10-24', '2026-10-31']) {
        const start = Date.parse(`${from}T00:00:00Z`);
        for (let at = start; at < start + 3 * 24 * HOUR; at += HOUR / 4) {
          const wall = plain.read(at);
          expect(cached.read(at)).toEqual(wall);
          expect(cached.instant(wall)).toBe(plain.instant(wall));
        }
      }
    },
  );

  it('refuses an unknown zone', () => {
    expect(() => createLocalClock('Europe/Atlantis')).toThrow(AppError);
  });
});
