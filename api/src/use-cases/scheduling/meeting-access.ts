import { AppError } from '../../domain/app-error.ts';
import type { Meeting } from '../../domain/scheduling/meeting.ts';
import { attendeeOf, type MeetingRole, roleOf } from '../../domain/scheduling/meeting-roles.ts';
import type { MeetingStore } from '../../ports/meeting-store.ts';
import type { Caller } from './caller.ts';

const idPattern = /^[A-Za-z0-9-]{1,64}$/;

export type Role = MeetingRole;

/** A meeting as one person may see it, with their part in it. */
export interface MeetingAccess {
  meeting: Meeting;
  role: Role;
}

/** The person asking, by tenant and Entra object id: the API's token or the bot's activity. */
export interface MeetingViewer {
  tenantId: string;
  userId: string;
}

/*
 * The one rule for who sees which meeting, for the API's routes and the bot's cards alike. A person sees
 * a meeting of their tenant that they organise or attend (by object id, meeting-roles.ts). A failed
 * create never reached Outlook and is no meeting at all. A meeting still `creating` (the intent is recorded
 * before Graph is asked) is the organizer's own request in flight: the meeting lists show it, so it opens
 * read-only everywhere, and every change waits until Outlook has it (`requireScheduled`). Anything else —
 * a malformed id, another person's or another tenant's meeting — is the same "no such meeting", so
 * existence never leaks.
 */

/** The person's part in this meeting, or null when it does not exist for them. */
export function accessTo(meeting: Meeting, userId: string): Role | null {
  if (meeting.status === 'failed') return null;
  return roleOf(meeting, userId);
}

/** The meeting and the viewer's part in it, or null when it does not exist for them. */
export async function findMeetingFor(
  meetings: Pick<MeetingStore, 'get'>,
  viewer: MeetingViewer,
  meetingId: string,
): Promise<MeetingAccess | null> {
  if (!idPattern.test(meetingId)) return null;
  const meeting = await meetings.get(viewer.tenantId, meetingId);
  const role = meeting ? accessTo(meeting, viewer.userId) : null;
  return meeting && role ? { meeting, role } : null;
}

export function meetingNotFound(): AppError {
  return new AppError('not_found', 'No such meeting.');
}

/** The caller's meeting, or 404 when it does not exist for them (`findMeetingFor`). */
export async function loadMeetingFor(
  deps: { meetings: Pick<MeetingStore, 'get'> },
  caller: Caller,
  meetingId: string,
): Promise<MeetingAccess> {
  const viewer = { tenantId: caller.identity.tenantId, userId: caller.mailbox.userId };
  const found = await findMeetingFor(deps.meetings, viewer, meetingId);
  if (!found) throw meetingNotFound();
  return found;
}

/*
 * Notes and actions are Confer's, shared with the people the organizer invited through Confer. Someone invited
 * in Outlook only is in the meeting (they see it in lists and details) but not in its notes and actions, private
 * or shared, until the organizer adds them in Confer (change-meeting.ts clears `addedInOutlook`).
 */

/** Whether this person may read and write the meeting's notes and actions. */
export function mayUseNotes(meeting: Meeting, userId: string): boolean {
  if (meeting.organizerId === userId) return true;
  const attendee = attendeeOf(meeting, userId);
  return attendee !== undefined && !attendee.addedInOutlook;
}

/** The caller's meeting for its notes and actions: 404 as `loadMeetingFor`, 403 when invited in Outlook only. */
export async function loadNotesFor(
  deps: { meetings: Pick<MeetingStore, 'get'> },
  caller: Caller,
  meetingId: string,
): Promise<MeetingAccess> {
  const found = await loadMeetingFor(deps, caller, meetingId);
  if (!mayUseNotes(found.meeting, caller.mailbox.userId)) {
    throw new AppError(
      'forbidden',
      'You were invited to this meeting in Outlook. Its notes and actions open to you once the organizer adds you in Confer.',
    );
  }
  return found;
}

export function requireOrganizer(role: Role): void {
  if (role !== 'organizer') throw new AppError('forbidden', 'Only the organizer can change this meeting.');
}

/** Only a meeting Outlook has and that still stands can be changed or answered. */
export function requireScheduled(meeting: Meeting): void {
  if (meeting.status === 'scheduled') return;
  const message =
    meeting.status === 'creating'
      ? 'This meeting is still being created in Outlook. Try again in a minute.'
      : `This meeting is ${meeting.status} and cannot be changed.`;
  throw new AppError('meeting_not_editable', message);
}
