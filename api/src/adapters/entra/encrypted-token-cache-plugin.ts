import type { ICachePlugin, TokenCacheContext } from '@azure/msal-node';
import type { Logger } from '../../logging/logger.ts';
import type { TokenCacheStore } from '../../ports/tenant-store.ts';
import type { TokenCacheCipher } from './token-cache-cipher.ts';

/** What msal-node's TokenCache holds when a partition has nothing stored. */
const EMPTY_CACHE = JSON.stringify({ Account: {}, IdToken: {}, AccessToken: {}, RefreshToken: {}, AppMetadata: {} });

export interface PartitionCachePluginDeps {
  store: TokenCacheStore;
  cipher: TokenCacheCipher;
  logger: Logger;
  tenantId: string;
  userId: string;
}

export function cachePartition(tenantId: string, userId: string): string {
  return `${tenantId.toLowerCase()}/${userId.toLowerCase()}`;
}

/**
 * msal-node's cache plugin for one user's partition: every token operation first loads the user's encrypted
 * blob (so several app instances share it, and a removed connection is really gone) and writes it back
 * when MSAL changed it (a new or rotated refresh token).
 */
export function createPartitionCachePlugin(deps: PartitionCachePluginDeps): ICachePlugin {
  const partition = cachePartition(deps.tenantId, deps.userId);
  return {
    async beforeCacheAccess(context: TokenCacheContext) {
      const sealed = await deps.store.read(deps.tenantId, deps.userId);
      context.tokenCache.deserialize(sealed ? unseal(deps, sealed, partition) : EMPTY_CACHE);
    },
    async afterCacheAccess(context: TokenCacheContext) {
      if (!context.cacheHasChanged) return;
      await deps.store.write(deps.tenantId, deps.userId, deps.cipher.seal(context.tokenCache.serialize(), partition));
    },
  };
}

/** A blob that does not decrypt (key rotated, tampered) counts as no connection: the user reconnects. */
function unseal(deps: PartitionCachePluginDeps, sealed: Buffer, partition: string): string {
  try {
    return deps.cipher.open(sealed, partition);
  } catch (error) {
    deps.logger.warn('token cache blob could not be decrypted; treating the user as not connected', {
      tenantId: deps.tenantId,
      userId: deps.userId,
      reason: error instanceof Error ? error.message : String(error),
    });
    return EMPTY_CACHE;
  }
}
