import { toSpan } from './interval-math.ts';
import { createLocalClock } from './local-clock.ts';
import type { PersonAvailability, SlotRequest, Suggestion } from './model.ts';
import { preparePersonCalendar, type WorkingDaysCache } from './person-calendar.ts';
import { occurrenceStarts } from './series-occurrences.ts';
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
 * A series start whose later occurrences fall after the window cannot be checked in full, so it ranks
 * below starts that can, in proportion to the share left unchecked (comfort scores span about 0–100).
 */
const UNCHECKED_SERIES_PENALTY = 50;

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
  const context = buildContext(request, readable);
  const candidates = gridStarts(context)
    .map((start) => evaluateCandidate(context, start))
    .filter((c): c is Candidate => c !== null);
  const seriesCheck = createSeriesCheck(request, context);
  for (const candidate of candidates) candidate.score = seriesCheck.rank(candidate);
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

function buildContext(request: SlotRequest, readable: readonly PersonAvailability[]): CandidateContext {
  const window = toSpan(request.window);
  const cache: WorkingDaysCache = new Map();
  const calendars = readable.map((p) => preparePersonCalendar(p, window, request.tentativeIsBusy, cache));
  const before = request.bufferBeforeMinutes * MINUTE_MS;
  const after = request.bufferAfterMinutes * MINUTE_MS;
  return {
    calendars,
    allowed: allowedSpans(calendars, window, before, after),
    durationMs: request.durationMinutes * MINUTE_MS,
    stepMs: request.stepMinutes * MINUTE_MS,
    notBefore: request.notBefore.getTime(),
    gridZone: request.people[0]!.timeZone,
    maxMeetingsPerDay: request.maxMeetingsPerDay,
  };
}

/**
 * For a series, a start is kept only when every occurrence inside the window fits too: tools that check only
 * the first occurrences double-book later ones (docs/reference/user-expectations.md §12). Occurrences after
 * the window cannot be read yet; the reason says how many were checked. A check stops at the first occurrence that
 * does not fit, and verdicts are kept: the picker may ask twice about one candidate.
 */
function createSeriesCheck(request: SlotRequest, context: CandidateContext) {
  const rule = request.recurrence;
  const windowEnd = request.window.end.getTime();
  const clock = createLocalClock(context.gridZone);
  const verdicts = new Map<number, { ok: boolean; checked: number }>();
  const verdict = (candidate: Candidate) => {
    let known = verdicts.get(candidate.start);
    if (!known) {
      known = { ok: true, checked: 0 };
      for (const start of rule ? occurrenceStarts(clock, candidate.start, rule, windowEnd) : []) {
        const occurrence = { start, end: start + context.durationMs };
        if (occurrence.end > windowEnd) break;
        if (!occurrenceFits(context, occurrence)) {
          known.ok = false;
          break;
        }
        known.checked++;
      }
      verdicts.set(candidate.start, known);
    }
    return known;
  };
  return {
    accept: (candidate: Candidate) => verdict(candidate).ok,
    rank: (candidate: Candidate) => {
      if (!rule) return candidate.score;
      let inside = 0;
      for (const start of occurrenceStarts(clock, candidate.start, rule, windowEnd)) {
        if (start + context.durationMs <= windowEnd) inside++;
      }
      return Math.round((candidate.score - UNCHECKED_SERIES_PENALTY * (1 - inside / rule.count)) * 100) / 100;
    },
    summary: (candidate: Candidate) => (rule ? { checked: verdict(candidate).checked, total: rule.count } : null),
  };
}
