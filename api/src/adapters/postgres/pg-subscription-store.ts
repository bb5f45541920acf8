import type { SubscriptionStore } from '../../ports/subscription-store.ts';
import { type SubscriptionRow, subscriptionFromRow } from '../store-rows/subscription-rows.ts';
import type { PgDatabase } from './pg-database.ts';

type Row = SubscriptionRow<Date>;
const toText = (date: Date) => date.toISOString();
const toSubscription = (row: Row) => subscriptionFromRow(row, toText);

// Ties on an instant are broken by id in byte order, as SQLite's text comparison does.
const BY_EXPIRY = 'ORDER BY expires_at, id COLLATE "C"';

/** Confer's Graph subscriptions in PostgreSQL, shared by every replica (none creates a duplicate on start). */
export function createPostgresSubscriptionStore(db: PgDatabase): SubscriptionStore {
  const list = async (sql: string, params: readonly unknown[] = []) =>
    (await db.query<Row>(sql, params)).map(toSubscription);
  return {
    async save(subscription) {
      const { status } = subscription;
      await db.execute(
        `INSERT INTO graph_subscriptions
           (id, tenant_id, user_id, resource, mode, client_state_digest, expires_at, created_at, renewed_at, state,
            reason)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
         ON CONFLICT (id) DO UPDATE SET
           tenant_id = excluded.tenant_id, user_id = excluded.user_id, resource = excluded.resource,
           mode = excluded.mode, client_state_digest = excluded.client_state_digest, expires_at = excluded.expires_at,
           created_at = excluded.created_at, renewed_at = excluded.renewed_at, state = excluded.state,
           reason = excluded.reason`,
        [
          subscription.id,
          subscription.tenantId,
          subscription.userId,
          subscription.resource,
          subscription.mode,
          subscription.clientStateDigest,
          new Date(subscription.expiresAt),
          new Date(subscription.createdAt),
          subscription.renewedAt === null ? null : new Date(subscription.renewedAt),
          status.state,
          status.state === 'active' ? null : status.reason,
        ],
      );
    },
    async find(id) {
      const [found] = await list('SELECT * FROM graph_subscriptions WHERE id = $1', [id]);
      return found;
    },
    async findByUser(tenantId, userId) {
      return list(
        'SELECT * FROM graph_subscriptions WHERE tenant_id = $1 AND user_id = $2 ORDER BY created_at, id COLLATE "C"',
        [tenantId, userId],
      );
    },
    async markRemoved(id, reason) {
      await db.execute("UPDATE graph_subscriptions SET state = 'removed', reason = $1 WHERE id = $2", [reason, id]);
    },
    async listExpiringBefore(instant) {
      return list(`SELECT * FROM graph_subscriptions WHERE state = 'active' AND expires_at < $1 ${BY_EXPIRY}`, [
        new Date(instant),
      ]);
    },
    async listActive() {
      return list(`SELECT * FROM graph_subscriptions WHERE state = 'active' ${BY_EXPIRY}`);
    },
  };
}
