import { type Span, toSpan } from './interval-math.ts';
import type { SlotRequest, Suggestion } from './model.ts';
import { preparePersonCalendar, type WorkingDaysCache } from './person-calendar.ts';
import { expandSeries } from './series-occurrences.ts';
import {
  allowedSpans,
  type Candidate,
  type CandidateContext,
  evaluateCandidate,
  gridStarts,
  occurrenceFits,
} from './slot-candidates.ts';
import { validateSlotRequest } from './slot-request-validation.ts';
import { compareRanked, pickSpread } from './suggestion-picker.ts';
import { describeSuggestion } from './suggestion-reasons.ts';

const MINUTE_MS = 60_000;

/**
 * Ranked mutual free slots. Only readable calendars decide what is free; anyone whose calendar could
 * not be read is never taken for free, so every suggestion then says whose calendar is unknown and the
 * caller shows a banner. Ranking prefers times that are fair to every zone over the earliest time (see
 * comfort-score.ts); ties go to the earlier start.
 */
export function findSlots(request: SlotRequest): Suggestion[] {
  validateSlotRequest(request);
  const readable = request.people.filter((p) => p.status === 'ok');
  const unknownPeople = request.people.filter((p) => p.status !== 'ok');
  if (readable.length === 0) return [];
  const window = toSpan(request.window);
  const cache: WorkingDaysCache = new Map();
  const calendars = readable.map((p) => preparePersonCalendar(p, window, request.tentativeIsBusy, cache));
  const context: CandidateContext = {
    calendars,
    allowed: allowedSpans(
      calendars,
      window,
      request.bufferBeforeMinutes * MINUTE_MS,
      request.bufferAfterMinutes * MINUTE_MS,
    ),
    durationMs: request.durationMinutes * MINUTE_MS,
    stepMs: request.stepMinutes * MINUTE_MS,
    notBefore: request.notBefore.getTime(),
    gridZone: request.people[0]!.timeZone,
    maxMeetingsPerDay: request.maxMeetingsPerDay,
  };
  const candidates = gridStarts(context)
    .map((start) => evaluateCandidate(context, start))
    .filter((c): c is Candidate => c !== null);
  const seriesCheck = createSeriesCheck(request, context, window);
  const soonest = candidates.find((c) => seriesCheck.accept(c));
  const ranked = [...candidates].sort(compareRanked);
  const picked = pickSpread(ranked, request.maxSuggestions, context.durationMs, seriesCheck.accept);
  return picked.map((candidate) => ({
    start: new Date(candidate.start),
    end: new Date(candidate.end),
    score: candidate.score,
    reasons: describeSuggestion({
      comforts: candidate.comforts,
      unknownPeople,
      tentativeHolders: candidate.tentativeHolders,
      soonest: candidate === soonest,
      series: seriesCheck.summary(candidate),
    }),
  }));
}

/**
 * For a series, a start is kept only when every occurrence inside the window fits too (field lessons:
 * tools that check only the first occurrences double-book later ones). Occurrences after the window
 * cannot be read yet; the reason says how many were checked. Results are memoised: the picker may ask
 * twice about one candidate.
 */
function createSeriesCheck(request: SlotRequest, context: CandidateContext, window: Span) {
  const rule = request.recurrence;
  const verdicts = new Map<number, { ok: boolean; checked: number }>();
  const verdict = (candidate: Candidate) => {
    let known = verdicts.get(candidate.start);
    if (!known) {
      const occurrences = rule
        ? expandSeries(new Date(candidate.start), new Date(candidate.end), context.gridZone, rule, request.window)
            .map(toSpan)
            .filter((o) => o.end <= window.end)
        : [];
      known = { ok: occurrences.every((o) => occurrenceFits(context, o)), checked: occurrences.length };
      verdicts.set(candidate.start, known);
    }
    return known;
  };
  return {
    accept: (candidate: Candidate) => verdict(candidate).ok,
    summary: (candidate: Candidate) => (rule ? { checked: verdict(candidate).checked, total: rule.count } : null),
  };
}
