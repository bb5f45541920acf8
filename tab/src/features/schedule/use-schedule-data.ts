import { type AvailabilityResponse, LIMITS, type SuggestionsResponse } from '@confer/contracts';
import { useMemo, useRef } from 'react';
import { AppError } from '../../lib/app-error.ts';
import type { AuthedApi } from '../../lib/authed-api.ts';
import { type Request, useRequest } from '../../lib/use-request.ts';
import type { Interval } from './grid-geometry.ts';
import { SUGGESTIONS_SHOWN, suggestKeyOf, takePrefetched } from './picker-prefetch.ts';
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

/** A read of availability that also carried suggestions, until the suggestions' request takes them. */
interface CombinedRead {
  readonly suggestKey: string;
  readonly answer: Promise<AvailabilityResponse>;
}

/**
 * Everyone's availability for the visible days (plus a margin), read again only when the people change or the
 * visible days leave what was already read; and the best times over the next two weeks. When both are needed at
 * once (the page opens, the people change) they come in one request; the first may have been started before the
 * page's code arrived (picker-prefetch.ts).
 */
export function useScheduleData(input: ScheduleDataInput): ScheduleData {
  const { api, attendees, durationMinutes, recurrence, days, timeZone, now } = input;
  const peopleKey = attendees.join(',');
  const suggestKey = suggestKeyOf(peopleKey, durationMinutes, recurrence);
  const loaded = useRef<{ peopleKey: string; window: Interval } | null>(null);
  /** Set for one commit: the availability read that will also answer the suggestions' read. */
  const combined = useRef<CombinedRead | null>(null);
  /** The availability read already started for a window (the prefetched one), taken by the first load. */
  const started = useRef<{ windowKey: string; read: CombinedRead } | null>(null);
  /** Which suggestions were last asked for: a different key means they are about to be asked again. */
  const suggestedFor = useRef<string | null>(null);
  const wanted = fetchWindow(days, timeZone);
  if (!loaded.current || loaded.current.peopleKey !== peopleKey || !contains(loaded.current.window, wanted)) {
    const prefetched = loaded.current ? null : takePrefetched(peopleKey, wanted, now());
    loaded.current = { peopleKey, window: prefetched?.window ?? wanted };
    if (prefetched) {
      started.current = {
        windowKey: keyOf(prefetched.window),
        read: { suggestKey: prefetched.suggestKey, answer: prefetched.answer },
      };
    }
  }
  const window = loaded.current.window;
  const windowKey = keyOf(window);

  // Suggestions cover the API's default horizon from now, whatever week is on screen: the best times are
  // listed even on a Friday evening, and picking one moves the grid to its week.
  // biome-ignore lint/correctness/useExhaustiveDependencies: one horizon per set of people.
  const horizon = useMemo(() => {
    const from = now();
    return { start: from, end: new Date(from.getTime() + LIMITS.defaultWindowDays * 86_400_000) };
  }, [peopleKey]);
  const suggestOptions = () => ({
    durationMinutes,
    recurrence,
    maxSuggestions: SUGGESTIONS_SHOWN,
    start: horizon.start.toISOString(),
    end: horizon.end.toISOString(),
  });

  // Effects run in the order of the hooks: availability's read first, so it can carry the suggestions too.
  const availability = useRequest(`${peopleKey}|${windowKey}`, () => {
    const request = { attendees, start: window.start.toISOString(), end: window.end.toISOString() };
    const prefetched = started.current;
    started.current = null;
    if (prefetched?.windowKey === windowKey) {
      combined.current = prefetched.read;
      return prefetched.read.answer.then(withoutSuggestions);
    }
    if (suggestedFor.current === suggestKey) return loadAvailability(api, request);
    const answer = loadAvailability(api, { ...request, suggest: suggestOptions() });
    combined.current = { suggestKey, answer };
    return answer.then(withoutSuggestions);
  });
  const suggestions = useRequest(suggestKey, () => {
    suggestedFor.current = suggestKey;
    const read = combined.current;
    combined.current = null;
    if (read?.suggestKey === suggestKey) return read.answer.then(suggestionsOf);
    return loadSuggestions(api, { attendees, ...suggestOptions() });
  });
  return { window, availability, suggestions };
}

function keyOf(window: Interval): string {
  return `${window.start.toISOString()}/${window.end.toISOString()}`;
}

function withoutSuggestions({ suggestions: _, ...availability }: AvailabilityResponse): AvailabilityResponse {
  return availability;
}

function suggestionsOf(answer: AvailabilityResponse): SuggestionsResponse {
  if (answer.suggestions) return answer.suggestions;
  throw new AppError('network_error', 'The suggestions did not come with the calendars. Try again.');
}
