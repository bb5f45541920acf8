import type { SuggestionOptions, SuggestionsResponse } from '@confer/contracts';
import type { Interval } from '../../domain/scheduling/model.ts';
import { itemsWithin } from '../../domain/scheduling/schedule-window.ts';
import type { Caller } from './caller.ts';
import { type AvailabilityResult, loadAvailability, MAX_WINDOW_DAYS, resolveWindow } from './load-availability.ts';
import type { SchedulingDeps } from './scheduling-deps.ts';
import { suggestionsFrom, suggestTimes } from './suggest-times.ts';

const DAY_MS = 24 * 3_600_000;

/**
 * What the picker shows when it opens: availability for the days on screen and the best times over the
 * suggestion horizon (two weeks from now by default), from one read of everyone's calendars covering both windows.
 * Windows too far apart for one getSchedule (62 days) are read separately.
 */
export async function loadAvailabilityWithSuggestions(
  deps: SchedulingDeps,
  caller: Caller,
  attendees: readonly string[],
  window: Interval,
  options: SuggestionOptions,
): Promise<{ availability: AvailabilityResult; suggestions: SuggestionsResponse }> {
  const now = deps.clock.now();
  const horizon = resolveWindow(now, options.start, options.end);
  const cover: Interval = {
    start: new Date(Math.min(window.start.getTime(), horizon.start.getTime())),
    end: new Date(Math.max(window.end.getTime(), horizon.end.getTime())),
  };
  if (cover.end.getTime() - cover.start.getTime() >= MAX_WINDOW_DAYS * DAY_MS) {
    const availability = await loadAvailability(deps, caller, attendees, window);
    return { availability, suggestions: await suggestTimes(deps, caller, { ...options, attendees: [...attendees] }) };
  }
  const both = await loadAvailability(deps, caller, attendees, cover);
  return {
    availability: narrowed(both, window),
    suggestions: suggestionsFrom(now, narrowed(both, horizon), options),
  };
}

/** The answer the narrower window would have had: the same people, the blocks that overlap it. */
function narrowed(result: AvailabilityResult, window: Interval): AvailabilityResult {
  return { window, people: result.people.map((p) => ({ ...p, blocks: itemsWithin(p.blocks, window) })) };
}
