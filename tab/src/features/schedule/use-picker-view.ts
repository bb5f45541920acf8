import { type RefObject, useEffect, useState } from 'react';
import { type GridMode, visibleDays } from './week-nav.ts';

/** Below this width a week of columns is too narrow to read: the grid shows one day at a time. */
export const DAY_VIEW_BELOW_PX = 640;

/** Week or day view from the picker's own width (the tab may sit in a narrow Teams pane, not only a phone). */
export function useGridMode(ref: RefObject<HTMLElement | null>): GridMode {
  const [mode, setMode] = useState<GridMode>(() =>
    typeof window !== 'undefined' && window.innerWidth < DAY_VIEW_BELOW_PX ? 'day' : 'week',
  );
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setMode(entry.contentRect.width < DAY_VIEW_BELOW_PX ? 'day' : 'week');
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return mode;
}

/** The current time, refreshed each minute (past slots grey out as the day goes on). */
export function useNow(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

export function useVisibleDays(focusKey: string, mode: GridMode, firstDay: number): string[] {
  const key = `${focusKey}|${mode}|${firstDay}`;
  const [cache, setCache] = useState<{ key: string; days: string[] }>(() => ({
    key,
    days: visibleDays(focusKey, mode, firstDay),
  }));
  if (cache.key !== key) {
    const next = { key, days: visibleDays(focusKey, mode, firstDay) };
    setCache(next);
    return next.days;
  }
  return cache.days;
}
