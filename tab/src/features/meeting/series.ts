import type { MeetingDto } from '@confer/contracts';
import { seriesStarts } from '@confer/contracts/time';

export interface Occurrence {
  /** Where the series put it: the key the API uses for this occurrence (`/occurrences/{originalStart}`). */
  readonly originalStart: string;
  readonly start: string;
  readonly end: string;
  readonly cancelled: boolean;
  readonly moved: boolean;
}

/**
 * Every occurrence of a meeting (one for a single meeting), with moves and cancellations applied. Where the
 * series puts each one is the rule the API books by (`seriesStarts`, contracts/src/time/series.ts), so both
 * name the same occurrences.
 */
export function occurrencesOf(meeting: MeetingDto): Occurrence[] {
  const start = new Date(meeting.start).getTime();
  const duration = new Date(meeting.end).getTime() - start;
  const planned = meeting.recurrence ? [...seriesStarts(start, meeting.timeZone, meeting.recurrence)] : [start];
  return planned.map((at) => {
    const override = meeting.occurrences.find((o) => new Date(o.originalStart).getTime() === at);
    const originalStart = new Date(at).toISOString();
    if (!override) {
      return {
        originalStart,
        start: originalStart,
        end: new Date(at + duration).toISOString(),
        cancelled: false,
        moved: false,
      };
    }
    return {
      originalStart,
      start: override.start,
      end: override.end,
      cancelled: override.cancelled,
      moved: new Date(override.start).getTime() !== at,
    };
  });
}

/** The occurrence to show first: the next one still to end, else the last. */
export function currentOccurrence(occurrences: readonly Occurrence[], now: Date): Occurrence | null {
  const live = occurrences.filter((o) => !o.cancelled);
  return live.find((o) => new Date(o.end).getTime() > now.getTime()) ?? live.at(-1) ?? occurrences.at(-1) ?? null;
}

/** The live occurrences just before and after one (cancelled ones do not bound a move). */
export function neighboursOf(occurrences: readonly Occurrence[], occurrence: Occurrence) {
  const index = occurrences.indexOf(occurrence);
  const before =
    occurrences
      .slice(0, Math.max(index, 0))
      .filter((o) => !o.cancelled)
      .at(-1) ?? null;
  const after = occurrences.slice(index + 1).find((o) => !o.cancelled) ?? null;
  return { before, after };
}
