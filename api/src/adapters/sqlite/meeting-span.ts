import { isTimeZone, seriesStarts } from '@confer/contracts/time';
import type { Meeting, OccurrenceOverride } from '../../domain/scheduling/meeting.ts';
import type { Interval } from '../../domain/scheduling/model.ts';
import { storeError } from './store-errors.ts';

type MeetingTimes = Pick<Meeting, 'id' | 'start' | 'end' | 'timeZone' | 'recurrence'>;

/**
 * Every occurrence's time, moved ones at their new time and cancelled ones left out. Where the series puts
 * each one is the rule the API checks and books by (`seriesStarts`, contracts/src/time/series.ts).
 */
export function listOccurrenceTimes(meeting: MeetingTimes, overrides: readonly OccurrenceOverride[]): Interval[] {
  const originals = listOriginalStarts(meeting);
  const durationMs = meeting.end.getTime() - meeting.start.getTime();
  const byOriginal = new Map(overrides.map((o) => [o.originalStart.getTime(), o]));
  const times: Interval[] = [];
  for (const originalStart of originals) {
    const override = meeting.recurrence ? byOriginal.get(originalStart.getTime()) : undefined;
    if (override?.cancelled) continue;
    times.push(
      override
        ? { start: override.start, end: override.end }
        : { start: originalStart, end: new Date(originalStart.getTime() + durationMs) },
    );
  }
  return times;
}

/** First start and last end over the whole series (the meeting's own times when every occurrence is cancelled). */
export function spanOf(meeting: MeetingTimes, overrides: readonly OccurrenceOverride[]): Interval {
  let start = meeting.start.getTime();
  let end = meeting.end.getTime();
  for (const time of listOccurrenceTimes(meeting, overrides)) {
    start = Math.min(start, time.start.getTime());
    end = Math.max(end, time.end.getTime());
  }
  return { start: new Date(start), end: new Date(end) };
}

export function overlaps(a: Interval, b: Interval): boolean {
  return a.start.getTime() < b.end.getTime() && b.start.getTime() < a.end.getTime();
}

function listOriginalStarts(meeting: MeetingTimes): Date[] {
  if (!isTimeZone(meeting.timeZone)) {
    throw storeError(
      { reason: 'invalid_argument', table: 'meetings', meetingId: meeting.id, timeZone: meeting.timeZone },
      `Meeting ${meeting.id} has an unknown time zone "${meeting.timeZone}"`,
    );
  }
  if (!meeting.recurrence) return [meeting.start];
  return Array.from(seriesStarts(meeting.start, meeting.timeZone, meeting.recurrence), (start) => new Date(start));
}

/** Per-user intervals in time order (then by user), so every store answers the same list. */
export function sortIntervals<T extends Interval & { userId: string }>(intervals: T[]): T[] {
  return intervals.sort(
    (a, b) => a.start.getTime() - b.start.getTime() || (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0),
  );
}
