import { describe, expect, it } from 'vitest';
import { aNotice, anIncident, incidentStoreContract } from '../../ports/incident-store.contract.ts';
import { reasonOf } from '../../ports/store-fixtures.contract.ts';
import { usePostgresSchemas } from '../../test-support/postgres.ts';
import { createPgIncidentSignals } from './pg-incident-signals.ts';
import { createPgIncidentStore } from './pg-incident-store.ts';

const AT = new Date('2026-03-02T09:00:00Z');
const postgres = usePostgresSchemas();

/** `saved`, or the store's reason for refusing. */
const outcomeOf = (write: Promise<void>) => write.then(() => 'saved', reasonOf);

incidentStoreContract('PostgreSQL', async () => createPgIncidentStore(await postgres.open()));

describe('PostgreSQL incident store', () => {
  it('lists incidents opened at one instant, and notices created at one, in byte order as SQLite does', async () => {
    const store = createPgIncidentStore(await postgres.open());
    for (const id of ['b', 'a', 'B']) await store.save(anIncident({ id, state: 'resolved', resolvedAt: AT }), []);
    expect((await store.list('t1', { limit: 10 })).map((i) => i.id)).toEqual(['B', 'a', 'b']);
    await store.save(anIncident({ id: 'a', state: 'resolved', resolvedAt: AT }), [
      aNotice({ incidentId: 'a', ownerId: 'o-b' }),
      aNotice({ incidentId: 'a', ownerId: 'O-a' }),
      aNotice({ incidentId: 'a', ownerId: 'o-a' }),
    ]);
    expect((await store.listUndone('t1')).map((n) => n.ownerId)).toEqual(['O-a', 'o-a', 'o-b']);
  });

  it('leaves an incident of another tenant with the same id as it is', async () => {
    const store = createPgIncidentStore(await postgres.open());
    await store.save(anIncident(), []);
    await store.save(anIncident({ tenantId: 't2', summary: 'theirs' }), []);
    expect(await store.find('t1', 'i1')).toEqual(anIncident());
    expect(await store.find('t2', 'i1')).toBeUndefined();
  });

  it('opens one incident of a kind when two processes open it at once, and records each notice once', async () => {
    const schema = postgres.newSchema();
    const [a, b] = [
      createPgIncidentStore(await postgres.open({ schema })),
      createPgIncidentStore(await postgres.open({ schema })),
    ];
    const tenants = Array.from({ length: 20 }, (_, i) => `t${i}`);
    const outcomes = await Promise.all(
      tenants.map(async (tenantId) => {
        const opening = (store: typeof a, id: string) =>
          store.save(anIncident({ id: `${tenantId}-${id}`, tenantId }), [
            aNotice({ incidentId: `${tenantId}-${id}`, tenantId }),
          ]);
        return Promise.all([outcomeOf(opening(a, 'x')), outcomeOf(opening(b, 'y'))]);
      }),
    );
    for (const outcome of outcomes) expect([...outcome].sort()).toEqual(['duplicate', 'saved']);
    for (const tenantId of tenants) {
      const open = await a.list(tenantId, { state: 'open', limit: 10 });
      expect(open).toHaveLength(1);
      expect(await a.listNotices(tenantId, open[0]?.id ?? '')).toHaveLength(1);
    }
    const planned = anIncident({ id: 't0-z', tenantId: 't0', state: 'resolved', resolvedAt: AT });
    const notices = [aNotice({ incidentId: 't0-z', tenantId: 't0', notice: 'resolved', kind: 'resolved' })];
    await Promise.all([a.save(planned, notices), b.save(planned, notices)]);
    expect(await a.listNotices('t0', 't0-z')).toHaveLength(1);
  });
});

describe('PostgreSQL incident signals', () => {
  it('counts failed subscriptions by person, missed notifications and failed deliveries since an instant', async () => {
    const db = await postgres.open();
    const subscription = (id: string, userId: string, createdAt: string, state: string, reason: string | null) =>
      db.execute(
        `INSERT INTO graph_subscriptions (id, tenant_id, user_id, resource, mode, client_state_digest, expires_at,
                                          created_at, state, reason)
         VALUES ($1, 't1', $2, '/users/x/events', 'user', 'd', $3, $4, $5, $6)`,
        [id, userId, AT, new Date(createdAt), state, reason],
      );
    await subscription('s1', 'u1', AT.toISOString(), 'failed', 'graph_error');
    await subscription('s2', 'u1', AT.toISOString(), 'failed', 'graph_error');
    await subscription('s3', 'u2', AT.toISOString(), 'active', null);
    await subscription('s4', 'u3', '2026-03-01T00:00:00.000Z', 'failed', 'graph_error');
    const inbox = (key: string, event: string) =>
      db.execute(
        `INSERT INTO graph_inbox (dedupe_key, subscription_id, tenant_id, lifecycle_event, received_at, state)
         VALUES ($1, 's1', 't1', $2, $3, 'processed')`,
        [key, event, AT],
      );
    await inbox('k1', 'missed');
    await inbox('k2', 'reauthorizationRequired');
    const outbound = (key: string, kind: string, state: string) =>
      db.execute(
        `INSERT INTO outbound_messages (key, tenant_id, user_id, kind, payload_json, not_before_ms, state, created_at,
                                        updated_at)
         VALUES ($1, 't1', 'u1', $2, '{}', 0, $3, $4, $4)`,
        [key, kind, state, AT],
      );
    await outbound('m1', 'reminder', 'failed');
    await outbound('m2', 'incident-alert', 'failed');
    await outbound('m3', 'reminder', 'sent');
    const signals = createPgIncidentSignals(db);
    const since = new Date(AT.getTime() - 3_600_000);
    expect(await signals.failedSubscriptionPeople('t1', since)).toBe(1);
    expect(await signals.missedNotifications('t1', since)).toBe(1);
    expect(await signals.failedDeliveries('t1', since)).toBe(1);
    expect(await signals.failedDeliveries('t2', since)).toBe(0);
    expect(await signals.missedNotifications('t1', new Date(AT.getTime() + 1))).toBe(0);
  });
});
