import type { SuggestionsResponse } from '@confer/contracts';
import type { Interval } from './grid-geometry.ts';
import type { Recurrence } from './schedule-api.ts';
import type { SuggestionView } from './suggestion-list.tsx';

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

/** The API's suggestions, in its ranking, as instants with their reasons in words. */
export function suggestionViews(response: SuggestionsResponse | null): SuggestionView[] {
  if (!response) return [];
  return response.suggestions.map((s) => ({
    start: new Date(s.start),
    end: new Date(s.end),
    reasons: s.reasons.map((r) => r.text),
  }));
}

export function occurrenceCount(recurrence: Recurrence | null): number {
  return recurrence ? recurrence.count : 1;
}
