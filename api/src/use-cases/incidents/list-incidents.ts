import type { IncidentDto } from '@confer/contracts';
import type { Incident, IncidentNotice, IncidentStore } from '../../ports/incident-store.ts';
import type { Admin } from '../admin/admin-settings.ts';

export interface IncidentListDeps {
  incidents: Pick<IncidentStore, 'list' | 'listNotices'>;
}

/** The admin's tenant's incidents, newest first, each with the messages its owners got (or still owe). */
export async function listIncidents(
  deps: IncidentListDeps,
  admin: Admin,
  query: { state?: 'open' | 'resolved' | undefined; limit: number },
): Promise<IncidentDto[]> {
  const incidents = await deps.incidents.list(admin.tenantId, {
    limit: query.limit,
    ...(query.state ? { state: query.state } : {}),
  });
  return Promise.all(
    incidents.map(async (incident) => toDto(incident, await deps.incidents.listNotices(admin.tenantId, incident.id))),
  );
}

function toDto(incident: Incident, notices: IncidentNotice[]): IncidentDto {
  return {
    id: incident.id,
    kind: incident.kind,
    state: incident.state,
    summary: incident.summary,
    advice: incident.advice,
    affected: incident.affected,
    openedAt: incident.openedAt.toISOString(),
    lastSeenAt: incident.lastSeenAt.toISOString(),
    remindedAt: incident.remindedAt?.toISOString() ?? null,
    resolvedAt: incident.resolvedAt?.toISOString() ?? null,
    notices: notices.map((notice) => ({
      ownerId: notice.ownerId,
      kind: notice.kind,
      at: notice.createdAt.toISOString(),
      card: notice.card,
      email: notice.email,
      emailError: notice.emailError,
    })),
  };
}
