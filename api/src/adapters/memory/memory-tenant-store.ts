import type { TenantStore } from '../../ports/tenant-store.ts';
import { compareText, copy, keyOf, type MemoryState } from './memory-state.ts';

/** The in-memory TenantStore: settings per tenant, users per (tenant, user), listed by display name. */
export function createMemoryTenantStore(state: MemoryState): TenantStore {
  return {
    async getSettings(tenantId) {
      const settings = state.tenants.get(tenantId);
      return settings ? copy(settings) : undefined;
    },
    async saveSettings(settings) {
      state.tenants.set(settings.tenantId, copy(settings));
    },
    async getUser(tenantId, userId) {
      const user = state.users.get(keyOf(tenantId, userId));
      return user ? copy(user) : undefined;
    },
    async upsertUser(user) {
      const key = keyOf(user.tenantId, user.userId);
      state.users.set(key, copy(user));
      if (user.connectionStatus === 'connected' && !state.connectedOnce.has(key)) {
        state.connectedOnce.set(key, user.updatedAt);
      }
    },
    async listUsers(tenantId) {
      return [...state.users.values()]
        .filter((user) => user.tenantId === tenantId)
        .sort((a, b) => compareText(a.displayName, b.displayName) || compareText(a.userId, b.userId))
        .map(copy);
    },
  };
}
