import type { AvailabilityResponse, SuggestionsResponse } from '@confer/contracts';
import { useMemo, useRef } from 'react';
import type { AuthedApi } from '../../lib/authed-api.ts';
import { type Request, useRequest } from '../../lib/use-request.ts';
import type { Interval } from './grid-geometry.ts';
import { loadAvailability, loadSuggestions, type Recurrence } from './schedule-api.ts';
import { contains, fetchWindow } from './week-nav.ts';

export interface ScheduleDataInput {
  readonly api: AuthedApi;
  readonly attendees: readonly string[];
  readonly durationMinutes: number;
  readonly recurrence: Recurrence | null;
  readonly days: readonly string[];
  readonly timeZone: string;
  readonly now: () => Date;
}

export interface ScheduleData {
  readonly window: Interval;
  readonly availability: Request<AvailabilityResponse>;
  readonly suggestions: Request<SuggestionsResponse>;
}

const emptySuggestions = (window: Interval): SuggestionsResponse => ({
  window: { start: window.start.toISOString(), end: window.end.toISOString() },
  suggestions: [],
  unreadable: [],
});

/**
 * Everyone's availability and the suggestions for the visible days (plus a margin), read again only when the
 * people change or the visible days leave what was already read.
 */
export function useScheduleData(input: ScheduleDataInput): ScheduleData {
  const { api, attendees, durationMinutes, recurrence, days, timeZone, now } = input;
  const peopleKey = attendees.join(',');
  const loaded = useRef<{ peopleKey: string; window: Interval } | null>(null);
  const wanted = fetchWindow(days, timeZone);
  if (!loaded.current || loaded.current.peopleKey !== peopleKey || !contains(loaded.current.window, wanted)) {
    loaded.current = { peopleKey, window: wanted };
  }
  const window = loaded.current.window;
  const windowKey = `${window.start.toISOString()}/${window.end.toISOString()}`;

  const availability = useRequest(`${peopleKey}|${windowKey}`, () =>
    loadAvailability(api, { attendees, start: window.start.toISOString(), end: window.end.toISOString() }),
  );

  // Suggestions start no earlier than now; fixed per window so a re-render does not ask again.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the window key names the window.
  const from = useMemo(() => new Date(Math.max(window.start.getTime(), now().getTime())), [windowKey]);
  const recurrenceKey = recurrence ? `${recurrence.kind}x${recurrence.count}` : 'once';
  const suggestions = useRequest(`${peopleKey}|${windowKey}|${durationMinutes}|${recurrenceKey}`, () =>
    from >= window.end
      ? Promise.resolve(emptySuggestions(window))
      : loadSuggestions(api, {
          attendees,
          start: from.toISOString(),
          end: window.end.toISOString(),
          durationMinutes,
          recurrence,
          maxSuggestions: 10,
        }),
  );
  return { window, availability, suggestions };
}
