import { AppError } from '../../domain/app-error.ts';
import type { Meeting } from '../../domain/scheduling/meeting.ts';
import { type MeetingRole, roleOf } from '../../domain/scheduling/meeting-roles.ts';
import type { Caller } from './caller.ts';
import type { SchedulingDeps } from './scheduling-deps.ts';

const idPattern = /^[A-Za-z0-9-]{1,64}$/;

export type Role = MeetingRole;

/**
 * A meeting the caller takes part in (by object id, see meeting-roles.ts), scoped to their tenant. Anything
 * else — malformed ids, other people's meetings, other tenants' ids, failed creates — is the same 404, so
 * existence never leaks.
 */
export async function loadMeetingFor(
  deps: SchedulingDeps,
  caller: Caller,
  meetingId: string,
): Promise<{ meeting: Meeting; role: Role }> {
  const notFound = new AppError('not_found', 'No such meeting.');
  if (!idPattern.test(meetingId)) throw notFound;
  const meeting = await deps.meetings.get(caller.identity.tenantId, meetingId);
  if (!meeting || meeting.status === 'failed') throw notFound;
  const role = roleOf(meeting, caller.mailbox.userId);
  if (!role) throw notFound;
  return { meeting, role };
}

export function requireOrganizer(role: Role): void {
  if (role !== 'organizer') throw new AppError('forbidden', 'Only the organizer can change this meeting.');
}

export function requireScheduled(meeting: Meeting): void {
  if (meeting.status !== 'scheduled') {
    throw new AppError('meeting_not_editable', `This meeting is ${meeting.status} and cannot be changed.`);
  }
}
