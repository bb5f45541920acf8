import type { HealthStatus } from '@confer/contracts';
import {
  type ConnectionHealthStore,
  emptyHealthCounts,
  type HealthFilter,
  type HealthKey,
  type HealthRow,
  type SyncError,
  type SyncErrorKind,
} from '../../ports/connection-health-store.ts';
import type { SubscriptionStore } from '../../ports/subscription-store.ts';
import type { UserRecord } from '../../ports/tenant-store.ts';
import { assertLimit } from '../sqlite/store-errors.ts';
import { compareText, copy, keyOf, type MemoryState } from './memory-state.ts';

type SyncErrorInfo = Omit<SyncError, 'kind'>;

interface Activity {
  lastGraphSuccessAt: Date | null;
  syncError: SyncError | null;
}

/** SQLite's LIKE folds ASCII letters only; the in-memory search does the same, so both find the same people. */
const foldAscii = (text: string) => text.replace(/[A-Z]/g, (c) => c.toLowerCase());

const byKey = (a: HealthKey, b: HealthKey) =>
  compareText(a.displayName, b.displayName) || compareText(a.userId, b.userId);

/** The in-memory ConnectionHealthStore, over the memory tenant store's users and a subscription store. */
export function createMemoryConnectionHealthStore(
  state: MemoryState,
  subscriptions: SubscriptionStore,
): ConnectionHealthStore {
  const activity = new Map<string, Activity>();
  const statusOf = (user: UserRecord): HealthStatus => {
    if (user.connectionStatus !== 'not_connected') return user.connectionStatus;
    return state.connectedOnce.has(keyOf(user.tenantId, user.userId)) ? 'disconnected' : 'never_connected';
  };
  const matches = (user: UserRecord, filter: HealthFilter) => {
    if (filter.status && statusOf(user) !== filter.status) return false;
    if (!filter.search) return true;
    const needle = foldAscii(filter.search);
    return foldAscii(user.displayName).includes(needle) || foldAscii(user.email).includes(needle);
  };
  const usersOf = (tenantId: string, filter: HealthFilter) =>
    [...state.users.values()].filter((u) => u.tenantId === tenantId && matches(u, filter)).sort(byKey);
  const toRow = async (user: UserRecord): Promise<HealthRow> => {
    const seen = activity.get(keyOf(user.tenantId, user.userId));
    const all = await subscriptions.findByUser(user.tenantId, user.userId);
    const shown = all.find((s) => s.status.state === 'active') ?? all.at(-1);
    const error = seen?.syncError ?? null;
    return copy({
      userId: user.userId,
      displayName: user.displayName,
      email: user.email,
      status: statusOf(user),
      checkedAt: user.connectionCheckedAt,
      lastGraphSuccessAt: seen?.lastGraphSuccessAt ?? null,
      lastSyncError: error ? { code: error.code, message: error.message, at: error.at } : null,
      subscription: shown?.status.state ?? 'none',
    });
  };

  return {
    async page(tenantId, filter, after, limit) {
      assertLimit(limit, 'users');
      const users = usersOf(tenantId, filter).filter((u) => after === null || byKey(u, after) > 0);
      return Promise.all(users.slice(0, limit).map(toRow));
    },
    async counts(tenantId, filter) {
      const byStatus = emptyHealthCounts();
      const everyone = usersOf(tenantId, {});
      for (const user of everyone) byStatus[statusOf(user)] += 1;
      return { byStatus, total: everyone.length, matching: usersOf(tenantId, filter).length };
    },
    async *each(tenantId, filter) {
      for (const user of usersOf(tenantId, filter)) yield await toRow(user);
    },
    async saveActivity(updates) {
      for (const update of updates) {
        const key = keyOf(update.tenantId, update.userId);
        const seen = activity.get(key) ?? { lastGraphSuccessAt: null, syncError: null };
        const success = update.lastGraphSuccessAt;
        if (success && (!seen.lastGraphSuccessAt || success > seen.lastGraphSuccessAt)) {
          seen.lastGraphSuccessAt = success;
        }
        for (const [kind, error] of Object.entries(update.syncErrors) as [SyncErrorKind, SyncErrorInfo | null][]) {
          if (error) seen.syncError = { ...error, kind };
          else if (error === null && seen.syncError?.kind === kind) seen.syncError = null;
        }
        activity.set(key, copy(seen));
      }
    },
  };
}
