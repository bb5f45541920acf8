import { describe, expect, it } from 'vitest';
import type { Incident, IncidentNotice } from '../../ports/incident-store.ts';
import { openDatabase } from './database.ts';
import { createSqliteIncidentSignals } from './sqlite-incident-signals.ts';
import { createSqliteIncidentStore } from './sqlite-incident-store.ts';

const AT = new Date('2026-03-02T09:00:00Z');
const incident: Incident = {
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
};
const notice: IncidentNotice = {
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
};

describe('SQLite incident store (migration 15)', () => {
  it('keeps one open incident per kind, records a notice once, and lists what is still to send', async () => {
    const store = createSqliteIncidentStore(openDatabase(':memory:'));
    await store.save(incident, [notice]);
    await store.save({ ...incident, affected: 7 }, [{ ...notice, card: 'queued' }]);
    expect(await store.findOpen('t1', 'consent_revoked')).toMatchObject({ id: 'i1', affected: 7 });
    expect(await store.findOpen('t2', 'consent_revoked')).toBeUndefined();
    // Planning the same notice again changes nothing: the first record stands.
    expect((await store.listNotices('t1', 'i1')).map((n) => n.card)).toEqual(['planned']);
    await expect(store.save({ ...incident, id: 'i2' }, [])).rejects.toThrow(/UNIQUE/);

    await store.updateNotice({ ...notice, card: 'queued', email: 'sent', emailAttempts: 1, emailSentAt: AT });
    expect(await store.listUndone('t1')).toEqual([]);
    const resolvedAt = new Date(AT.getTime() + 60_000);
    await store.save({ ...incident, state: 'resolved', resolvedAt }, []);
    await store.save({ ...incident, id: 'i2', openedAt: resolvedAt }, []);
    expect((await store.list('t1', { limit: 10 })).map((i) => [i.id, i.state])).toEqual([
      ['i2', 'open'],
      ['i1', 'resolved'],
    ]);
    expect((await store.list('t1', { state: 'resolved', limit: 10 })).map((i) => i.id)).toEqual(['i1']);
    expect((await store.list('t1', { limit: 1 })).map((i) => i.id)).toEqual(['i2']);
    expect(await store.list('t2', { limit: 10 })).toEqual([]);
  });

  it('counts failed subscriptions by person, missed notifications and failed deliveries since an instant', async () => {
    const db = openDatabase(':memory:');
    const subscription = db.prepare(`
      INSERT INTO graph_subscriptions (id, tenant_id, user_id, resource, mode, client_state_digest, expires_at,
                                       created_at, state, reason)
      VALUES (?, 't1', ?, '/users/x/events', 'user', 'd', ?, ?, ?, ?)`);
    subscription.run('s1', 'u1', AT.toISOString(), AT.toISOString(), 'failed', 'graph_error');
    subscription.run('s2', 'u1', AT.toISOString(), AT.toISOString(), 'failed', 'graph_error');
    subscription.run('s3', 'u2', AT.toISOString(), AT.toISOString(), 'active', null);
    subscription.run('s4', 'u3', AT.toISOString(), '2026-03-01T00:00:00.000Z', 'failed', 'graph_error');
    const inbox = db.prepare(`
      INSERT INTO graph_inbox (dedupe_key, subscription_id, tenant_id, lifecycle_event, received_at, state)
      VALUES (?, 's1', 't1', ?, ?, 'processed')`);
    inbox.run('k1', 'missed', AT.toISOString());
    inbox.run('k2', 'reauthorizationRequired', AT.toISOString());
    const outbound = db.prepare(`
      INSERT INTO outbound_messages (key, tenant_id, user_id, kind, payload_json, not_before_ms, state, created_at,
                                     updated_at)
      VALUES (?, 't1', 'u1', ?, '{}', 0, ?, ?, ?)`);
    outbound.run('m1', 'reminder', 'failed', AT.toISOString(), AT.toISOString());
    outbound.run('m2', 'incident-alert', 'failed', AT.toISOString(), AT.toISOString());
    outbound.run('m3', 'reminder', 'sent', AT.toISOString(), AT.toISOString());
    const signals = createSqliteIncidentSignals(db);
    const since = new Date(AT.getTime() - 3_600_000);
    expect(await signals.failedSubscriptionPeople('t1', since)).toBe(1);
    expect(await signals.missedNotifications('t1', since)).toBe(1);
    expect(await signals.failedDeliveries('t1', since)).toBe(1);
    expect(await signals.failedDeliveries('t2', since)).toBe(0);
  });
});
