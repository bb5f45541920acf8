import { describe, expect, it } from 'vitest';
import { weekWindow } from './week-window.ts';

describe('weekWindow', () => {
  it.each([
    // [now (UTC), zone, expected start, expected end]
    ['2026-11-21T10:00:00Z', 'Europe/London', '2026-11-21T00:00:00.000Z', '2026-11-28T00:00:00.000Z'],
    ['2026-11-21T02:00:00Z', 'America/New_York', '2026-11-20T05:00:00.000Z', '2026-11-27T05:00:00.000Z'],
    ['2026-11-21T20:00:00Z', 'Asia/Kolkata', '2026-11-21T18:30:00.000Z', '2026-11-28T18:30:00.000Z'],
    // EU clocks go back on 2026-10-25: the week is 169 hours long.
    ['2026-10-22T12:00:00Z', 'Europe/London', '2026-10-21T23:00:00.000Z', '2026-10-29T00:00:00.000Z'],
    // US clocks go back a week later, on 2026-11-01.
    ['2026-10-29T12:00:00Z', 'America/New_York', '2026-10-29T04:00:00.000Z', '2026-11-05T05:00:00.000Z'],
    // Santiago skips midnight on 2026-09-06: that day starts at 01:00.
    ['2026-09-06T12:00:00Z', 'America/Santiago', '2026-09-06T04:00:00.000Z', '2026-09-13T03:00:00.000Z'],
  ])('at %s in %s starts %s and ends %s', (now, zone, start, end) => {
    const window = weekWindow(new Date(now), zone);
    expect(window.start.toISOString()).toBe(start);
    expect(window.end.toISOString()).toBe(end);
  });

  it('refuses an unknown zone', () => {
    expect(() => weekWindow(new Date(), 'Mars/Olympus_Mons')).toThrow(RangeError);
  });
});
