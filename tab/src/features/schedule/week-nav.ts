import { addDays, daysBetween, instantAt, weekdayOf } from '@confer/contracts/time';
import type { Interval } from './grid-geometry.ts';

/** First day of the week for a locale (0 = Sunday), from `Intl.Locale` week info where the engine has it. */
export function firstDayOfWeek(locale: string): number {
  try {
    const info = new Intl.Locale(locale) as Intl.Locale & {
      getWeekInfo?: () => { firstDay: number };
      weekInfo?: { firstDay: number };
    };
    const firstDay = info.getWeekInfo?.().firstDay ?? info.weekInfo?.firstDay;
    // Intl numbers days 1 (Monday) … 7 (Sunday).
    if (typeof firstDay === 'number') return firstDay % 7;
  } catch {
    // An unknown locale tag falls through to the ISO week.
  }
  return 1;
}

export type GridMode = 'week' | 'day';

/** The days on screen: the week holding `focusKey`, or just that day in the narrow day view. */
export function visibleDays(focusKey: string, mode: GridMode, firstDay: number): string[] {
  if (mode === 'day') return [focusKey];
  const start = addDays(focusKey, -((weekdayOf(focusKey) - firstDay + 7) % 7));
  return Array.from({ length: 7 }, (_, i) => addDays(start, i));
}

export interface NavLimits {
  readonly todayKey: string;
  /** How far ahead the grid may go, in days from today: the API's longest availability window. */
  readonly horizonDays: number;
}

/** Previous stops at the page holding today (nothing can be scheduled in the past). */
export function canGoBack(days: readonly string[], limits: NavLimits): boolean {
  const first = days[0];
  return first !== undefined && first > limits.todayKey;
}

export function canGoForward(days: readonly string[], limits: NavLimits): boolean {
  const last = days[days.length - 1];
  return last !== undefined && daysBetween(limits.todayKey, last) < limits.horizonDays - 1;
}

export function stepFocus(focusKey: string, mode: GridMode, direction: 1 | -1): string {
  return addDays(focusKey, direction * (mode === 'week' ? 7 : 1));
}

/**
 * What to ask the API for: the visible days plus a margin either side. Until the organizer's mailbox zone is
 * known the days are guessed in the browser's zone; zones are at most 26 hours apart, so a two-day margin then
 * holds the real days and the answer needs no second request.
 */
export function fetchWindow(days: readonly string[], timeZone: string, marginDays = 1): Interval {
  const first = days[0] ?? '1970-01-01';
  const last = days[days.length - 1] ?? first;
  return {
    start: instantAt(addDays(first, -marginDays), 0, timeZone),
    end: instantAt(addDays(last, 1 + marginDays), 0, timeZone),
  };
}

export function contains(outer: Interval, inner: Interval): boolean {
  return outer.start <= inner.start && outer.end >= inner.end;
}
