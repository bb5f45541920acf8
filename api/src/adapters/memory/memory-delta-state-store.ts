import type { DeltaState, DeltaStateStore } from '../../ports/delta-state-store.ts';
import { copy } from './memory-state.ts';

/** The in-memory DeltaStateStore, for tests that wire no database. */
export function createMemoryDeltaStateStore(): DeltaStateStore {
  const states = new Map<string, DeltaState>();
  const key = (tenantId: string, userId: string) => `${tenantId}\u0000${userId}`;
  return {
    async get(tenantId, userId) {
      const state = states.get(key(tenantId, userId));
      return state ? copy(state) : undefined;
    },
    async save(state) {
      states.set(key(state.tenantId, state.userId), copy(state));
    },
    async remove(tenantId, userId) {
      states.delete(key(tenantId, userId));
    },
  };
}
