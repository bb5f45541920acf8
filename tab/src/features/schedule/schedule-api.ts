import {
  type AvailabilityResponse,
  availabilityResponseSchema,
  type ConflictsResponse,
  type conflictSchema,
  conflictsResponseSchema,
  type MeetingDto,
  meetingSchema,
  personSchema,
  type Recurrence,
  type SuggestionsResponse,
  suggestionsResponseSchema,
} from '@confer/contracts';
import type { z } from 'zod';
import { type AuthedApi, callApi, listOf } from '../../lib/authed-api.ts';

export type Person = z.infer<typeof personSchema>;
export type Conflict = z.infer<typeof conflictSchema>;
export type { Recurrence };

export function searchPeople(api: AuthedApi, text: string): Promise<Person[]> {
  const query = new URLSearchParams({ search: text, limit: '8' });
  return callApi(api, 'GET', `/api/people?${query}`, listOf('people', personSchema));
}

export interface WindowRequest {
  readonly attendees: readonly string[];
  readonly start: string;
  readonly end: string;
}

/** Suggestions asked for with the availability (one round trip and one calendar read for both). */
export interface SuggestOptions {
  readonly durationMinutes: number;
  readonly recurrence: Recurrence | null;
  readonly maxSuggestions: number;
  readonly start: string;
  readonly end: string;
}

export function loadAvailability(
  api: AuthedApi,
  request: WindowRequest & { readonly suggest?: SuggestOptions },
): Promise<AvailabilityResponse> {
  return callApi(api, 'POST', '/api/availability', availabilityResponseSchema, request);
}

export interface SuggestionsRequest extends WindowRequest {
  readonly durationMinutes: number;
  readonly recurrence: Recurrence | null;
  readonly maxSuggestions: number;
}

export function loadSuggestions(api: AuthedApi, request: SuggestionsRequest): Promise<SuggestionsResponse> {
  return callApi(api, 'POST', '/api/suggestions', suggestionsResponseSchema, request);
}

export interface ConflictsRequest extends WindowRequest {
  readonly timeZone: string;
  readonly recurrence: Recurrence | null;
  readonly meetingId?: string;
}

export function checkConflicts(api: AuthedApi, request: ConflictsRequest): Promise<ConflictsResponse> {
  return callApi(api, 'POST', '/api/conflicts', conflictsResponseSchema, request);
}

export interface CreateRequest {
  readonly typeId: string | null;
  readonly title: string;
  readonly agenda: string;
  readonly attendees: readonly string[];
  readonly start: string;
  readonly end: string;
  readonly timeZone: string;
  readonly recurrence: Recurrence | null;
  readonly online: boolean;
  readonly location: string | null;
  readonly acceptConflicts: boolean;
}

export function createMeeting(api: AuthedApi, request: CreateRequest): Promise<MeetingDto> {
  return callApi(api, 'POST', '/api/meetings', meetingSchema, request);
}
