import type { TokenCacheStore } from '../../ports/tenant-store.ts';
import type { SqliteDatabase } from './database.ts';

/**
 * One encrypted MSAL cache blob per (tenant, user). The blob is opaque here: it is encrypted before it is
 * written and decrypted after it is read, so the database file never holds a usable refresh token.
 */
export function createSqliteTokenCacheStore(db: SqliteDatabase): TokenCacheStore {
  const select = db.prepare('SELECT encrypted FROM token_cache WHERE tenant_id = ? AND user_id = ?');
  const upsert = db.prepare(`
    INSERT INTO token_cache (tenant_id, user_id, encrypted) VALUES (?, ?, ?)
    ON CONFLICT (tenant_id, user_id) DO UPDATE SET encrypted = excluded.encrypted`);
  const remove = db.prepare('DELETE FROM token_cache WHERE tenant_id = ? AND user_id = ?');

  return {
    async read(tenantId, userId) {
      const row = select.get(tenantId, userId) as { encrypted: Buffer } | undefined;
      return row ? Buffer.from(row.encrypted) : undefined;
    },
    async write(tenantId, userId, encrypted) {
      upsert.run(tenantId, userId, encrypted);
    },
    async remove(tenantId, userId) {
      remove.run(tenantId, userId);
    },
  };
}
