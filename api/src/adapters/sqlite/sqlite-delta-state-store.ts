import type { DeltaState, DeltaStateStore } from '../../ports/delta-state-store.ts';
import type { SqliteDatabase } from './database.ts';

interface Row {
  tenant_id: string;
  user_id: string;
  delta_link: string | null;
  window_start: string;
  window_end: string;
  synced_at: string;
}

/** Each watched calendar's delta position in SQLite (migration 10). */
export function createSqliteDeltaStateStore(db: SqliteDatabase): DeltaStateStore {
  const select = db.prepare('SELECT * FROM graph_delta_state WHERE tenant_id = ? AND user_id = ?');
  const upsert = db.prepare(`
    INSERT INTO graph_delta_state (tenant_id, user_id, delta_link, window_start, window_end, synced_at)
    VALUES (@tenantId, @userId, @deltaLink, @windowStart, @windowEnd, @syncedAt)
    ON CONFLICT (tenant_id, user_id) DO UPDATE SET delta_link = excluded.delta_link,
      window_start = excluded.window_start, window_end = excluded.window_end, synced_at = excluded.synced_at`);
  const remove = db.prepare('DELETE FROM graph_delta_state WHERE tenant_id = ? AND user_id = ?');
  return {
    async get(tenantId, userId) {
      const row = select.get(tenantId, userId) as Row | undefined;
      return row ? toState(row) : undefined;
    },
    async save(state) {
      upsert.run(state);
    },
    async remove(tenantId, userId) {
      remove.run(tenantId, userId);
    },
  };
}

function toState(row: Row): DeltaState {
  return {
    tenantId: row.tenant_id,
    userId: row.user_id,
    deltaLink: row.delta_link,
    windowStart: row.window_start,
    windowEnd: row.window_end,
    syncedAt: row.synced_at,
  };
}
