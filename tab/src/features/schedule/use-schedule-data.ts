import { type AvailabilityResponse, LIMITS, type SuggestionsResponse } from '@confer/contracts';
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

/**
 * Everyone's availability for the visible days (plus a margin), read again only when the people change or the
 * visible days leave what was already read; and the best times over the next two weeks.
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

  // Suggestions cover the API's default horizon from now, whatever week is on screen: the best times are
  // listed even on a Friday evening, and picking one moves the grid to its week.
  // biome-ignore lint/correctness/useExhaustiveDependencies: one horizon per set of people.
  const horizon = useMemo(() => {
    const from = now();
    return { start: from, end: new Date(from.getTime() + LIMITS.defaultWindowDays * 86_400_000) };
  }, [peopleKey]);
  const recurrenceKey = recurrence ? `${recurrence.kind}x${recurrence.count}` : 'once';
  const suggestions = useRequest(`${peopleKey}|${durationMinutes}|${recurrenceKey}`, () =>
    loadSuggestions(api, {
      attendees,
      start: horizon.start.toISOString(),
      end: horizon.end.toISOString(),
      durationMinutes,
      recurrence,
      maxSuggestions: 5,
    }),
  );
  return { window, availability, suggestions };
}
