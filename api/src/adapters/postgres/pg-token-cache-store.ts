import type { TokenCacheStore } from '../../ports/tenant-store.ts';
import type { PgDatabase } from './pg-database.ts';

const SELECT = 'SELECT encrypted FROM token_cache WHERE tenant_id = $1 AND user_id = $2';
const UPSERT = `
  INSERT INTO token_cache (tenant_id, user_id, encrypted) VALUES ($1, $2, $3)
  ON CONFLICT (tenant_id, user_id) DO UPDATE SET encrypted = excluded.encrypted`;
const REMOVE = 'DELETE FROM token_cache WHERE tenant_id = $1 AND user_id = $2';

/**
 * One encrypted MSAL cache blob per (tenant, user). The blob is opaque here: it is encrypted before it is
 * written and decrypted after it is read, so the database never holds a usable refresh token.
 */
export function createPostgresTokenCacheStore(db: PgDatabase): TokenCacheStore {
  return {
    async read(tenantId, userId) {
      const [row] = await db.query<{ encrypted: Buffer }>(SELECT, [tenantId, userId]);
      return row ? Buffer.from(row.encrypted) : undefined;
    },
    async write(tenantId, userId, encrypted) {
      await db.execute(UPSERT, [tenantId, userId, encrypted]);
    },
    async remove(tenantId, userId) {
      await db.execute(REMOVE, [tenantId, userId]);
    },
  };
}
