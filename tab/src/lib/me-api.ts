import {
  type ConnectionDto,
  connectionSchema,
  meetingTypeSchema,
  type PreferencesDto,
  preferencesSchema,
  setTypeCadenceRequestSchema,
} from '@confer/contracts';
import type { z } from 'zod';
import { type AuthedApi, callApi, listOf } from './authed-api.ts';

/** A meeting type, with its rhythm (days between meetings; null: none) when the server says it. */
export const meetingTypeWithCadenceSchema = meetingTypeSchema.extend({
  cadenceDays: setTypeCadenceRequestSchema.shape.cadenceDays.optional(),
});
export type MeetingTypeDto = z.infer<typeof meetingTypeWithCadenceSchema>;

export function getConnection(api: AuthedApi): Promise<ConnectionDto> {
  return callApi(api, 'GET', '/api/me/connection', connectionSchema);
}

/** Connect or reconnect: the API re-checks the calendar and stores the new status. */
export function connectCalendar(api: AuthedApi): Promise<ConnectionDto> {
  return callApi(api, 'POST', '/api/me/connection', connectionSchema, {});
}

export function disconnectCalendar(api: AuthedApi): Promise<ConnectionDto> {
  return callApi(api, 'DELETE', '/api/me/connection', connectionSchema);
}

export function getPreferences(api: AuthedApi): Promise<PreferencesDto> {
  return callApi(api, 'GET', '/api/me/preferences', preferencesSchema);
}

export function savePreferences(api: AuthedApi, preferences: PreferencesDto): Promise<PreferencesDto> {
  return callApi(api, 'PUT', '/api/me/preferences', preferencesSchema, preferences);
}

export function listMeetingTypes(api: AuthedApi): Promise<MeetingTypeDto[]> {
  return callApi(api, 'GET', '/api/meeting-types', listOf('meetingTypes', meetingTypeWithCadenceSchema));
}
