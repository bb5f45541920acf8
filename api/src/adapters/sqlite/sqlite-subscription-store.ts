import type { SubscriptionStore } from '../../ports/subscription-store.ts';
import { type SubscriptionRow, subscriptionFromRow } from '../store-rows/subscription-rows.ts';
import type { SqliteDatabase } from './database.ts';

type Row = SubscriptionRow<string>;
const toText = (text: string) => text;
const toSubscription = (row: Row) => subscriptionFromRow(row, toText);

/** Confer's Graph subscriptions, surviving restarts (a restart finds them instead of creating duplicates). */
export function createSqliteSubscriptionStore(db: SqliteDatabase): SubscriptionStore {
  const upsert = db.prepare(`
    INSERT INTO graph_subscriptions
      (id, tenant_id, user_id, resource, mode, client_state_digest, expires_at, created_at, renewed_at, state, reason)
    VALUES (@id, @tenantId, @userId, @resource, @mode, @clientStateDigest, @expiresAt, @createdAt, @renewedAt,
            @state, @reason)
    ON CONFLICT (id) DO UPDATE SET
      tenant_id = excluded.tenant_id, user_id = excluded.user_id, resource = excluded.resource,
      mode = excluded.mode, client_state_digest = excluded.client_state_digest, expires_at = excluded.expires_at,
      created_at = excluded.created_at, renewed_at = excluded.renewed_at, state = excluded.state,
      reason = excluded.reason`);
  const byId = db.prepare('SELECT * FROM graph_subscriptions WHERE id = ?');
  const byUser = db.prepare(
    'SELECT * FROM graph_subscriptions WHERE tenant_id = ? AND user_id = ? ORDER BY created_at, id',
  );
  const remove = db.prepare("UPDATE graph_subscriptions SET state = 'removed', reason = ? WHERE id = ?");
  const expiring = db.prepare(
    "SELECT * FROM graph_subscriptions WHERE state = 'active' AND expires_at < ? ORDER BY expires_at, id",
  );
  const active = db.prepare("SELECT * FROM graph_subscriptions WHERE state = 'active' ORDER BY expires_at, id");

  return {
    async save(subscription) {
      const { status, ...rest } = subscription;
      upsert.run({ ...rest, state: status.state, reason: status.state === 'active' ? null : status.reason });
    },
    async find(id) {
      const row = byId.get(id) as Row | undefined;
      return row ? toSubscription(row) : undefined;
    },
    async findByUser(tenantId, userId) {
      return (byUser.all(tenantId, userId) as Row[]).map(toSubscription);
    },
    async markRemoved(id, reason) {
      remove.run(reason, id);
    },
    async listExpiringBefore(instant) {
      return (expiring.all(instant) as Row[]).map(toSubscription);
    },
    async listActive() {
      return (active.all() as Row[]).map(toSubscription);
    },
  };
}
