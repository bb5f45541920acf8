import type { Meeting, OccurrenceOverride } from '../../domain/scheduling/meeting.ts';
import type { MeetingHistoryEntry } from '../../ports/meeting-store.ts';
import type { EventRecord } from '../../ports/scheduling-gateway.ts';
import { notify } from '../scheduling/notify.ts';
import type { SchedulingDeps } from '../scheduling/scheduling-deps.ts';

/** Adds a history entry for something Outlook changed (no Confer person acted). */
export async function recordFromOutlook(
  deps: SchedulingDeps,
  meeting: Meeting,
  entry: Pick<MeetingHistoryEntry, 'kind' | 'summary' | 'details'>,
): Promise<void> {
  await deps.history.append(meeting.tenantId, { meetingId: meeting.id, at: deps.clock.now(), actorId: null, ...entry });
}

/** Records and announces an occurrence Outlook moved, cancelled or put back (reminders follow in the notifier). */
export async function occurrenceChanged(deps: SchedulingDeps, meeting: Meeting, override: OccurrenceOverride) {
  await deps.meetings.upsertOccurrence(meeting.tenantId, override);
  await recordFromOutlook(deps, meeting, {
    kind: override.cancelled ? 'occurrence_cancelled' : 'occurrence_changed',
    summary: override.cancelled ? 'One occurrence cancelled in Outlook' : 'One occurrence moved in Outlook',
    details: { origin: 'outlook', originalStart: override.originalStart.toISOString() },
  });
  await notify(deps, 'occurrenceChanged', meeting.id, (n) => n.occurrenceChanged(meeting, override));
}

/**
 * Makes one occurrence of a Confer series (keyed by the start its pattern gives it) match Outlook's instance:
 * missing or cancelled there → cancelled; moved there → moved; back where the pattern puts it → the override is
 * put back. Answers whether anything changed.
 */
export async function followOccurrence(
  deps: SchedulingDeps,
  meeting: Meeting,
  known: readonly OccurrenceOverride[],
  original: number,
  instance: EventRecord | undefined,
): Promise<boolean> {
  const duration = meeting.end.getTime() - meeting.start.getTime();
  const before = known.find((o) => o.originalStart.getTime() === original);
  const wanted = overrideFor(meeting.id, original, duration, instance);
  if (!wanted && !before) return false;
  const next = wanted ?? {
    ...(before as OccurrenceOverride),
    start: new Date(original),
    end: new Date(original + duration),
    cancelled: false,
  };
  if (before && sameOverride(before, next)) return false;
  await occurrenceChanged(deps, meeting, next);
  return true;
}

/** What Confer should record for one occurrence: null when Outlook has it where the pattern puts it. */
function overrideFor(
  meetingId: string,
  original: number,
  duration: number,
  instance: EventRecord | undefined,
): OccurrenceOverride | null {
  const cancelled = !instance || instance.isCancelled;
  const onPattern =
    !cancelled && instance.start.getTime() === original && instance.end.getTime() - original === duration;
  if (onPattern) return null;
  return {
    meetingId,
    originalStart: new Date(original),
    start: cancelled ? new Date(original) : instance.start,
    end: cancelled ? new Date(original + duration) : instance.end,
    cancelled,
    graphEventId: instance?.id ?? null,
  };
}

function sameOverride(a: OccurrenceOverride, b: OccurrenceOverride): boolean {
  return a.start.getTime() === b.start.getTime() && a.end.getTime() === b.end.getTime() && a.cancelled === b.cancelled;
}
