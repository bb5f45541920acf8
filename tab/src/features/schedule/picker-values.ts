import type { SuggestionsResponse } from '@confer/contracts';
import type { Interval } from './grid-geometry.ts';
import type { Recurrence } from './schedule-api.ts';
import type { SuggestionView } from './suggestion-list.tsx';
import { wallClockOf } from './zone-time.ts';

export function toInterval(value: { start: string; end: string } | null): Interval | null {
  if (!value) return null;
  const start = new Date(value.start);
  const end = new Date(value.end);
  return Number.isNaN(start.getTime()) || Number.isNaN(end.getTime()) ? null : { start, end };
}

/** ISO instants in UTC: what the API takes, whatever zone the grid shows. */
export function toValue(interval: Interval): { start: string; end: string } {
  return { start: interval.start.toISOString(), end: interval.end.toISOString() };
}

/** The best suggestions that start on the visible days, in the API's ranking. */
export function visibleSuggestions(
  response: SuggestionsResponse | null,
  days: readonly string[],
  timeZone: string,
  limit: number,
): SuggestionView[] {
  if (!response) return [];
  return response.suggestions
    .map((s) => ({ start: new Date(s.start), end: new Date(s.end), reasons: s.reasons.map((r) => r.text) }))
    .filter((s) => days.includes(wallClockOf(s.start, timeZone).dateKey))
    .slice(0, limit);
}

export function occurrenceCount(recurrence: Recurrence | null): number {
  return recurrence ? recurrence.count : 1;
}
