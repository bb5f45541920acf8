import type { Logger } from '../../logging/logger.ts';
import type { ConnectionActivity } from '../../ports/connection-activity.ts';
import type { ActivityUpdate, ConnectionHealthStore } from '../../ports/connection-health-store.ts';

export interface ConnectionActivityDeps {
  store: Pick<ConnectionHealthStore, 'saveActivity'>;
  logger: Logger;
  /** How often pending activity is written; each person is written at most once per interval. */
  intervalMs: number;
}

export interface CoalescingConnectionActivity extends ConnectionActivity {
  /** Stops the timer and writes what is pending. */
  close(): Promise<void>;
}

/** Five minutes: the admin list needs "recently", not the second (and reading it flushes first). */
export const ACTIVITY_INTERVAL_MS = 5 * 60_000;

const keyOf = (tenantId: string, userId: string) => JSON.stringify([tenantId, userId]);

/**
 * Coalesces connection activity in memory: a busy person's hundred Graph calls in an interval become one row
 * write, and the whole interval's people one transaction. Memory stays bounded by the people active in one
 * interval. A failed write keeps the activity pending for the next one (newer news of the same person wins).
 */
export function createConnectionActivity(deps: ConnectionActivityDeps): CoalescingConnectionActivity {
  let pending = new Map<string, ActivityUpdate>();
  let writing: Promise<void> = Promise.resolve();
  const entryOf = (tenantId: string, userId: string) => {
    const key = keyOf(tenantId, userId);
    let entry = pending.get(key);
    if (!entry) {
      entry = { tenantId, userId, lastGraphSuccessAt: null, syncErrors: {} };
      pending.set(key, entry);
    }
    return entry;
  };
  const writeBatch = async () => {
    if (pending.size === 0) return;
    const batch = pending;
    pending = new Map();
    try {
      await deps.store.saveActivity([...batch.values()]);
    } catch (error) {
      deps.logger.warn('could not save connection activity; will retry', { people: batch.size, error });
      for (const [key, update] of batch) pending.set(key, merge(update, pending.get(key)));
    }
  };
  const flush = () => {
    writing = writing.then(writeBatch);
    return writing;
  };
  const timer = setInterval(() => void flush(), deps.intervalMs);
  timer.unref();

  return {
    recordSuccess(tenantId, userId, at) {
      const entry = entryOf(tenantId, userId);
      if (!entry.lastGraphSuccessAt || at > entry.lastGraphSuccessAt) entry.lastGraphSuccessAt = at;
    },
    recordSyncError(tenantId, userId, error) {
      const { kind, ...rest } = error;
      entryOf(tenantId, userId).syncErrors[kind] = { ...rest, message: rest.message.slice(0, 500) };
    },
    recordSyncSuccess(tenantId, userId, kind) {
      entryOf(tenantId, userId).syncErrors[kind] = null;
    },
    flush,
    async close() {
      clearInterval(timer);
      await flush();
    },
  };
}

/** What a failed batch knew, with anything newer recorded since on top. */
function merge(older: ActivityUpdate, newer: ActivityUpdate | undefined): ActivityUpdate {
  if (!newer) return older;
  const a = older.lastGraphSuccessAt;
  const b = newer.lastGraphSuccessAt;
  return {
    ...newer,
    lastGraphSuccessAt: a && (!b || a > b) ? a : b,
    syncErrors: { ...older.syncErrors, ...newer.syncErrors },
  };
}
