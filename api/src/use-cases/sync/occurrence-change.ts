import type { Meeting, OccurrenceOverride } from '../../domain/scheduling/meeting.ts';
import type { MeetingHistoryEntry } from '../../ports/meeting-store.ts';
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
