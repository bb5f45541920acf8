import type { DeltaState, DeltaStateStore } from '../../ports/delta-state-store.ts';
import type { PgDatabase } from './pg-database.ts';

interface Row {
  tenant_id: string;
  user_id: string;
  delta_link: string | null;
  window_start: Date;
  window_end: Date;
  synced_at: Date;
}

/** Each watched calendar's delta position in PostgreSQL. */
export function createPostgresDeltaStateStore(db: PgDatabase): DeltaStateStore {
  return {
    async get(tenantId, userId) {
      const [row] = await db.query<Row>('SELECT * FROM graph_delta_state WHERE tenant_id = $1 AND user_id = $2', [
        tenantId,
        userId,
      ]);
      return row ? toState(row) : undefined;
    },
    async save(state) {
      await db.execute(
        `INSERT INTO graph_delta_state (tenant_id, user_id, delta_link, window_start, window_end, synced_at)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (tenant_id, user_id) DO UPDATE SET delta_link = excluded.delta_link,
           window_start = excluded.window_start, window_end = excluded.window_end, synced_at = excluded.synced_at`,
        [
          state.tenantId,
          state.userId,
          state.deltaLink,
          new Date(state.windowStart),
          new Date(state.windowEnd),
          new Date(state.syncedAt),
        ],
      );
    },
    async remove(tenantId, userId) {
      await db.execute('DELETE FROM graph_delta_state WHERE tenant_id = $1 AND user_id = $2', [tenantId, userId]);
    },
  };
}

function toState(row: Row): DeltaState {
  return {
    tenantId: row.tenant_id,
    userId: row.user_id,
    deltaLink: row.delta_link,
    windowStart: row.window_start.toISOString(),
    windowEnd: row.window_end.toISOString(),
    syncedAt: row.synced_at.toISOString(),
  };
}
