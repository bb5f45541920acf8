import { dateKeyIn } from '@confer/contracts/time';
import { blockingSpans } from './busy-merge.ts';
import { mergeSpans, type Span } from './interval-math.ts';
import type { PersonAvailability, WorkingHours } from './model.ts';
import { type WorkingDay, workingDays, workingHoursOf } from './working-hours.ts';

/** What the slot finder needs of one readable person, computed once per request. */
export interface PersonCalendar {
  availability: PersonAvailability;
  hours: WorkingHours;
  days: readonly WorkingDay[];
  /** Disjoint spans that block a meeting. */
  busy: readonly Span[];
  /** Tentative holds that do not block (the request let tentative count as free), for the reasons. */
  tentative: readonly Span[];
  /** Confer meetings already on each local date (`yyyy-MM-dd` in the hours' zone). */
  conferMeetingsByDate: ReadonlyMap<string, number>;
}

/**
 * Working days depend only on the hours and the window, and most people share a zone and hours with
 * someone else in the meeting, so one request computes each distinct set once.
 */
export type WorkingDaysCache = Map<string, WorkingDay[]>;

export function preparePersonCalendar(
  availability: PersonAvailability,
  window: Span,
  tentativeIsBusy: boolean,
  cache: WorkingDaysCache,
): PersonCalendar {
  const hours = workingHoursOf(availability);
  const key = `${hours.timeZone}|${hours.days.join(',')}|${hours.start}|${hours.end}`;
  let days = cache.get(key);
  if (!days) {
    days = workingDays(hours, window);
    cache.set(key, days);
  }
  const zone = hours.timeZone;
  const tentative = tentativeIsBusy
    ? []
    : mergeSpans(
        availability.blocks
          .filter((b) => b.status === 'tentative')
          .map((b) => ({ start: b.start.getTime(), end: b.end.getTime() })),
      );
  return {
    availability,
    hours,
    days,
    busy: blockingSpans(availability.blocks, { tentativeIsBusy, timeZone: zone }),
    tentative,
    conferMeetingsByDate: countConferMeetings(availability, zone),
  };
}

/**
 * A Confer meeting counts against the local date it starts on. One shown as free (declined or cancelled
 * by the person) is not a meeting they will attend, so it does not count.
 */
function countConferMeetings(availability: PersonAvailability, zone: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const block of availability.blocks) {
    if (!block.isConferMeeting || block.status === 'free') continue;
    const date = dateKeyIn(block.start, zone);
    counts.set(date, (counts.get(date) ?? 0) + 1);
  }
  return counts;
}
