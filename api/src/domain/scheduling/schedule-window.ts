import type { Interval } from './model.ts';

/**
 * The window to ask the calendar for: the requested one widened to whole steps (start floored, end ceiled),
 * so requests moments apart — or shifted by a millisecond on purpose — share one cached answer instead of
 * each costing a Graph request. A window that widening would stretch to `maxMs` (getSchedule's limit) is
 * asked as is.
 */
export function widenToSteps(window: Interval, stepMs: number, maxMs: number): Interval {
  const start = Math.floor(window.start.getTime() / stepMs) * stepMs;
  const ceiledEnd = Math.ceil(window.end.getTime() / stepMs) * stepMs;
  return ceiledEnd - start < maxMs ? { start: new Date(start), end: new Date(ceiledEnd) } : window;
}

/**
 * The items of a wider answer that the requested window would have returned: those overlapping it, an
 * instant (zero-length) item when it lies inside it — the rule calendars use to list items in a window.
 */
export function itemsWithin<T extends Interval>(items: readonly T[], window: Interval): T[] {
  const from = window.start.getTime();
  const to = window.end.getTime();
  return items.filter((item) => {
    const start = item.start.getTime();
    const end = item.end.getTime();
    return start === end ? start >= from && start < to : start < to && end > from;
  });
}
