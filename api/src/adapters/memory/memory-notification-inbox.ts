import type { InboxEntry, NotificationInbox } from '../../ports/notification-inbox.ts';
import { copy } from './memory-state.ts';

/** The in-memory NotificationInbox, with SQLite's rule for repeats (migration 9). */
export function createMemoryNotificationInbox(): NotificationInbox {
  let entries: InboxEntry[] = [];
  const holdsKey = (key: string) =>
    entries.some((e) => e.dedupeKey === key && (e.lifecycleEvent === null || e.state === 'pending'));
  return {
    async record(notifications) {
      let added = 0;
      for (const notification of notifications) {
        if (holdsKey(notification.dedupeKey)) continue;
        entries.push({ ...copy(notification), seq: entries.length + 1, state: 'pending' });
        added += 1;
      }
      return added;
    },
    async listPending(limit) {
      return entries
        .filter((e) => e.state === 'pending')
        .slice(0, limit)
        .map(copy);
    },
    async pruneProcessed(receivedBefore) {
      const kept = entries.filter((e) => e.state === 'pending' || e.receivedAt >= receivedBefore);
      const removed = entries.length - kept.length;
      entries = kept;
      return removed;
    },
    async markProcessed(seqs) {
      const done = new Set(seqs);
      for (const entry of entries) if (done.has(entry.seq)) entry.state = 'processed';
    },
  };
}
