import type { Incident, IncidentNotice, IncidentStore } from '../../ports/incident-store.ts';

const noticeKey = (n: Pick<IncidentNotice, 'tenantId' | 'incidentId' | 'ownerId' | 'notice'>) =>
  `${n.tenantId}\u0000${n.incidentId}\u0000${n.ownerId}\u0000${n.notice}`;

/** Incidents in memory, for tests of the use cases and the contract suite. */
export function createMemoryIncidentStore(): IncidentStore {
  const incidents = new Map<string, Incident>();
  const notices = new Map<string, IncidentNotice>();
  const byOpened = (a: Incident, b: Incident) =>
    b.openedAt.getTime() - a.openedAt.getTime() || a.id.localeCompare(b.id);
  const byCreated = (a: IncidentNotice, b: IncidentNotice) =>
    a.createdAt.getTime() - b.createdAt.getTime() || noticeKey(a).localeCompare(noticeKey(b));
  const ofTenant = (tenantId: string) => [...incidents.values()].filter((i) => i.tenantId === tenantId);

  return {
    async findOpen(tenantId, kind) {
      return structuredClone(ofTenant(tenantId).find((i) => i.kind === kind && i.state === 'open'));
    },
    async find(tenantId, id) {
      const incident = incidents.get(id);
      return incident?.tenantId === tenantId ? structuredClone(incident) : undefined;
    },
    async save(incident, planned) {
      const existing = incidents.get(incident.id);
      if (existing && existing.tenantId !== incident.tenantId) throw new Error('incident id of another tenant');
      const clash = ofTenant(incident.tenantId).find(
        (i) => i.id !== incident.id && i.kind === incident.kind && i.state === 'open' && incident.state === 'open',
      );
      if (clash) throw new Error(`an incident of kind ${incident.kind} is already open`);
      incidents.set(incident.id, structuredClone(incident));
      for (const notice of planned) {
        if (!notices.has(noticeKey(notice))) notices.set(noticeKey(notice), structuredClone(notice));
      }
    },
    async list(tenantId, { state, limit }) {
      const matching = ofTenant(tenantId).filter((i) => state === undefined || i.state === state);
      return structuredClone(matching.sort(byOpened).slice(0, limit));
    },
    async listUndone(tenantId) {
      const undone = [...notices.values()].filter(
        (n) => n.tenantId === tenantId && (n.card === 'planned' || n.email === 'pending'),
      );
      return structuredClone(undone.sort(byCreated));
    },
    async listNotices(tenantId, incidentId) {
      const of = [...notices.values()].filter((n) => n.tenantId === tenantId && n.incidentId === incidentId);
      return structuredClone(of.sort(byCreated));
    },
    async updateNotice(notice) {
      if (notices.has(noticeKey(notice))) notices.set(noticeKey(notice), structuredClone(notice));
    },
  };
}
