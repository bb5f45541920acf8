import { type MeetingDto, meetingSchema } from '@confer/contracts';
import { type AuthedApi, callApi, listOf } from './authed-api.ts';

export type MeetingScope = 'upcoming' | 'past';
export type Reply = 'accept' | 'tentative' | 'decline';

const meetingPath = (id: string) => `/api/meetings/${encodeURIComponent(id)}`;
const occurrencePath = (id: string, originalStart: string) =>
  `${meetingPath(id)}/occurrences/${encodeURIComponent(originalStart)}`;

export function listMeetings(api: AuthedApi, scope: MeetingScope): Promise<MeetingDto[]> {
  return callApi(api, 'GET', `/api/meetings?scope=${scope}`, listOf('meetings', meetingSchema));
}

export function getMeeting(api: AuthedApi, id: string): Promise<MeetingDto> {
  return callApi(api, 'GET', meetingPath(id), meetingSchema);
}

export interface MoveRequest {
  readonly start: string;
  readonly end: string;
  readonly acceptConflicts: boolean;
}

/** The whole meeting (or whole series) moves; `version` guards against someone else's change. */
export function rescheduleMeeting(
  api: AuthedApi,
  meeting: MeetingDto,
  move: MoveRequest & { readonly timeZone: string },
): Promise<MeetingDto> {
  return callApi(api, 'PATCH', meetingPath(meeting.id), meetingSchema, { version: meeting.version, ...move });
}

export function moveOccurrence(
  api: AuthedApi,
  meetingId: string,
  originalStart: string,
  move: MoveRequest,
): Promise<MeetingDto> {
  return callApi(api, 'PATCH', occurrencePath(meetingId, originalStart), meetingSchema, move);
}

export function cancelMeeting(api: AuthedApi, meeting: MeetingDto, message: string): Promise<MeetingDto> {
  return callApi(api, 'POST', `${meetingPath(meeting.id)}/cancel`, meetingSchema, {
    message,
    version: meeting.version,
  });
}

export function cancelOccurrence(
  api: AuthedApi,
  meetingId: string,
  originalStart: string,
  message: string,
): Promise<MeetingDto> {
  return callApi(api, 'POST', `${occurrencePath(meetingId, originalStart)}/cancel`, meetingSchema, { message });
}

export interface RespondRequest {
  readonly response: Reply;
  readonly comment: string;
  readonly proposed: { readonly start: string; readonly end: string } | null;
}

export function respondToMeeting(api: AuthedApi, meetingId: string, reply: RespondRequest): Promise<MeetingDto> {
  return callApi(api, 'POST', `${meetingPath(meetingId)}/respond`, meetingSchema, {
    response: reply.response,
    comment: reply.comment,
    ...(reply.proposed ? { proposedStart: reply.proposed.start, proposedEnd: reply.proposed.end } : {}),
  });
}
