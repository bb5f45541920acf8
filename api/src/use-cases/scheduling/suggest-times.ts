import type { SuggestionOptions, SuggestionsResponse, suggestionsRequestSchema } from '@confer/contracts';
import type { z } from 'zod';
import { findSlots } from '../../domain/scheduling/index.ts';
import type { Caller } from './caller.ts';
import { type AvailabilityResult, loadAvailability, resolveWindow } from './load-availability.ts';
import type { SchedulingDeps } from './scheduling-deps.ts';

/** Ranked mutual free times, each with the reasons it was chosen. */
export async function suggestTimes(
  deps: SchedulingDeps,
  caller: Caller,
  request: z.infer<typeof suggestionsRequestSchema>,
): Promise<SuggestionsResponse> {
  const now = deps.clock.now();
  const window = resolveWindow(now, request.start, request.end);
  return suggestionsFrom(now, await loadAvailability(deps, caller, request.attendees, window), request);
}

/** The suggestions within an availability answer's window (the options' own window is already applied). */
export function suggestionsFrom(
  now: Date,
  availability: AvailabilityResult,
  request: SuggestionOptions,
): SuggestionsResponse {
  const window = availability.window;
  const suggestions = findSlots({
    window,
    durationMinutes: request.durationMinutes,
    people: availability.people,
    notBefore: new Date(now.getTime() + request.minimumNoticeMinutes * 60_000),
    bufferBeforeMinutes: request.bufferBeforeMinutes,
    bufferAfterMinutes: request.bufferAfterMinutes,
    maxMeetingsPerDay: request.maxMeetingsPerDay,
    tentativeIsBusy: request.tentativeIsBusy,
    stepMinutes: 15,
    maxSuggestions: request.maxSuggestions,
    recurrence: request.recurrence,
  });
  return {
    window: { start: window.start.toISOString(), end: window.end.toISOString() },
    suggestions: suggestions.map((s) => ({
      start: s.start.toISOString(),
      end: s.end.toISOString(),
      score: s.score,
      reasons: s.reasons.map((r) => ({ code: r.code, text: r.text })),
    })),
    unreadable: availability.people
      .filter((p) => p.status !== 'ok')
      .map((p) => ({ person: p.person, status: p.status, message: p.message })),
  };
}
