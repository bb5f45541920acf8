import { describe, expect, it } from 'vitest';
import { isInside, workingIntervals } from './working-hours.ts';

const iso = (intervals: { start: Date; end: Date }[]) =>
  intervals.map((i) => [i.start.toISOString(), i.end.toISOString()]);
const weekdays = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'];

describe('workingIntervals', () => {
  it('puts a New Yorker 08:00–17:00 on the instants of their own days', () => {
    const intervals = workingIntervals({ days: weekdays, start: '08:00', end: '17:00', timeZone: 'America/New_York' }, [
      '2026-11-23',
    ]);
    // Their days from Saturday 21st to Wednesday 25th can touch the viewer's Monday; the weekend is off.
    expect(iso(intervals)).toEqual([
      ['2026-11-23T13:00:00.000Z', '2026-11-23T22:00:00.000Z'],
      ['2026-11-24T13:00:00.000Z', '2026-11-24T22:00:00.000Z'],
      ['2026-11-25T13:00:00.000Z', '2026-11-25T22:00:00.000Z'],
    ]);
  });

  it('follows each zone through the weeks when the US and the EU change clocks on different dates', () => {
    // 2026: the US springs forward on 8 March, the UK on 29 March. On 16 March New York is 4 h behind London.
    const [monday] = workingIntervals(
      { days: ['monday'], start: '09:00', end: '17:00', timeZone: 'America/New_York' },
      ['2026-03-16'],
    );
    expect(monday?.start.toISOString()).toBe('2026-03-16T13:00:00.000Z');
    const [london] = workingIntervals({ days: ['monday'], start: '09:00', end: '17:30', timeZone: 'Europe/London' }, [
      '2026-03-16',
    ]);
    expect(london?.start.toISOString()).toBe('2026-03-16T09:00:00.000Z');
    expect(london?.end.toISOString()).toBe('2026-03-16T17:30:00.000Z');
  });

  it('keeps India (no DST, half-hour offset) on its own clock', () => {
    const [first] = workingIntervals({ days: ['monday'], start: '09:00', end: '17:00', timeZone: 'Asia/Kolkata' }, [
      '2026-11-23',
    ]);
    expect(first?.start.toISOString()).toBe('2026-11-23T03:30:00.000Z');
  });

  it('treats an end before the start as a shift through midnight', () => {
    const [night] = workingIntervals({ days: ['monday'], start: '22:00', end: '06:00', timeZone: 'UTC' }, [
      '2026-11-23',
    ]);
    expect(iso(night ? [night] : [])).toEqual([['2026-11-23T22:00:00.000Z', '2026-11-24T06:00:00.000Z']]);
  });

  it('answers nothing for unreadable clock strings', () => {
    expect(workingIntervals({ days: weekdays, start: 'nine', end: '17:00', timeZone: 'UTC' }, ['2026-11-23'])).toEqual(
      [],
    );
  });
});

describe('isInside', () => {
  const day = [{ start: new Date('2026-11-23T09:00:00Z'), end: new Date('2026-11-23T17:00:00Z') }];
  it.each([
    ['09:00', '09:30', true],
    ['16:30', '17:00', true],
    ['16:45', '17:15', false],
    ['08:30', '09:30', false],
  ])('%s–%s → %s', (from, to, expected) => {
    const interval = { start: new Date(`2026-11-23T${from}:00Z`), end: new Date(`2026-11-23T${to}:00Z`) };
    expect(isInside(day, interval)).toBe(expected);
  });
});
