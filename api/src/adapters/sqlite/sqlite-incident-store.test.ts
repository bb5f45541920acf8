import { describe, expect, it } from 'vitest';
import { incidentStoreContract } from '../../ports/incident-store.contract.ts';
import { openDatabase } from './database.ts';
import { createSqliteIncidentSignals } from './sqlite-incident-signals.ts';
import { createSqliteIncidentStore } from './sqlite-incident-store.ts';

const AT = new Date('2026-03-02T09:00:00Z');
incidentStoreContract('SQLite', () => createSqliteIncidentStore(openDatabase(':memory:')));

describe('SQLite incident signals', () => {
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
