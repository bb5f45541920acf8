import type { PendingSignIn, PendingSignInStore } from '@confer/bot/sign-in';
import { keyOf } from './memory-state.ts';

/** The in-memory PendingSignInStore, for tests that wire no database. */
export function createMemoryPendingSignInStore(): PendingSignInStore {
  const pending = new Map<string, PendingSignIn>();
  const live = (found: PendingSignIn | undefined, now: Date) =>
    found && found.expiresAt > now ? structuredClone(found) : undefined;
  return {
    async save(action) {
      pending.set(keyOf(action.tenantId, action.aadObjectId), structuredClone(action));
    },
    async find(tenantId, aadObjectId, now) {
      return live(pending.get(keyOf(tenantId, aadObjectId)), now);
    },
    async take(tenantId, aadObjectId, now) {
      const key = keyOf(tenantId, aadObjectId);
      const found = pending.get(key);
      pending.delete(key);
      return live(found, now);
    },
    async prune(now) {
      let dropped = 0;
      for (const [key, action] of pending) {
        if (action.expiresAt <= now) {
          pending.delete(key);
          dropped++;
        }
      }
      return dropped;
    },
  };
}
