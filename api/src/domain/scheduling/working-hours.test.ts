import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { AppError } from '../app-error.ts';
import type { WorkingHours } from './model.ts';
import { hours, local, utc } from './test-support/people.ts';
import { workingIntervals } from './working-hours.ts';

const iso = (d: Date) => d.toISOString();

describe('workingIntervals', () => {
  it.each([
    // Week of 9 March 2026: New York is already on EDT (8 March), London still on GMT (until 29 March).
    ['New York on EDT', 'America/New_York', '2026-03-09', ['2026-03-09T12:00:00.000Z', '2026-03-09T21:00:00.000Z']],
    [
      'New York before its change',
      'America/New_York',
      '2026-03-06',
      ['2026-03-06T13:00:00.000Z', '2026-03-06T22:00:00.000Z'],
    ],
    ['London still on GMT', 'Europe/London', '2026-03-27', ['2026-03-27T08:00:00.000Z', '2026-03-27T17:00:00.000Z']],
    ['London on BST', 'Europe/London', '2026-03-30', ['2026-03-30T07:00:00.000Z', '2026-03-30T16:00:00.000Z']],
    // 26 October: London back on GMT (25 October), New York on EDT until 1 November.
    ['London back on GMT', 'Europe/London', '2026-10-26', ['2026-10-26T08:00:00.000Z', '2026-10-26T17:00:00.000Z']],
    [
      'New York still on EDT',
      'America/New_York',
      '2026-10-30',
      ['2026-10-30T12:00:00.000Z', '2026-10-30T21:00:00.000Z'],
    ],
    ['New York on EST', 'America/New_York', '2026-11-02', ['2026-11-02T13:00:00.000Z', '2026-11-02T22:00:00.000Z']],
    ['Kolkata has no DST', 'Asia/Kolkata', '2026-03-30', ['2026-03-30T02:30:00.000Z', '2026-03-30T11:30:00.000Z']],
  ])('%s: %s on %s', (_name, zone, date, expected) => {
    const window = { start: local(zone, `${date}T00:00`), end: local(zone, `${date}T23:59`) };
    const result = workingIntervals({ timeZone: zone, workingHours: hours(zone, '08:00', '17:00') }, window);
    expect(result.map((i) => [iso(i.start), iso(i.end)])).toEqual([expected]);
  });

  it('uses Monday to Friday 08:00–17:00 in the person’s own zone when the mailbox states no hours', () => {
    // Friday 6 to Monday 9 March 2026 in Kolkata: the weekend is skipped.
    const window = { start: utc('2026-03-05T18:30'), end: utc('2026-03-09T18:30') };
    const result = workingIntervals({ timeZone: 'Asia/Kolkata', workingHours: null }, window);
    expect(result.map((i) => iso(i.start))).toEqual(['2026-03-06T02:30:00.000Z', '2026-03-09T02:30:00.000Z']);
    expect(result.map((i) => iso(i.end))).toEqual(['2026-03-06T11:30:00.000Z', '2026-03-09T11:30:00.000Z']);
  });

  it('reads the hours in their own zone even when the mailbox zone differs', () => {
    const workingHours: WorkingHours = { days: ['monday'], start: '09:00', end: '10:00', timeZone: 'Asia/Kolkata' };
    const window = { start: utc('2026-03-09T00:00'), end: utc('2026-03-10T00:00') };
    const result = workingIntervals({ timeZone: 'Europe/London', workingHours }, window);
    expect(result.map((i) => [iso(i.start), iso(i.end)])).toEqual([
      ['2026-03-09T03:30:00.000Z', '2026-03-09T04:30:00.000Z'],
    ]);
  });

  it('clips to the window and accepts Graph’s HH:mm:ss.fffffff times', () => {
    const workingHours = hours('Europe/London', '08:00:00.0000000', '17:00:00.0000000');
    const window = { start: utc('2026-03-09T10:00'), end: utc('2026-03-09T12:00') };
    const result = workingIntervals({ timeZone: 'Europe/London', workingHours }, window);
    expect(result.map((i) => [iso(i.start), iso(i.end)])).toEqual([
      ['2026-03-09T10:00:00.000Z', '2026-03-09T12:00:00.000Z'],
    ]);
  });

  it('runs hours past midnight into the next day', () => {
    const workingHours: WorkingHours = { days: ['monday'], start: '22:00', end: '06:00', timeZone: 'Europe/London' };
    const window = { start: utc('2026-03-09T00:00'), end: utc('2026-03-11T00:00') };
    const result = workingIntervals({ timeZone: 'Europe/London', workingHours }, window);
    expect(result.map((i) => [iso(i.start), iso(i.end)])).toEqual([
      ['2026-03-09T22:00:00.000Z', '2026-03-10T06:00:00.000Z'],
    ]);
  });

  it('moves a start that falls in the spring-forward gap to the first real instant', () => {
    const workingHours: WorkingHours = { days: ['sunday'], start: '01:30', end: '05:00', timeZone: 'Europe/London' };
    const window = { start: utc('2026-03-29T00:00'), end: utc('2026-03-30T00:00') };
    const [day] = workingIntervals({ timeZone: 'Europe/London', workingHours }, window);
    // 01:30 does not exist on 29 March 2026 in London; 02:30 BST is 01:30 UTC.
    expect(day && iso(day.start)).toBe('2026-03-29T01:30:00.000Z');
    expect(day && iso(day.end)).toBe('2026-03-29T04:00:00.000Z');
  });

  it.each(['8:00', '24:00', '09:60', 'nine'])('refuses the working-hours time "%s"', (start) => {
    const window = { start: utc('2026-03-09T00:00'), end: utc('2026-03-10T00:00') };
    const run = () => workingIntervals({ timeZone: 'UTC', workingHours: hours('UTC', start, '17:00') }, window);
    expect(run).toThrow(AppError);
    expect(run).toThrow(/HH:mm/);
  });
});

describe('workingIntervals over weeks with clock changes', () => {
  it.each([
    ['America/New_York', '2026-03-02', '2026-04-06'],
    ['Europe/London', '2026-03-02', '2026-04-06'],
    ['Europe/London', '2026-10-19', '2026-11-09'],
    ['America/New_York', '2026-10-19', '2026-11-09'],
    ['Australia/Sydney', '2026-03-30', '2026-04-13'],
  ])('%s from %s to %s: every weekday 08:00–17:00 local, weekends off', (zone, from, to) => {
    const window = { start: local(zone, `${from}T00:00`), end: local(zone, `${to}T00:00`) };
    const result = workingIntervals({ timeZone: zone, workingHours: hours(zone, '08:00', '17:00') }, window);
    const weekdays = new Set<string>();
    for (const i of result) {
      const start = DateTime.fromJSDate(i.start, { zone });
      expect([start.toFormat('HH:mm'), DateTime.fromJSDate(i.end, { zone }).toFormat('HH:mm')]).toEqual([
        '08:00',
        '17:00',
      ]);
      expect(start.weekday).toBeLessThanOrEqual(5);
      weekdays.add(start.toISODate() ?? '');
    }
    // Every weekday in the window is there once.
    let expected = 0;
    for (let d = DateTime.fromISO(from, { zone }); d < DateTime.fromISO(to, { zone }); d = d.plus({ days: 1 })) {
      if (d.weekday <= 5) expected++;
    }
    expect(weekdays.size).toBe(expected);
    expect(result.length).toBe(expected);
  });
});
