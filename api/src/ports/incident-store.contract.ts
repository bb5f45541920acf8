import { describe, expect, it } from 'vitest';
import type { Incident, IncidentNotice, IncidentStore } from './incident-store.ts';

const AT = new Date('2026-03-02T09:00:00Z');

export function anIncident(overrides: Partial<Incident> = {}): Incident {
  return {
    id: 'i1',
    tenantId: 't1',
    kind: 'consent_revoked',
    state: 'open',
    summary: 's',
    advice: 'a',
    affected: 5,
    openedAt: AT,
    lastSeenAt: AT,
    remindedAt: null,
    resolvedAt: null,
    ...overrides,
  };
}

export function aNotice(overrides: Partial<IncidentNotice> = {}): IncidentNotice {
  return {
    incidentId: 'i1',
    tenantId: 't1',
    ownerId: 'o1',
    notice: 'opened',
    kind: 'opened',
    card: 'planned',
    email: 'pending',
    emailAttempts: 0,
    emailError: null,
    emailSentAt: null,
    createdAt: AT,
    ...overrides,
  };
}

/** One contract suite for every IncidentStore implementation (memory, SQLite, PostgreSQL). */
export function incidentStoreContract(name: string, create: () => IncidentStore | Promise<IncidentStore>) {
  describe(`IncidentStore contract: ${name}`, () => {
    it('keeps every field, and one open incident per tenant and kind', async () => {
      const store = await create();
      const reminded = anIncident({ remindedAt: new Date(AT.getTime() + 86_400_000), affected: 7 });
      await store.save(anIncident(), []);
      await store.save(reminded, []);
      expect(await store.find('t1', 'i1')).toEqual(reminded);
      expect(await store.findOpen('t1', 'consent_revoked')).toEqual(reminded);
      expect(await store.findOpen('t2', 'consent_revoked')).toBeUndefined();
      expect(await store.find('t2', 'i1')).toBeUndefined();
      await expect(store.save(anIncident({ id: 'i2' }), [])).rejects.toThrow();
      expect(await store.list('t1', { limit: 10 })).toEqual([reminded]);
    });

    it('records a notice once: planning it again leaves the first record as it is', async () => {
      const store = await create();
      await store.save(anIncident(), [aNotice(), aNotice({ ownerId: 'o2' })]);
      await store.save(anIncident(), [aNotice({ card: 'queued' })]);
      expect((await store.listNotices('t1', 'i1')).map((n) => [n.ownerId, n.card])).toEqual([
        ['o1', 'planned'],
        ['o2', 'planned'],
      ]);
      expect(await store.listNotices('t2', 'i1')).toEqual([]);
    });

    it('lists the notices still owing a card or an email, oldest first, until they are done', async () => {
      const store = await create();
      const later = new Date(AT.getTime() + 60_000);
      await store.save(anIncident(), [aNotice({ notice: 'resolved', kind: 'resolved', createdAt: later }), aNotice()]);
      expect((await store.listUndone('t1')).map((n) => n.notice)).toEqual(['opened', 'resolved']);
      const sent = aNotice({ card: 'queued', email: 'sent', emailAttempts: 2, emailSentAt: later });
      await store.updateNotice(sent);
      await store.updateNotice(
        aNotice({ notice: 'resolved', kind: 'resolved', createdAt: later, card: 'unreachable', emailError: 'x' }),
      );
      expect((await store.listUndone('t1')).map((n) => [n.notice, n.card, n.email, n.emailError])).toEqual([
        ['resolved', 'unreachable', 'pending', 'x'],
      ]);
      expect((await store.listNotices('t1', 'i1'))[0]).toEqual(sent);
      expect(await store.listUndone('t2')).toEqual([]);
    });

    it('lists newest first, by state, up to the limit', async () => {
      const store = await create();
      const resolvedAt = new Date(AT.getTime() + 60_000);
      await store.save(anIncident({ state: 'resolved', resolvedAt }), []);
      await store.save(anIncident({ id: 'i2', openedAt: resolvedAt }), []);
      await store.save(anIncident({ id: 'i3', tenantId: 't2' }), []);
      expect((await store.list('t1', { limit: 10 })).map((i) => [i.id, i.state])).toEqual([
        ['i2', 'open'],
        ['i1', 'resolved'],
      ]);
      expect((await store.list('t1', { state: 'resolved', limit: 10 })).map((i) => i.id)).toEqual(['i1']);
      expect((await store.list('t1', { state: 'open', limit: 10 })).map((i) => i.id)).toEqual(['i2']);
      expect((await store.list('t1', { limit: 1 })).map((i) => i.id)).toEqual(['i2']);
    });
  });
}
