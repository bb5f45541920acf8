import { AppError } from '../../domain/app-error.ts';
import type { Meeting, OccurrenceOverride } from '../../domain/scheduling/meeting.ts';
import { actorFor, type Caller } from './caller.ts';
import { checkConflicts, everyOccurrenceOf, validateTimes } from './check-conflicts.ts';
import { conflictsDetails } from './conflict-details.ts';
import { loadMeetingFor, requireOrganizer, requireScheduled } from './meeting-access.ts';
import { notify } from './notify.ts';
import type { SchedulingDeps } from './scheduling-deps.ts';

const DAY_MS = 86_400_000;

/** Moves one occurrence of a series (Outlook makes it an exception; the rest of the series stays). */
export async function moveOccurrence(
  deps: SchedulingDeps,
  caller: Caller,
  meetingId: string,
  originalStartText: string,
  request: { start: string; end: string; acceptConflicts: boolean },
) {
  const { meeting, occurrence, instanceId, actor } = await loadOccurrence(deps, caller, meetingId, originalStartText);
  const start = new Date(request.start);
  const end = new Date(request.end);
  validateTimes(start, end);
  if (!request.acceptConflicts) {
    const emails = meeting.attendees.map((a) => a.email);
    const proposed = { start, end, timeZone: meeting.timeZone, recurrence: null };
    const conflicts = await checkConflicts(deps, caller, emails, proposed, { ignore: meeting });
    if (conflicts.length) {
      throw new AppError('conflicts_found', 'Someone is busy at the new time.', {
        details: conflictsDetails(conflicts),
      });
    }
  }
  const event = await deps.gateway.updateEvent(actor, caller.mailbox, instanceId, {
    start,
    end,
    timeZone: meeting.timeZone,
  });
  const override: OccurrenceOverride = { ...occurrence, start, end, cancelled: false, graphEventId: event.id };
  await saveOverride(
    deps,
    caller,
    meeting,
    override,
    'occurrence_changed',
    `${caller.displayName} moved one occurrence`,
  );
  return override;
}

/** Cancels one occurrence of a series with a message; the series goes on. */
export async function cancelOccurrence(
  deps: SchedulingDeps,
  caller: Caller,
  meetingId: string,
  originalStartText: string,
  message: string,
) {
  const { meeting, occurrence, instanceId, actor } = await loadOccurrence(deps, caller, meetingId, originalStartText);
  await deps.gateway.cancelEvent(actor, caller.mailbox, instanceId, message);
  const override: OccurrenceOverride = { ...occurrence, cancelled: true, graphEventId: instanceId };
  await saveOverride(
    deps,
    caller,
    meeting,
    override,
    'occurrence_cancelled',
    `${caller.displayName} cancelled one occurrence`,
  );
  return override;
}

async function loadOccurrence(deps: SchedulingDeps, caller: Caller, meetingId: string, originalStartText: string) {
  const { meeting, role } = await loadMeetingFor(deps, caller, meetingId);
  requireOrganizer(role);
  requireScheduled(meeting);
  if (!meeting.recurrence) throw new AppError('validation_failed', 'This meeting is not a series.');
  const originalStart = new Date(originalStartText);
  if (Number.isNaN(originalStart.getTime())) throw new AppError('validation_failed', 'Malformed occurrence start.');
  const overrides = await deps.meetings.listOccurrences(meeting.tenantId, meeting.id);
  const existing = overrides.find((o) => o.originalStart.getTime() === originalStart.getTime());
  if (existing?.cancelled) throw new AppError('meeting_not_editable', 'This occurrence is already cancelled.');
  const planned = everyOccurrenceOf(meeting).find((o) => o.start.getTime() === originalStart.getTime());
  if (!existing && !planned) throw new AppError('not_found', 'No such occurrence.');
  const occurrence: OccurrenceOverride = existing ?? {
    meetingId: meeting.id,
    originalStart,
    start: planned?.start ?? originalStart,
    end: planned?.end ?? originalStart,
    cancelled: false,
    graphEventId: null,
  };
  const actor = await actorFor(deps, caller);
  const instanceId = occurrence.graphEventId ?? (await findInstanceId(deps, caller, meeting, occurrence, actor));
  return { meeting, occurrence, instanceId, actor };
}

async function findInstanceId(
  deps: SchedulingDeps,
  caller: Caller,
  meeting: Meeting,
  occurrence: OccurrenceOverride,
  actor: Awaited<ReturnType<typeof actorFor>>,
): Promise<string> {
  const window = {
    start: new Date(occurrence.originalStart.getTime() - DAY_MS),
    end: new Date(occurrence.originalStart.getTime() + DAY_MS),
  };
  const instances = await deps.gateway.listInstances(actor, caller.mailbox, meeting.graphEventId ?? '', window);
  const match = instances.find((i) => i.start.getTime() === occurrence.start.getTime());
  if (!match) throw new AppError('not_found', 'That occurrence is no longer in Outlook.');
  return match.id;
}

async function saveOverride(
  deps: SchedulingDeps,
  caller: Caller,
  meeting: Meeting,
  override: OccurrenceOverride,
  kind: 'occurrence_changed' | 'occurrence_cancelled',
  summary: string,
) {
  await deps.meetings.upsertOccurrence(meeting.tenantId, override);
  deps.availabilityCache.invalidateTenant(meeting.tenantId);
  await deps.history.append(meeting.tenantId, {
    meetingId: meeting.id,
    at: deps.clock.now(),
    actorId: caller.mailbox.userId,
    kind,
    summary,
    details: { originalStart: override.originalStart.toISOString(), start: override.start.toISOString() },
  });
  await notify(deps, 'occurrenceChanged', meeting.id, (n) => n.occurrenceChanged(meeting, override));
}
