import { type AvailabilityResponse, LIMITS } from '@confer/contracts';
import { dateKeyIn } from '@confer/contracts/time';
import type { AuthedApi } from '../../lib/authed-api.ts';
import type { Interval } from './grid-geometry.ts';
import { initialDetails } from './meeting-details.ts';
import { loadAvailability, type SuggestOptions } from './schedule-api.ts';
import { DAY_VIEW_BELOW_PX } from './use-picker-view.ts';
import { contains, fetchWindow, firstDayOfWeek, visibleDays } from './week-nav.ts';

/** How many suggestions the picker lists. */
export const SUGGESTIONS_SHOWN = 5;
/** A prefetched answer older than this is read again: calendars change. */
const FRESH_MS = 30_000;
const DAY_MS = 86_400_000;

/** What the picker asks for when it opens: its week, and the best times over the next two weeks. */
export interface PickerRead {
  readonly peopleKey: string;
  readonly window: Interval;
  readonly suggestKey: string;
  readonly at: number;
  readonly answer: Promise<AvailabilityResponse>;
}

let prefetched: PickerRead | null = null;

/** Names the suggestions a request asks for: a different length or series is a different question. */
export function suggestKeyOf(peopleKey: string, durationMinutes: number, recurrence: SuggestOptions['recurrence']) {
  return `${peopleKey}|${durationMinutes}|${recurrence ? `${recurrence.kind}x${recurrence.count}` : 'once'}`;
}

export interface PrefetchContext {
  readonly api: AuthedApi;
  /** The addresses the page opens with (`#/schedule?with=…`), the signed-in person left out. */
  readonly attendees: readonly string[];
  /** The device's zone: the person's own zone is not known yet. */
  readonly deviceZone: string;
  readonly locale: string;
  readonly now: Date;
  readonly viewportWidth: number;
}

/**
 * Starts the picker's first read as soon as the tab knows who the page opens with, while the page's code and the
 * person's time zone are still on their way: the week the picker will show (guessed in the device's zone, with two
 * days either side, which hold the real week in any zone) and the suggestions for the page's first length.
 */
export function prefetchPicker(context: PrefetchContext): void {
  const { api, attendees, deviceZone, locale, now } = context;
  if (attendees.length === 0 || attendees.length > LIMITS.maxPeople - 1) return;
  const mode = context.viewportWidth < DAY_VIEW_BELOW_PX ? 'day' : 'week';
  const days = visibleDays(dateKeyIn(now, deviceZone), mode, firstDayOfWeek(locale));
  const window = fetchWindow(days, deviceZone, 2);
  const peopleKey = attendees.join(',');
  const answer = loadAvailability(api, {
    attendees,
    start: window.start.toISOString(),
    end: window.end.toISOString(),
    suggest: {
      durationMinutes: initialDetails.durationMinutes,
      recurrence: initialDetails.recurrence,
      maxSuggestions: SUGGESTIONS_SHOWN,
      start: now.toISOString(),
      end: new Date(now.getTime() + LIMITS.defaultWindowDays * DAY_MS).toISOString(),
    },
  });
  // Whoever takes it handles a failure; one left untaken must not surface as an unhandled rejection.
  answer.catch(() => undefined);
  prefetched = {
    peopleKey,
    window,
    suggestKey: suggestKeyOf(peopleKey, initialDetails.durationMinutes, initialDetails.recurrence),
    at: now.getTime(),
    answer,
  };
}

/** The prefetched read, once, when it is for these people, covers the days wanted and is still fresh. */
export function takePrefetched(peopleKey: string, wanted: Interval, now: Date): PickerRead | null {
  const read = prefetched;
  prefetched = null;
  if (!read || read.peopleKey !== peopleKey || !contains(read.window, wanted)) return null;
  return now.getTime() - read.at <= FRESH_MS ? read : null;
}
