import { describe, expect, it } from 'vitest';
import { canGoBack, canGoForward, contains, fetchWindow, firstDayOfWeek, stepFocus, visibleDays } from './week-nav.ts';

describe('week navigation', () => {
  it('starts weeks on the locale’s first day', () => {
    expect(firstDayOfWeek('en-GB')).toBe(1);
    expect(firstDayOfWeek('en-US')).toBe(0);
    expect(visibleDays('2026-11-25', 'week', 1)).toEqual([
      '2026-11-23',
      '2026-11-24',
      '2026-11-25',
      '2026-11-26',
      '2026-11-27',
      '2026-11-28',
      '2026-11-29',
    ]);
    expect(visibleDays('2026-11-25', 'week', 0)[0]).toBe('2026-11-22');
    expect(visibleDays('2026-11-25', 'day', 1)).toEqual(['2026-11-25']);
  });

  it('stays between today and the API’s 62-day horizon', () => {
    const limits = { todayKey: '2026-11-25', horizonDays: 62 };
    const thisWeek = visibleDays('2026-11-25', 'week', 1);
    expect(canGoBack(thisWeek, limits)).toBe(false);
    expect(canGoForward(thisWeek, limits)).toBe(true);
    expect(canGoBack(visibleDays(stepFocus('2026-11-25', 'week', 1), 'week', 1), limits)).toBe(true);
    expect(canGoForward(visibleDays('2027-01-24', 'day', 1), limits)).toBe(true);
    expect(canGoForward(visibleDays('2027-01-25', 'day', 1), limits)).toBe(false);
    expect(canGoBack(['2026-11-25'], limits)).toBe(false);
  });

  it('asks for the visible days with a margin, contained in a wider earlier answer', () => {
    const days = visibleDays('2026-11-25', 'week', 1);
    const narrow = fetchWindow(days, 'Europe/London');
    expect(narrow.start.toISOString()).toBe('2026-11-22T00:00:00.000Z');
    expect(narrow.end.toISOString()).toBe('2026-12-01T00:00:00.000Z');
    const guessed = fetchWindow(days, 'Pacific/Kiritimati', 2);
    expect(contains(guessed, fetchWindow(days, 'Pacific/Honolulu'))).toBe(true);
  });
});
