import {
  type ActivityUpdate,
  type ConnectionHealthStore,
  emptyHealthCounts,
  type HealthFilter,
  type HealthKey,
  type HealthRow,
} from '../../ports/connection-health-store.ts';
import { healthFromRow, healthRowSchema } from '../store-rows/health-rows.ts';
import type { SqliteDatabase } from './database.ts';
import { parseRow, sqliteColumns, toIso } from './row-codec.ts';
import { assertLimit } from './store-errors.ts';

const healthRow = healthRowSchema(sqliteColumns);

/**
 * The person's subscription as the list shows it: an active one if any (a person has at most one live), else the
 * latest. One correlated lookup per listed row through graph_subscriptions_by_user, inside the same statement.
 */
const SELECT = `
  SELECT u.user_id, u.display_name, u.email, u.health_status, u.connection_checked_at,
    a.last_graph_success_at, a.sync_error_code, a.sync_error_message, a.sync_error_at,
    (SELECT s.state FROM graph_subscriptions s WHERE s.tenant_id = u.tenant_id AND s.user_id = u.user_id
      ORDER BY s.state = 'active' DESC, s.created_at DESC, s.id DESC LIMIT 1) AS subscription
  FROM users u LEFT JOIN connection_activity a ON a.tenant_id = u.tenant_id AND a.user_id = u.user_id`;

/** How many people the export reads per statement. */
const EXPORT_BATCH = 500;

/** `%`, `_` and the escape character itself are plain characters in a search. */
export function likePattern(search: string): string {
  return `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function whereOf(filter: HealthFilter, after: HealthKey | null): string {
  const parts = ['u.tenant_id = @tenantId'];
  if (filter.status) parts.push('u.health_status = @status');
  if (filter.search) parts.push("(u.display_name LIKE @pattern ESCAPE '\\' OR u.email LIKE @pattern ESCAPE '\\')");
  if (after) parts.push('(u.display_name, u.user_id) > (@afterName, @afterId)');
  return parts.join(' AND ');
}

const pageSql = (filter: HealthFilter, after: HealthKey | null) =>
  `${SELECT} WHERE ${whereOf(filter, after)} ORDER BY u.display_name, u.user_id LIMIT @limit`;
const countSql = (filter: HealthFilter) => `SELECT COUNT(*) AS n FROM users u WHERE ${whereOf(filter, null)}`;
const COUNT_BY_STATUS =
  'SELECT health_status AS status, COUNT(*) AS n FROM users WHERE tenant_id = ? GROUP BY health_status';

/** Later success wins: batches may arrive out of order (a flush on close beside a timed one). */
const SAVE_SUCCESS = `
  INSERT INTO connection_activity (tenant_id, user_id, last_graph_success_at) VALUES (@tenantId, @userId, @at)
  ON CONFLICT (tenant_id, user_id) DO UPDATE SET last_graph_success_at = CASE
    WHEN last_graph_success_at IS NULL OR excluded.last_graph_success_at > last_graph_success_at
    THEN excluded.last_graph_success_at ELSE last_graph_success_at END`;
const CLEAR_SYNC_ERROR = `
  UPDATE connection_activity SET sync_error_kind = NULL, sync_error_code = NULL, sync_error_message = NULL,
    sync_error_at = NULL
  WHERE tenant_id = @tenantId AND user_id = @userId AND sync_error_kind = @kind`;
const SAVE_SYNC_ERROR = `
  INSERT INTO connection_activity (tenant_id, user_id, sync_error_kind, sync_error_code, sync_error_message,
    sync_error_at)
  VALUES (@tenantId, @userId, @kind, @code, @message, @at)
  ON CONFLICT (tenant_id, user_id) DO UPDATE SET sync_error_kind = excluded.sync_error_kind,
    sync_error_code = excluded.sync_error_code, sync_error_message = excluded.sync_error_message,
    sync_error_at = excluded.sync_error_at`;

/** Every statement the store runs: each shape of filter, with and without a cursor, and the writes. */
function allStatements(): string[] {
  const shapes: HealthFilter[] = [{}, { status: 'connected' }, { search: 'x' }, { status: 'connected', search: 'x' }];
  const after = { displayName: '', userId: '' };
  return [
    ...shapes.flatMap((f) => [pageSql(f, null), pageSql(f, after), countSql(f)]),
    COUNT_BY_STATUS,
    SAVE_SUCCESS,
    CLEAR_SYNC_ERROR,
    SAVE_SYNC_ERROR,
  ];
}

/** Connection health over the users table (migration 13's health_status and indexes), for the admin list. */
export function createSqliteConnectionHealthStore(db: SqliteDatabase): ConnectionHealthStore {
  // One statement per shape of query (which filters are set, a cursor or not), each able to use its index, all
  // prepared here once.
  const statements = new Map(allStatements().map((sql) => [sql, db.prepare(sql)]));
  const prepared = (sql: string) => {
    const statement = statements.get(sql);
    if (!statement) throw new Error('every statement is prepared when the store is created');
    return statement;
  };
  const paramsOf = (tenantId: string, filter: HealthFilter, after: HealthKey | null, limit?: number) => ({
    tenantId,
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.search ? { pattern: likePattern(filter.search) } : {}),
    ...(after ? { afterName: after.displayName, afterId: after.userId } : {}),
    ...(limit === undefined ? {} : { limit }),
  });
  const readPage = (tenantId: string, filter: HealthFilter, after: HealthKey | null, limit: number) => {
    return prepared(pageSql(filter, after))
      .all(paramsOf(tenantId, filter, after, limit))
      .map((row) => toHealthRow(row, tenantId));
  };
  const saveActivity = db.transaction((updates: readonly ActivityUpdate[]) => {
    for (const update of updates) writeActivity(update, prepared);
  });

  return {
    async page(tenantId, filter, after, limit) {
      assertLimit(limit, 'users');
      return readPage(tenantId, filter, after, limit);
    },
    async counts(tenantId, filter) {
      const byStatus = emptyHealthCounts();
      const grouped = prepared(COUNT_BY_STATUS).all(tenantId) as { status: keyof typeof byStatus; n: number }[];
      for (const { status, n } of grouped) byStatus[status] = n;
      const total = grouped.reduce((sum, { n }) => sum + n, 0);
      const filtered = filter.status !== undefined || Boolean(filter.search);
      const matching = filtered
        ? (prepared(countSql(filter)).get(paramsOf(tenantId, filter, null)) as { n: number }).n
        : total;
      return { byStatus, total, matching };
    },
    async *each(tenantId, filter) {
      let after: HealthKey | null = null;
      for (;;) {
        const rows = readPage(tenantId, filter, after, EXPORT_BATCH);
        yield* rows;
        const last = rows.at(-1);
        if (!last || rows.length < EXPORT_BATCH) return;
        after = { displayName: last.displayName, userId: last.userId };
      }
    },
    async saveActivity(updates) {
      if (updates.length > 0) saveActivity(updates);
    },
  };
}

function writeActivity(update: ActivityUpdate, prepared: (sql: string) => ReturnType<SqliteDatabase['prepare']>): void {
  const key = { tenantId: update.tenantId, userId: update.userId };
  if (update.lastGraphSuccessAt) prepared(SAVE_SUCCESS).run({ ...key, at: toIso(update.lastGraphSuccessAt) });
  for (const [kind, error] of Object.entries(update.syncErrors)) {
    if (error === null) prepared(CLEAR_SYNC_ERROR).run({ ...key, kind });
    else if (error) {
      prepared(SAVE_SYNC_ERROR).run({ ...key, kind, code: error.code, message: error.message, at: toIso(error.at) });
    }
  }
}

function toHealthRow(row: unknown, tenantId: string): HealthRow {
  const userId = (row as { user_id?: unknown }).user_id;
  return healthFromRow(parseRow(healthRow, row, { table: 'users', key: { tenantId, userId } }));
}
