import { describe, expect, it } from 'vitest';
import { clockMinutes, type WorkingHours, workingDays, workingHoursProblem } from './working-hours.ts';

const span = (start: string, end: string) => ({ start: Date.parse(start), end: Date.parse(end) });
const iso = (ms: number) => new Date(ms).toISOString();

describe('workingDays', () => {
  it('gives each working date its instants and local date, skipping days off', () => {
    const hours: WorkingHours = { days: ['friday', 'monday'], start: '09:00', end: '17:00', timeZone: 'Asia/Kolkata' };
    const days = workingDays(hours, span('2026-11-20T00:00:00Z', '2026-11-24T00:00:00Z'));
    expect(days.map((d) => [d.date, iso(d.start), iso(d.end)])).toEqual([
      ['2026-11-20', '2026-11-20T03:30:00.000Z', '2026-11-20T11:30:00.000Z'],
      ['2026-11-23', '2026-11-23T03:30:00.000Z', '2026-11-23T11:30:00.000Z'],
    ]);
  });

  it('runs hours past midnight into the next date and says when that date begins', () => {
    const hours: WorkingHours = { days: ['saturday'], start: '22:00', end: '06:00', timeZone: 'Europe/London' };
    // London falls back at 02:00 on Sunday 25 October 2026: Saturday's night starts on BST and ends on GMT.
    const [night] = workingDays(hours, span('2026-10-24T00:00:00Z', '2026-10-27T00:00:00Z'));
    expect(night && [night.date, iso(night.start), iso(night.end)]).toEqual([
      '2026-10-24',
      '2026-10-24T21:00:00.000Z',
      '2026-10-25T06:00:00.000Z',
    ]);
    expect(night?.nextDate).toEqual({ from: Date.parse('2026-10-24T23:00:00Z'), date: '2026-10-25' });
  });

  it('includes a night shift that began the local date before the window, clipped to it', () => {
    const hours: WorkingHours = { days: ['monday'], start: '22:00', end: '06:00', timeZone: 'UTC' };
    const days = workingDays(hours, span('2026-11-24T02:00:00Z', '2026-11-24T12:00:00Z'));
    expect(days.map((d) => [d.date, iso(d.start), iso(d.end)])).toEqual([
      ['2026-11-23', '2026-11-24T02:00:00.000Z', '2026-11-24T06:00:00.000Z'],
    ]);
  });

  it('keeps 08:00 in the zone through a week with a clock change, a day at a time', () => {
    const hours: WorkingHours = {
      days: ['saturday', 'sunday', 'monday'],
      start: '08:00',
      end: '17:00',
      timeZone: 'America/New_York',
    };
    const days = workingDays(hours, span('2026-03-07T00:00:00Z', '2026-03-10T00:00:00Z'));
    expect(days.map((d) => iso(d.start))).toEqual([
      '2026-03-07T13:00:00.000Z',
      '2026-03-08T12:00:00.000Z',
      '2026-03-09T12:00:00.000Z',
    ]);
  });

  it('matches weekday names whatever their case', () => {
    const hours: WorkingHours = { days: ['Monday'], start: '09:00', end: '10:00', timeZone: 'UTC' };
    expect(workingDays(hours, span('2026-11-23T00:00:00Z', '2026-11-24T00:00:00Z'))).toHaveLength(1);
  });

  it('refuses hours it cannot read', () => {
    const hours: WorkingHours = { days: ['monday'], start: '09:00', end: '17:00', timeZone: 'Mars/Olympus' };
    expect(workingHoursProblem(hours)).toEqual({ field: 'timeZone', value: 'Mars/Olympus' });
    expect(() => workingDays(hours, span('2026-11-23T00:00:00Z', '2026-11-24T00:00:00Z'))).toThrow(RangeError);
  });
});

describe('clockMinutes', () => {
  it.each([
    ['09:30', 570],
    ['00:00', 0],
    ['23:59', 1439],
    ['17:00:00.0000000', 1020],
    ['8:00', undefined],
    ['24:00', undefined],
    ['09:60', undefined],
    ['nine', undefined],
  ])('%s → %s', (clock, minutes) => {
    expect(clockMinutes(clock)).toBe(minutes);
  });
});
