import type { PendingSignIn, PendingSignInStore } from '@confer/bot/sign-in';
import type { PgDatabase } from './pg-database.ts';

interface Row {
  tenant_id: string;
  aad_object_id: string;
  activity_json: Record<string, unknown>;
  created_at: Date;
  expires_at: Date;
}

const toPending = (row: Row): PendingSignIn => ({
  tenantId: row.tenant_id,
  aadObjectId: row.aad_object_id,
  activity: row.activity_json,
  createdAt: row.created_at,
  expiresAt: row.expires_at,
});

const COLUMNS = 'tenant_id, aad_object_id, activity_json, created_at, expires_at';

/** Actions waiting for their person's sign-in from chat, in PostgreSQL, shared by every replica. */
export function createPgPendingSignInStore(db: PgDatabase): PendingSignInStore {
  return {
    async save(p) {
      await db.execute(
        `INSERT INTO bot_pending_sign_ins (${COLUMNS}) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (tenant_id, aad_object_id) DO UPDATE SET
           activity_json = excluded.activity_json, created_at = excluded.created_at, expires_at = excluded.expires_at`,
        [p.tenantId, p.aadObjectId, JSON.stringify(p.activity), p.createdAt, p.expiresAt],
      );
    },
    async find(tenantId, aadObjectId, now) {
      const [row] = await db.query<Row>(
        `SELECT ${COLUMNS} FROM bot_pending_sign_ins WHERE tenant_id = $1 AND aad_object_id = $2 AND expires_at > $3`,
        [tenantId, aadObjectId, now],
      );
      return row ? toPending(row) : undefined;
    },
    async take(tenantId, aadObjectId, now) {
      // A second DELETE of the same row waits for the first's lock and then finds nothing: one caller gets it.
      const [row] = await db.query<Row>(
        `DELETE FROM bot_pending_sign_ins WHERE tenant_id = $1 AND aad_object_id = $2 RETURNING ${COLUMNS}`,
        [tenantId, aadObjectId],
      );
      return row && row.expires_at > now ? toPending(row) : undefined;
    },
    async prune(now) {
      return db.execute('DELETE FROM bot_pending_sign_ins WHERE expires_at <= $1', [now]);
    },
  };
}
