import type { CreateMeetingRequest } from '@confer/contracts';
import { AppError } from '../../domain/app-error.ts';
import type { Meeting } from '../../domain/scheduling/meeting.ts';
import type { EventRecord } from '../../ports/scheduling-gateway.ts';
import { actorFor, type Caller } from './caller.ts';
import { checkConflicts, validateTimes } from './check-conflicts.ts';
import { conflictsDetails } from './conflict-details.ts';
import { draftFor } from './meeting-draft.ts';
import { notify } from './notify.ts';
import type { SchedulingDeps } from './scheduling-deps.ts';

/** A start this far in the past is a mistake, not clock skew. */
const PAST_TOLERANCE_MS = 5 * 60_000;

/**
 * Validate → check clashes → record the intent → create the Outlook event (invitations, Teams link)
 * → complete the record. If the process dies between the Graph create and the final save, the
 * reconciler finds the event by its transactionId and completes the record: one event, one meeting.
 */
export async function createMeeting(
  deps: SchedulingDeps,
  caller: Caller,
  request: CreateMeetingRequest,
): Promise<Meeting> {
  const tenantId = caller.identity.tenantId;
  const start = new Date(request.start);
  const end = new Date(request.end);
  validateTimes(start, end);
  const now = deps.clock.now();
  if (start.getTime() < now.getTime() - PAST_TOLERANCE_MS) {
    throw new AppError('validation_failed', 'The meeting would start in the past.');
  }
  const type = request.typeId ? await deps.meetingTypes.get(tenantId, request.typeId) : undefined;
  if (request.typeId && !type) throw new AppError('validation_failed', 'Unknown meeting type.');
  const proposed = { start, end, timeZone: request.timeZone, recurrence: request.recurrence };
  const conflicts = await checkConflicts(deps, caller, request.attendees, proposed);
  if (conflicts.length > 0 && !request.acceptConflicts) {
    throw new AppError('conflicts_found', 'Someone is busy at that time.', { details: conflictsDetails(conflicts) });
  }
  const actor = await actorFor(deps, caller);
  const people = await deps.directory.resolveEmails(actor, request.attendees);
  const meeting: Meeting = {
    id: deps.newId(),
    tenantId,
    organizerId: caller.mailbox.userId,
    organizerEmail: caller.mailbox.email,
    organizerName: caller.displayName,
    typeId: type?.id ?? null,
    title: request.title,
    outlookSubject: null,
    agenda: request.agenda,
    start,
    end,
    timeZone: request.timeZone,
    recurrence: request.recurrence,
    online: request.online,
    location: request.online ? null : request.location,
    status: 'creating',
    transactionId: deps.newId(),
    graphEventId: null,
    iCalUId: null,
    changeKey: null,
    joinUrl: null,
    attendees: request.attendees.map((email) => {
      const entry = people.get(email.toLowerCase());
      return {
        email: email.toLowerCase(),
        userId: entry?.userId ?? null,
        displayName: entry?.displayName ?? email,
        type: 'required' as const,
        response: 'none' as const,
        addedInOutlook: false,
        respondedAt: null,
        proposedStart: null,
        proposedEnd: null,
      };
    }),
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  await deps.meetings.insert(meeting);
  let event: EventRecord;
  try {
    event = await deps.gateway.createEvent(actor, caller.mailbox, draftFor(meeting, deps.tabUrl, type?.name ?? null));
  } catch (error) {
    await markFailed(deps, meeting);
    throw error;
  }
  const scheduled = await completeCreation(deps, meeting, event);
  await deps.history.append(tenantId, {
    meetingId: meeting.id,
    at: now,
    actorId: caller.mailbox.userId,
    kind: 'created',
    summary: `${caller.displayName} scheduled "${meeting.title}"`,
    details: { start: start.toISOString(), end: end.toISOString(), attendees: request.attendees.length },
  });
  await notify(deps, 'meetingCreated', scheduled.id, (n) => n.meetingCreated(scheduled));
  return scheduled;
}

/** Saves the Graph event's ids on the intended meeting: the second half of a create. */
export async function completeCreation(deps: SchedulingDeps, meeting: Meeting, event: EventRecord): Promise<Meeting> {
  const scheduled: Meeting = {
    ...meeting,
    status: 'scheduled',
    graphEventId: event.id,
    iCalUId: event.iCalUId,
    changeKey: event.changeKey,
    joinUrl: event.joinUrl,
    version: meeting.version + 1,
    updatedAt: deps.clock.now(),
  };
  if (!(await deps.meetings.update(scheduled, meeting.version))) {
    throw new AppError('internal_error', 'The meeting changed while it was being created.');
  }
  deps.availabilityCache.invalidateTenant(meeting.tenantId);
  return scheduled;
}

/**
 * A create Graph refused (or that could not reach Graph) leaves no scheduled meeting behind: the
 * record is marked failed and never listed; its transactionId keeps a late retry from duplicating.
 */
async function markFailed(deps: SchedulingDeps, meeting: Meeting): Promise<void> {
  try {
    await deps.meetings.update({ ...meeting, status: 'failed', version: meeting.version + 1 }, meeting.version);
  } catch (error) {
    deps.logger.error('could not mark a failed create', { meetingId: meeting.id, error });
  }
}
