import type { PendingSignIn, PendingSignInStore } from '@confer/bot/sign-in';
import type { SqliteDatabase } from './database.ts';

interface Row {
  tenant_id: string;
  aad_object_id: string;
  activity_json: string;
  created_at: string;
  expires_at: string;
}

const toPending = (row: Row): PendingSignIn => ({
  tenantId: row.tenant_id,
  aadObjectId: row.aad_object_id,
  activity: JSON.parse(row.activity_json) as Record<string, unknown>,
  createdAt: new Date(row.created_at),
  expiresAt: new Date(row.expires_at),
});

/** Actions waiting for their person's sign-in from chat, in SQLite (migration 18). */
export function createSqlitePendingSignInStore(db: SqliteDatabase): PendingSignInStore {
  const upsert = db.prepare(`
    INSERT INTO bot_pending_sign_ins (tenant_id, aad_object_id, activity_json, created_at, expires_at)
    VALUES (?, ?, ?, ?, ?)
    ON CONFLICT (tenant_id, aad_object_id) DO UPDATE SET
      activity_json = excluded.activity_json, created_at = excluded.created_at, expires_at = excluded.expires_at`);
  const select = db.prepare(
    'SELECT * FROM bot_pending_sign_ins WHERE tenant_id = ? AND aad_object_id = ? AND expires_at > ?',
  );
  const remove = db.prepare('DELETE FROM bot_pending_sign_ins WHERE tenant_id = ? AND aad_object_id = ? RETURNING *');
  const prune = db.prepare('DELETE FROM bot_pending_sign_ins WHERE expires_at <= ?');
  return {
    async save(p) {
      upsert.run(
        p.tenantId,
        p.aadObjectId,
        JSON.stringify(p.activity),
        p.createdAt.toISOString(),
        p.expiresAt.toISOString(),
      );
    },
    async find(tenantId, aadObjectId, now) {
      const row = select.get(tenantId, aadObjectId, now.toISOString()) as Row | undefined;
      return row ? toPending(row) : undefined;
    },
    async take(tenantId, aadObjectId, now) {
      // One statement removes and answers the row, so only one caller ever gets it.
      const row = remove.get(tenantId, aadObjectId) as Row | undefined;
      return row && row.expires_at > now.toISOString() ? toPending(row) : undefined;
    },
    async prune(now) {
      return prune.run(now.toISOString()).changes;
    },
  };
}
