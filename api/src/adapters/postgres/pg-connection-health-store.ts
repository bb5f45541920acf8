import {
  type ActivityUpdate,
  type ConnectionHealthStore,
  emptyHealthCounts,
  type HealthFilter,
  type HealthKey,
  type HealthRow,
} from '../../ports/connection-health-store.ts';
import { parseRow } from '../sqlite/row-codec.ts';
import { likePattern } from '../sqlite/sqlite-connection-health-store.ts';
import { assertLimit } from '../sqlite/store-errors.ts';
import { healthFromRow, healthRowSchema } from '../store-rows/health-rows.ts';
import type { PgDatabase, PgQueryable } from './pg-database.ts';
import { pgColumns } from './pg-row-codec.ts';

const healthRow = healthRowSchema(pgColumns);

/**
 * The person's subscription as the list shows it: an active one if any (a person has at most one live), else the
 * latest. One correlated lookup per listed row through graph_subscriptions_by_user, inside the same statement.
 */
const SELECT = `
  SELECT u.user_id, u.display_name, u.email, u.health_status, u.connection_checked_at,
    a.last_graph_success_at, a.sync_error_code, a.sync_error_message, a.sync_error_at,
    (SELECT s.state FROM graph_subscriptions s WHERE s.tenant_id = u.tenant_id AND s.user_id = u.user_id
      ORDER BY s.state = 'active' DESC, s.created_at DESC, s.id COLLATE "C" DESC LIMIT 1) AS subscription
  FROM users u LEFT JOIN connection_activity a ON a.tenant_id = u.tenant_id AND a.user_id = u.user_id`;

/** How many people the export reads per statement. */
const EXPORT_BATCH = 500;

/** A statement's WHERE clause and its parameters, numbered in the order they are added. */
function whereOf(tenantId: string, filter: HealthFilter, after: HealthKey | null) {
  const params: unknown[] = [tenantId];
  const parts = ['u.tenant_id = $1'];
  const param = (value: unknown) => `$${params.push(value)}`;
  if (filter.status) parts.push(`u.health_status = ${param(filter.status)}`);
  if (filter.search) {
    // lower() under the C collation folds ASCII letters only, as SQLite's LIKE does: both find the same people.
    const p = `lower(${param(likePattern(filter.search))} COLLATE "C")`;
    parts.push(
      `(lower(u.display_name COLLATE "C") LIKE ${p} ESCAPE '\\' OR lower(u.email COLLATE "C") LIKE ${p} ESCAPE '\\')`,
    );
  }
  if (after) {
    // Byte order (the users_by_name and users_by_health indexes), as SQLite compares text.
    const key = `(${param(after.displayName)}, ${param(after.userId)})`;
    parts.push(`(u.display_name COLLATE "C", u.user_id COLLATE "C") > ${key}`);
  }
  return { sql: parts.join(' AND '), params };
}

const COUNT_BY_STATUS =
  'SELECT health_status AS status, COUNT(*) AS n FROM users WHERE tenant_id = $1 GROUP BY health_status';

/** Later success wins (GREATEST skips a null): batches may arrive out of order, and from several processes. */
const SAVE_SUCCESS = `
  INSERT INTO connection_activity (tenant_id, user_id, last_graph_success_at) VALUES ($1, $2, $3)
  ON CONFLICT (tenant_id, user_id) DO UPDATE SET last_graph_success_at =
    GREATEST(connection_activity.last_graph_success_at, excluded.last_graph_success_at)`;
const CLEAR_SYNC_ERROR = `
  UPDATE connection_activity SET sync_error_kind = NULL, sync_error_code = NULL, sync_error_message = NULL,
    sync_error_at = NULL
  WHERE tenant_id = $1 AND user_id = $2 AND sync_error_kind = $3`;
const SAVE_SYNC_ERROR = `
  INSERT INTO connection_activity (tenant_id, user_id, sync_error_kind, sync_error_code, sync_error_message,
    sync_error_at)
  VALUES ($1, $2, $3, $4, $5, $6)
  ON CONFLICT (tenant_id, user_id) DO UPDATE SET sync_error_kind = excluded.sync_error_kind,
    sync_error_code = excluded.sync_error_code, sync_error_message = excluded.sync_error_message,
    sync_error_at = excluded.sync_error_at`;

/** Connection health over the users table (its generated health_status and indexes), for the admin list. */
export function createPostgresConnectionHealthStore(db: PgDatabase): ConnectionHealthStore {
  const readPage = async (tenantId: string, filter: HealthFilter, after: HealthKey | null, limit: number) => {
    const where = whereOf(tenantId, filter, after);
    const sql = `${SELECT} WHERE ${where.sql} ORDER BY u.display_name COLLATE "C", u.user_id COLLATE "C"
      LIMIT $${where.params.length + 1}`;
    return (await db.query(sql, [...where.params, limit])).map((row) => toHealthRow(row, tenantId));
  };

  return {
    async page(tenantId, filter, after, limit) {
      assertLimit(limit, 'users');
      return readPage(tenantId, filter, after, limit);
    },
    async counts(tenantId, filter) {
      const byStatus = emptyHealthCounts();
      const grouped = await db.query<{ status: keyof typeof byStatus; n: number }>(COUNT_BY_STATUS, [tenantId]);
      for (const { status, n } of grouped) byStatus[status] = n;
      const total = grouped.reduce((sum, { n }) => sum + n, 0);
      if (filter.status === undefined && !filter.search) return { byStatus, total, matching: total };
      const where = whereOf(tenantId, filter, null);
      const [counted] = await db.query<{ n: number }>(
        `SELECT COUNT(*) AS n FROM users u WHERE ${where.sql}`,
        where.params,
      );
      return { byStatus, total, matching: counted?.n ?? 0 };
    },
    async *each(tenantId, filter) {
      let after: HealthKey | null = null;
      for (;;) {
        const rows = await readPage(tenantId, filter, after, EXPORT_BATCH);
        yield* rows;
        const last = rows.at(-1);
        if (!last || rows.length < EXPORT_BATCH) return;
        after = { displayName: last.displayName, userId: last.userId };
      }
    },
    async saveActivity(updates) {
      if (updates.length === 0) return;
      // Rows are written in one order (by person; a person's updates keep theirs) in every process, so two
      // flushes writing the same people at once queue on each other's row locks instead of deadlocking.
      const ordered = [...updates].sort((a, b) => compareKeys(keyOf(a), keyOf(b)));
      await db.transaction(async (tx) => {
        for (const update of ordered) await writeActivity(tx, update);
      });
    },
  };
}

const keyOf = (update: ActivityUpdate) => `${update.tenantId}\u0000${update.userId}`;
const compareKeys = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

async function writeActivity(tx: PgQueryable, update: ActivityUpdate): Promise<void> {
  const key = [update.tenantId, update.userId];
  if (update.lastGraphSuccessAt) await tx.execute(SAVE_SUCCESS, [...key, update.lastGraphSuccessAt]);
  for (const [kind, error] of Object.entries(update.syncErrors)) {
    if (error === null) await tx.execute(CLEAR_SYNC_ERROR, [...key, kind]);
    else if (error) await tx.execute(SAVE_SYNC_ERROR, [...key, kind, error.code, error.message, error.at]);
  }
}

function toHealthRow(row: unknown, tenantId: string): HealthRow {
  const userId = (row as { user_id?: unknown }).user_id;
  return healthFromRow(parseRow(healthRow, row, { table: 'users', key: { tenantId, userId } }));
}
