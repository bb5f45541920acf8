import { seriesStarts } from '@confer/contracts/time';
import type { Meeting, OccurrenceOverride } from '../scheduling/meeting.ts';

export interface EndedOccurrence {
  /** Its key: the original start in a series. */
  originalStart: Date;
  start: Date;
  end: Date;
}

/**
 * The meeting's occurrences that ended within `[from, to)`, at their current times (moved ones where they were
 * moved to, cancelled ones left out).
 */
export function occurrencesEndedBetween(
  meeting: Pick<Meeting, 'start' | 'end' | 'timeZone' | 'recurrence'>,
  overrides: readonly OccurrenceOverride[],
  from: Date,
  to: Date,
): EndedOccurrence[] {
  const inWindow = (end: Date) => end.getTime() >= from.getTime() && end.getTime() < to.getTime();
  if (!meeting.recurrence) {
    return inWindow(meeting.end) ? [{ originalStart: meeting.start, start: meeting.start, end: meeting.end }] : [];
  }
  const durationMs = meeting.end.getTime() - meeting.start.getTime();
  const byOriginal = new Map(overrides.map((o) => [o.originalStart.getTime(), o]));
  const ended: EndedOccurrence[] = [];
  for (const startMs of seriesStarts(meeting.start, meeting.timeZone, meeting.recurrence)) {
    const override = byOriginal.get(startMs);
    if (override?.cancelled) continue;
    const start = override ? override.start : new Date(startMs);
    const end = override ? override.end : new Date(startMs + durationMs);
    if (inWindow(end)) ended.push({ originalStart: new Date(startMs), start, end });
  }
  return ended;
}
