import {
  type AccessTestDto,
  type AccessTestRequest,
  type AdminSettingsDto,
  type AdminSettingsInput,
  type AuditEntryDto,
  accessTestListSchema,
  accessTestSchema,
  adminSettingsViewSchema,
  auditListSchema,
  type ConsentLinkDto,
  type ConsentStatusDto,
  consentLinkSchema,
  consentStatusSchema,
  type HealthPageDto,
  type HealthStatus,
  healthPageSchema,
  type IncidentDto,
  incidentListSchema,
  type PersonNameDto,
  peopleNamesSchema,
} from '@confer/contracts';
import type { z } from 'zod';
import { type AuthedApi, callApi } from '../../lib/authed-api.ts';

export type AccessTestSummary = z.infer<typeof accessTestListSchema>['tests'][number];

/** Names for object ids (at most 50 at a time); ids nobody can name are left out. */
export async function getPeopleNames(api: AuthedApi, ids: readonly string[]): Promise<PersonNameDto[]> {
  const query = new URLSearchParams({ ids: ids.join(',') });
  return (await callApi(api, 'GET', `/api/admin/people?${query}`, peopleNamesSchema)).people;
}

export function getAdminSettings(api: AuthedApi): Promise<AdminSettingsDto> {
  return callApi(api, 'GET', '/api/admin/settings', adminSettingsViewSchema);
}

export function saveAdminSettings(api: AuthedApi, settings: AdminSettingsInput): Promise<AdminSettingsDto> {
  return callApi(api, 'PUT', '/api/admin/settings', adminSettingsViewSchema, settings);
}

export function createConsentLink(api: AuthedApi): Promise<ConsentLinkDto> {
  return callApi(api, 'POST', '/api/admin/consent-link', consentLinkSchema, {});
}

export function getConsentStatus(api: AuthedApi): Promise<ConsentStatusDto> {
  return callApi(api, 'GET', '/api/admin/consent', consentStatusSchema);
}

/** Runs one access test and answers with its result once every person was checked. */
export function runAccessTest(api: AuthedApi, request: AccessTestRequest): Promise<AccessTestDto> {
  return callApi(api, 'POST', '/api/admin/access-tests', accessTestSchema, request);
}

export async function listAccessTests(api: AuthedApi): Promise<AccessTestSummary[]> {
  return (await callApi(api, 'GET', '/api/admin/access-tests', accessTestListSchema)).tests;
}

export function getAccessTest(api: AuthedApi, id: string): Promise<AccessTestDto> {
  return callApi(api, 'GET', `/api/admin/access-tests/${encodeURIComponent(id)}`, accessTestSchema);
}

export interface HealthFilter {
  readonly status: HealthStatus | null;
  readonly q: string;
}

export function healthQuery(filter: HealthFilter, extra: { cursor?: string | null; limit?: number } = {}): string {
  const query = new URLSearchParams();
  if (filter.status) query.set('status', filter.status);
  if (filter.q.trim()) query.set('q', filter.q.trim());
  if (extra.cursor) query.set('cursor', extra.cursor);
  if (extra.limit) query.set('limit', String(extra.limit));
  const text = query.toString();
  return text ? `?${text}` : '';
}

export function getHealthPage(
  api: AuthedApi,
  filter: HealthFilter,
  cursor: string | null,
  limit?: number,
): Promise<HealthPageDto> {
  const query = healthQuery(filter, limit === undefined ? { cursor } : { cursor, limit });
  return callApi(api, 'GET', `/api/admin/health${query}`, healthPageSchema);
}

export async function listIncidents(api: AuthedApi, state: 'open' | 'resolved'): Promise<IncidentDto[]> {
  return (await callApi(api, 'GET', `/api/admin/incidents?state=${state}`, incidentListSchema)).incidents;
}

export interface AuditFilter {
  readonly action: string;
  readonly actor: string;
  /** ISO instants (the start and end of the chosen days in the viewer's zone), or empty. */
  readonly since: string;
  readonly until: string;
}

export const AUDIT_PAGE = 200;

/** The audit filters as a query; the CSV export takes every match, so it gets no `limit` (null). */
export function auditQuery(filter: AuditFilter, limit: number | null = AUDIT_PAGE): string {
  const query = new URLSearchParams(limit === null ? {} : { limit: String(limit) });
  if (filter.action.trim()) query.set('action', filter.action.trim());
  if (filter.actor.trim()) query.set('actor', filter.actor.trim());
  if (filter.since) query.set('since', filter.since);
  if (filter.until) query.set('until', filter.until);
  const text = query.toString();
  return text ? `?${text}` : '';
}

export async function listAudit(api: AuthedApi, filter: AuditFilter): Promise<AuditEntryDto[]> {
  return (await callApi(api, 'GET', `/api/admin/audit${auditQuery(filter)}`, auditListSchema)).entries;
}
