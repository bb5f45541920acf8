import type { MeetingDto } from '@confer/contracts';
import { addDays, instantAt, localParts } from '@confer/contracts/time';

export interface Occurrence {
  /** Where the series put it: the key the API uses for this occurrence (`/occurrences/{originalStart}`). */
  readonly originalStart: string;
  readonly start: string;
  readonly end: string;
  readonly cancelled: boolean;
  readonly moved: boolean;
}

/**
 * Every occurrence of a meeting (one for a single meeting), with moves and cancellations applied.
 * Occurrences keep the first one's wall-clock time in the meeting's zone across DST, as Outlook expands a
 * series in its recurrence zone; monthly series fall on the month's last day when it is shorter (Outlook's
 * rule, mirrored from the API's series expansion so both name the same occurrences).
 */
export function occurrencesOf(meeting: MeetingDto): Occurrence[] {
  const start = new Date(meeting.start).getTime();
  const duration = new Date(meeting.end).getTime() - start;
  const planned = meeting.recurrence ? plannedStarts(start, meeting.timeZone, meeting.recurrence) : [start];
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

function plannedStarts(first: number, zone: string, rule: NonNullable<MeetingDto['recurrence']>): number[] {
  const local = localParts(first, zone);
  const starts = [first];
  for (let index = 1; index < rule.count; index++) {
    const date =
      rule.kind === 'monthly'
        ? addMonthsClamped(local.dateKey, index)
        : addDays(local.dateKey, (rule.kind === 'weekly' ? 7 : 14) * index);
    starts.push(instantAt(date, local.minuteOfDay, zone).getTime());
  }
  return starts;
}

function addMonthsClamped(dateKey: string, months: number): string {
  const [year = 1970, month = 1, day = 1] = dateKey.split('-').map(Number);
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}
