import { AppError } from '../../domain/app-error.ts';
import { expandSeries, findConflicts } from '../../domain/scheduling/index.ts';
import type { Meeting } from '../../domain/scheduling/meeting.ts';
import type { Conflict, Interval, RecurrenceRule } from '../../domain/scheduling/model.ts';
import type { Caller } from './caller.ts';
import { loadAvailability, MAX_WINDOW_DAYS } from './load-availability.ts';
import type { SchedulingDeps } from './scheduling-deps.ts';

const DAY_MS = 24 * 3_600_000;

export interface ProposedTime {
  start: Date;
  end: Date;
  timeZone: string;
  recurrence: RecurrenceRule | null;
}

/** Occurrences of a proposed time: one, or every occurrence of the series inside the horizon Graph can read. */
export function occurrencesOf(proposed: ProposedTime): Interval[] {
  if (!proposed.recurrence) return [{ start: proposed.start, end: proposed.end }];
  const horizon = { start: proposed.start, end: new Date(proposed.start.getTime() + (MAX_WINDOW_DAYS - 1) * DAY_MS) };
  return expandSeries(proposed.start, proposed.end, proposed.timeZone, proposed.recurrence, horizon);
}

/** Longer than any series Confer makes (52 monthly occurrences): a horizon that holds every occurrence. */
const WHOLE_SERIES_MS = 5 * 366 * DAY_MS;

/**
 * Every occurrence of a meeting, however far ahead: moving, cancelling or annotating one is not limited
 * to the window a clash check can read.
 */
export function everyOccurrenceOf(meeting: ProposedTime): Interval[] {
  if (!meeting.recurrence) return [{ start: meeting.start, end: meeting.end }];
  const horizon = { start: meeting.start, end: new Date(meeting.start.getTime() + WHOLE_SERIES_MS) };
  return expandSeries(meeting.start, meeting.end, meeting.timeZone, meeting.recurrence, horizon);
}

/**
 * Who clashes with what at a proposed time (and at every occurrence of a proposed series within the
 * horizon): own titles for the organizer, busy for others, unreadable calendars named. A meeting being
 * rescheduled does not clash with itself.
 */
export async function checkConflicts(
  deps: SchedulingDeps,
  caller: Caller,
  attendees: readonly string[],
  proposed: ProposedTime,
  options: { tentativeIsBusy?: boolean; ignore?: Meeting } = {},
): Promise<Conflict[]> {
  validateTimes(proposed.start, proposed.end);
  const occurrences = occurrencesOf(proposed);
  const last = occurrences.at(-1) ?? { start: proposed.start, end: proposed.end };
  const window = { start: proposed.start, end: last.end };
  const availability = await loadAvailability(deps, caller, attendees, window);
  const ignore = options.ignore ? ownIntervals(options.ignore) : new Set<string>();
  // Only people already in the meeting have its busy time on their calendars; someone being added who is
  // booked at exactly the same times is a real clash.
  const inMeeting = new Set(
    options.ignore ? [options.ignore.organizerEmail, ...options.ignore.attendees.map((a) => a.email)] : [],
  );
  const people = availability.people.map((p) =>
    inMeeting.has(p.person.email.toLowerCase())
      ? { ...p, blocks: p.blocks.filter((b) => !ignore.has(`${b.start.getTime()}|${b.end.getTime()}`)) }
      : p,
  );
  return findConflicts(occurrences, people, {
    organizerEmail: caller.mailbox.email,
    tentativeIsBusy: options.tentativeIsBusy ?? true,
  });
}

export function validateTimes(start: Date, end: Date): void {
  const minutes = (end.getTime() - start.getTime()) / 60_000;
  if (minutes <= 0) throw new AppError('validation_failed', 'The meeting must end after it starts.');
  if (minutes < 5 || minutes > 480) {
    throw new AppError('validation_failed', 'A meeting lasts between 5 minutes and 8 hours.');
  }
}

function ownIntervals(meeting: Meeting): Set<string> {
  const series = everyOccurrenceOf(meeting);
  return new Set(series.map((o) => `${o.start.getTime()}|${o.end.getTime()}`));
}
