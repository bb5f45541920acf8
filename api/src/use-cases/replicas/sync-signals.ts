import type { ChangeFeed } from '../../ports/replica-coordination.ts';
import type { SyncWorker } from '../sync/sync-worker.ts';

export type SyncSignals = Pick<SyncWorker, 'wake' | 'watch' | 'catchUp' | 'reconnected'>;

/**
 * Outlook sync runs on the leading replica, but what sets it going (a notification recorded, a meeting organized,
 * a person reconnecting, the admin resuming the integration) can happen on any replica: each becomes a change on
 * the feed, and every replica hands the changes it hears to its own worker, which acts only while it runs
 * (on the leader). With one process the feed is in-process and this is a direct call.
 */
export function routeSyncSignals(worker: SyncWorker, changes: ChangeFeed): SyncSignals {
  changes.subscribe((change) => {
    if (change.topic === 'resync') {
      // Notifications recorded meanwhile may not have been heard of: look at the inbox now.
      worker.wake();
      return;
    }
    if (change.topic !== 'sync') return;
    if (change.what === 'inbox') worker.wake();
    else if (change.what === 'catch_up') worker.catchUp();
    else if ('tenantId' in change) {
      if (change.what === 'watch') worker.watch(change.tenantId, change.userId);
      else worker.reconnected(change.tenantId, change.userId);
    }
  });
  return {
    wake: () => changes.publish({ topic: 'sync', what: 'inbox' }),
    catchUp: () => changes.publish({ topic: 'sync', what: 'catch_up' }),
    watch: (tenantId, userId) => changes.publish({ topic: 'sync', what: 'watch', tenantId, userId }),
    reconnected: (tenantId, userId) => changes.publish({ topic: 'sync', what: 'reconnected', tenantId, userId }),
  };
}
