import type { Meeting, MeetingAttendee } from '../../domain/scheduling/meeting.ts';
import type { EventRecord } from '../../ports/scheduling-gateway.ts';
import { actorForUser } from '../scheduling/caller.ts';
import { notify } from '../scheduling/notify.ts';
import type { SchedulingDeps } from '../scheduling/scheduling-deps.ts';
import { followOccurrence, recordFromOutlook } from './occurrence-change.ts';
import { followSeries } from './series-sync.ts';

/** What applying Outlook's copy of a meeting did, for the caller's report and tests. */
export type ApplyOutcome = 'unchanged' | 'updated' | 'cancelled' | 'occurrence' | 'stale';

const sameInstant = (a: Date | null, b: Date | null) => (a?.getTime() ?? null) === (b?.getTime() ?? null);
const lower = (email: string) => email.toLowerCase();

/**
 * Makes a Confer meeting follow the organizer's Outlook event (docs/reference/graph-calendar.md §4): time,
 * location, Teams or in person, the attendee list, attendees' answers and proposals, and deletion or
 * cancellation. Confer keeps its own title and meeting type and records Outlook's subject when it differs.
 * Saving uses the meeting's version, so a Confer change saved meanwhile wins the race and the next notification
 * (or delta round) brings Outlook's state again; nothing is lost silently.
 */
export async function applyOutlookEvent(
  deps: SchedulingDeps,
  meeting: Meeting,
  event: EventRecord | null,
): Promise<ApplyOutcome> {
  const outcome = await applyOnce(deps, meeting, event);
  if (outcome !== 'stale') return outcome;
  // Saved meanwhile (another notification, an answer through Confer): apply the same Outlook copy to what is
  // stored now, once; a second race leaves it to the next notification or delta round.
  const current = await deps.meetings.get(meeting.tenantId, meeting.id);
  return current ? applyOnce(deps, current, event) : 'stale';
}

async function applyOnce(deps: SchedulingDeps, meeting: Meeting, event: EventRecord | null): Promise<ApplyOutcome> {
  if (meeting.status !== 'scheduled') return 'unchanged';
  if (!event || (event.isCancelled && event.type !== 'occurrence' && event.type !== 'exception')) {
    return cancelFromOutlook(deps, meeting);
  }
  if ((event.type === 'occurrence' || event.type === 'exception') && event.id !== meeting.graphEventId) {
    return applyOccurrence(deps, meeting, event);
  }
  const after = followEvent(meeting, event, await attendeesFrom(deps, meeting, event), deps.clock.now());
  if (!after) return 'unchanged';
  if (!(await deps.meetings.update(after, meeting.version))) return 'stale';
  await announce(deps, meeting, after);
  // A series master's change may be a series moved, ended or extended: its instances say which.
  if (event.type === 'seriesMaster') await followSeries(deps, after);
  return 'updated';
}

/** The meeting as Outlook now has it, or null when nothing Confer keeps differs. */
function followEvent(meeting: Meeting, event: EventRecord, attendees: MeetingAttendee[], now: Date): Meeting | null {
  const online = event.isOnlineMeeting;
  const next: Meeting = {
    ...meeting,
    start: event.start,
    end: event.end,
    online,
    // Outlook names a Teams meeting's place itself ("Microsoft Teams Meeting"); Confer keeps a place only in person.
    location: online ? null : event.location,
    joinUrl: online ? (event.joinUrl ?? meeting.joinUrl) : meeting.joinUrl,
    outlookSubject: event.subject && event.subject !== meeting.title ? event.subject : null,
    attendees,
    changeKey: event.changeKey || meeting.changeKey,
  };
  const changed =
    !sameInstant(next.start, meeting.start) ||
    !sameInstant(next.end, meeting.end) ||
    next.online !== meeting.online ||
    next.location !== meeting.location ||
    next.joinUrl !== meeting.joinUrl ||
    next.outlookSubject !== meeting.outlookSubject ||
    next.changeKey !== meeting.changeKey ||
    JSON.stringify(next.attendees) !== JSON.stringify(meeting.attendees);
  return changed ? { ...next, version: meeting.version + 1, updatedAt: now } : null;
}

/**
 * Outlook's attendee list with Confer's knowledge kept: known people keep their ids and answers (updated from
 * Outlook), people invited in Outlook are looked up in the directory and marked as added there, and people
 * removed in Outlook leave the meeting. The organizer's own entry in Outlook's list is not an attendee.
 */
async function attendeesFrom(deps: SchedulingDeps, meeting: Meeting, event: EventRecord): Promise<MeetingAttendee[]> {
  const now = deps.clock.now();
  const seen = event.attendees.filter((a) => a.email && lower(a.email) !== lower(meeting.organizerEmail));
  const known = new Map(meeting.attendees.map((a) => [lower(a.email), a]));
  const added = seen.filter((a) => !known.has(lower(a.email))).map((a) => lower(a.email));
  const directory = added.length ? await lookUp(deps, meeting, added) : new Map();
  return seen.map((a): MeetingAttendee => {
    const email = lower(a.email);
    const before = known.get(email);
    const proposal = a.proposedNewTime;
    const base: MeetingAttendee = before ?? {
      email,
      userId: directory.get(email)?.userId ?? null,
      displayName: directory.get(email)?.displayName ?? (a.name || email),
      type: 'required',
      response: 'none',
      respondedAt: null,
      proposedStart: null,
      proposedEnd: null,
      addedInOutlook: true,
    };
    const answered = a.response !== base.response;
    return {
      ...base,
      response: a.response,
      respondedAt: answered ? now : base.respondedAt,
      proposedStart: proposal?.start ?? null,
      proposedEnd: proposal?.end ?? null,
    };
  });
}

/** A directory failure leaves new people unresolved (email only) rather than losing the change. */
async function lookUp(deps: SchedulingDeps, meeting: Meeting, emails: readonly string[]) {
  try {
    const actor = await actorForUser(deps, meeting.tenantId, meeting.organizerId);
    return await deps.directory.resolveEmails(actor, emails);
  } catch (error) {
    deps.logger.warn('people added in Outlook could not be looked up', { meetingId: meeting.id, error });
    return new Map();
  }
}

async function cancelFromOutlook(deps: SchedulingDeps, meeting: Meeting): Promise<ApplyOutcome> {
  const now = deps.clock.now();
  const cancelled: Meeting = { ...meeting, status: 'cancelled', version: meeting.version + 1, updatedAt: now };
  if (!(await deps.meetings.update(cancelled, meeting.version))) return 'stale';
  await recordFromOutlook(deps, meeting, {
    kind: 'cancelled',
    summary: 'Cancelled in Outlook',
    details: { origin: 'outlook' },
  });
  await notify(deps, 'meetingCancelled', meeting.id, (n) => n.meetingCancelled(cancelled));
  return 'cancelled';
}

/** One occurrence of a Confer series moved, cancelled or put back in Outlook: the override follows, and reminders. */
async function applyOccurrence(deps: SchedulingDeps, meeting: Meeting, event: EventRecord): Promise<ApplyOutcome> {
  if (!event.originalStart) return 'unchanged';
  const known = await deps.meetings.listOccurrences(meeting.tenantId, meeting.id);
  const changed = await followOccurrence(deps, meeting, known, event.originalStart.getTime(), event);
  return changed ? 'occurrence' : 'unchanged';
}

/**
 * Tells people what Outlook changed: a change notice when time, place or people changed; the organizer hears
 * each new answer (a decline brings the reschedule card) and each new proposed time (a card to accept it).
 */
async function announce(deps: SchedulingDeps, before: Meeting, after: Meeting): Promise<void> {
  const moved = !sameInstant(before.start, after.start) || !sameInstant(before.end, after.end);
  const people = (m: Meeting) => m.attendees.map((a) => a.email).join(',');
  const placeChanged = before.online !== after.online || before.location !== after.location;
  if (moved || placeChanged || people(before) !== people(after) || before.outlookSubject !== after.outlookSubject) {
    await recordFromOutlook(deps, before, {
      kind: moved ? 'rescheduled' : 'updated',
      summary: moved ? 'Moved in Outlook' : 'Changed in Outlook',
      details: { origin: 'outlook', ...(moved ? { previousStart: before.start.toISOString() } : {}) },
    });
    await notify(deps, 'meetingChanged', after.id, (n) => n.meetingChanged(before, after, 'outlook'));
  }
  for (const attendee of after.attendees) {
    const previous = before.attendees.find((a) => a.email === attendee.email);
    if (previous && previous.response !== attendee.response) {
      await recordFromOutlook(deps, before, {
        kind: 'responded',
        summary: `${attendee.displayName} answered ${attendee.response} in Outlook`,
        details: { origin: 'outlook', email: attendee.email, response: attendee.response },
      });
      await notify(deps, 'attendeeResponded', after.id, (n) => n.attendeeResponded(after, attendee.email));
    }
    if (attendee.proposedStart && !sameInstant(previous?.proposedStart ?? null, attendee.proposedStart)) {
      await notify(deps, 'timeProposed', after.id, (n) => n.timeProposed(after, attendee.email));
    }
  }
}
