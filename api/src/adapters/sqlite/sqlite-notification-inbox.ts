import type { AcceptedNotification, NotificationInbox } from '../../ports/notification-inbox.ts';
import { type InboxRow, inboxEntryFromRow } from '../store-rows/inbox-rows.ts';
import type { SqliteDatabase } from './database.ts';

type Row = InboxRow<string>;
const toEntry = (row: Row) => inboxEntryFromRow(row, row.received_at);

/**
 * The notification inbox in SQLite. A batch is one transaction, committed before the endpoint answers, so what
 * Graph was told is accepted is on disk. Repeats are skipped by the unique index of migration 9.
 */
export function createSqliteNotificationInbox(db: SqliteDatabase): NotificationInbox {
  // DO NOTHING skips only a repeat (a uniqueness conflict); a row breaking a check still fails the whole batch.
  const insert = db.prepare(`
    INSERT INTO graph_inbox
      (dedupe_key, subscription_id, tenant_id, change_type, resource, resource_id, change_key, lifecycle_event,
       received_at, state)
    VALUES (@dedupeKey, @subscriptionId, @tenantId, @changeType, @resource, @resourceId, @changeKey, @lifecycleEvent,
            @receivedAt, 'pending')
    ON CONFLICT DO NOTHING`);
  const pending = db.prepare("SELECT * FROM graph_inbox WHERE state = 'pending' ORDER BY seq LIMIT ?");
  const prune = db.prepare("DELETE FROM graph_inbox WHERE state = 'processed' AND received_at < ?");
  const markOne = db.prepare("UPDATE graph_inbox SET state = 'processed' WHERE seq = ? AND state = 'pending'");
  const markAll = db.transaction((seqs: readonly number[]) => {
    for (const seq of seqs) markOne.run(seq);
  });
  const recordAll = db.transaction((notifications: readonly AcceptedNotification[]) => {
    let added = 0;
    for (const notification of notifications) added += insert.run(notification).changes;
    return added;
  });

  return {
    async record(notifications) {
      return recordAll(notifications);
    },
    async listPending(limit) {
      return (pending.all(limit) as Row[]).map(toEntry);
    },
    async markProcessed(seqs) {
      markAll(seqs);
    },
    async pruneProcessed(receivedBefore) {
      return prune.run(receivedBefore).changes;
    },
  };
}
