import type { TokenCacheStore } from '../../ports/tenant-store.ts';
import { keyOf, type MemoryState } from './memory-state.ts';

/** The in-memory TokenCacheStore: opaque encrypted blobs, copied so callers never share the stored bytes. */
export function createMemoryTokenCacheStore(state: MemoryState): TokenCacheStore {
  return {
    async read(tenantId, userId) {
      const blob = state.tokenCache.get(keyOf(tenantId, userId));
      return blob ? Buffer.from(blob) : undefined;
    },
    async write(tenantId, userId, encrypted) {
      state.tokenCache.set(keyOf(tenantId, userId), Buffer.from(encrypted));
    },
    async remove(tenantId, userId) {
      state.tokenCache.delete(keyOf(tenantId, userId));
    },
  };
}
