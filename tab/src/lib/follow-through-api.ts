import {
  type OccurrenceAttendanceDto,
  occurrenceAttendanceSchema,
  type PairCadenceDto,
  pairCadenceSchema,
  setNudgesRequestSchema,
  type TogetherResponse,
  togetherResponseSchema,
} from '@confer/contracts';
import { type AuthedApi, callApi, listOf } from './authed-api.ts';
import { type MeetingTypeDto, meetingTypeWithCadenceSchema } from './me-api.ts';

/**
 * After the meeting and between meetings: attendance of a meeting's ended occurrences, the people the viewer meets
 * and how regularly, reminders to meet, the history with one person, and each meeting type's rhythm (admins).
 */

const meetingPath = (id: string) => `/api/meetings/${encodeURIComponent(id)}`;

export function getAttendance(api: AuthedApi, meetingId: string): Promise<OccurrenceAttendanceDto[]> {
  return callApi(api, 'GET', `${meetingPath(meetingId)}/attendance`, listOf('occurrences', occurrenceAttendanceSchema));
}

/** The organizer says whether an occurrence took place (in person, or when Teams gave no report). */
export function markAttendance(
  api: AuthedApi,
  meetingId: string,
  occurrenceStart: string,
  held: boolean,
): Promise<OccurrenceAttendanceDto> {
  return callApi(api, 'POST', `${meetingPath(meetingId)}/attendance`, occurrenceAttendanceSchema, {
    occurrenceStart,
    held,
  });
}

export async function setNudges(api: AuthedApi, enabled: boolean): Promise<boolean> {
  return (await callApi(api, 'PUT', '/api/cadence/nudges', setNudgesRequestSchema, { enabled })).enabled;
}

/** The pair's own rhythm in days; null goes back to their meeting type's. */
export function setPairRhythm(api: AuthedApi, partnerId: string, rhythmDays: number | null): Promise<PairCadenceDto> {
  return callApi(api, 'PUT', `/api/cadence/${encodeURIComponent(partnerId)}`, pairCadenceSchema, { rhythmDays });
}

export function getTogether(api: AuthedApi, userId: string): Promise<TogetherResponse> {
  return callApi(api, 'GET', `/api/people/${encodeURIComponent(userId)}/together`, togetherResponseSchema);
}

export function setTypeCadence(api: AuthedApi, typeId: string, cadenceDays: number | null): Promise<MeetingTypeDto> {
  return callApi(
    api,
    'PUT',
    `/api/admin/meeting-types/${encodeURIComponent(typeId)}/cadence`,
    meetingTypeWithCadenceSchema,
    { cadenceDays },
  );
}
