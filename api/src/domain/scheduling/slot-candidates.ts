import { localParts } from '@confer/contracts/time';
import { type PersonComfort, personComfort, scoreCandidate } from './comfort-score.ts';
import { findContaining, intersectSpans, mergeSpans, overlapsAny, type Span, subtractSpans } from './interval-math.ts';
import type { PersonCalendar } from './person-calendar.ts';
import type { Pickable } from './suggestion-picker.ts';

/**
 * At most this many starts are examined per request. The largest valid request (62 days on a 5-minute
 * grid) has 17,856 starts before anything is removed, so the cap never cuts a valid request short; it
 * keeps the work bounded (and the API's latency predictable) should the limits ever grow.
 */
export const MAX_CANDIDATES = 20_000;

export interface CandidateContext {
  calendars: readonly PersonCalendar[];
  /** Where a meeting (not its buffers) may sit: everyone's working hours, minus busy time widened by buffers. */
  allowed: readonly Span[];
  durationMs: number;
  stepMs: number;
  notBefore: number;
  /** The organizer's zone: the grid lands on its hours. */
  gridZone: string;
  maxMeetingsPerDay: number | null;
}

export interface Candidate extends Span, Pickable {
  comforts: PersonComfort[];
  tentativeHolders: PersonCalendar[];
}

/**
 * Everyone's working hours intersected, minus everyone's busy time. Buffers belong to Confer's meeting:
 * a meeting `[s, e)` needs `[s - before, e + after)` free, which is the same as keeping `[s, e)` clear of
 * each busy block widened by `after` before it and `before` after it.
 */
export function allowedSpans(
  calendars: readonly PersonCalendar[],
  window: Span,
  bufferBeforeMs: number,
  bufferAfterMs: number,
): Span[] {
  let working: Span[] = [window];
  const busy: Span[] = [];
  for (const calendar of calendars) {
    working = intersectSpans(working, mergeSpans(calendar.days));
    for (const block of calendar.busy)
      busy.push({ start: block.start - bufferAfterMs, end: block.end + bufferBeforeMs });
  }
  return subtractSpans(working, mergeSpans(busy));
}

/** Starts on the step grid (aligned to the hour in the organizer's zone) where a whole meeting fits. */
export function gridStarts(context: CandidateContext): number[] {
  const starts: number[] = [];
  for (const span of context.allowed) {
    if (span.end <= context.notBefore) continue;
    let start = alignUp(Math.max(span.start, context.notBefore), context.stepMs, context.gridZone);
    for (; start + context.durationMs <= span.end; start += context.stepMs) {
      if (starts.length >= MAX_CANDIDATES) return starts;
      starts.push(start);
    }
  }
  return starts;
}

/**
 * Steps divide an hour, so counting from the start of the local hour (read in the zone at the start of
 * each free span) keeps the grid on the hour in the organizer's zone; clocks change at night, outside the
 * working hours a free span lies in.
 */
function alignUp(time: number, stepMs: number, zone: string): number {
  const intoHour = (localParts(time, zone).secondOfDay % 3600) * 1000 + (((time % 1000) + 1000) % 1000);
  const hourStart = time - intoHour;
  return hourStart + Math.ceil((time - hourStart) / stepMs) * stepMs;
}

/** Scores a start, or null when someone's daily cap of Confer meetings is already reached that day. */
export function evaluateCandidate(context: CandidateContext, start: number): Candidate | null {
  const end = start + context.durationMs;
  const comforts: PersonComfort[] = [];
  const tentativeHolders: PersonCalendar[] = [];
  for (const calendar of context.calendars) {
    const day = dayFor(context, calendar, start, end);
    if (!day) return null;
    comforts.push(personComfort(calendar, day, start, end));
    if (calendar.tentative.length > 0 && overlapsAny(calendar.tentative, start, end)) tentativeHolders.push(calendar);
  }
  const dayKey = comforts[0]?.day.date ?? '';
  return { start, end, score: scoreCandidate(comforts, tentativeHolders.length), dayKey, comforts, tentativeHolders };
}

/** Whether a later occurrence of a series is inside everyone's hours, free, and under everyone's cap. */
export function occurrenceFits(context: CandidateContext, occurrence: Span): boolean {
  if (findContaining(context.allowed, occurrence.start, occurrence.end) < 0) return false;
  return context.calendars.every((calendar) => dayFor(context, calendar, occurrence.start, occurrence.end) !== null);
}

function dayFor(context: CandidateContext, calendar: PersonCalendar, start: number, end: number) {
  const day = calendar.days[findContaining(calendar.days, start, end)];
  if (!day) return null;
  const cap = context.maxMeetingsPerDay;
  if (cap === null) return day;
  // The cap counts meetings by the local date they start on, as countConferMeetings does.
  const date = day.nextDate && start >= day.nextDate.from ? day.nextDate.date : day.date;
  return (calendar.conferMeetingsByDate.get(date) ?? 0) >= cap ? null : day;
}
