import type { AcceptedNotification, NotificationInbox } from '../../ports/notification-inbox.ts';
import { type InboxRow, inboxEntryFromRow } from '../store-rows/inbox-rows.ts';
import type { PgDatabase } from './pg-database.ts';

type Row = InboxRow<Date>;
const toEntry = (row: Row) => inboxEntryFromRow(row, row.received_at.toISOString());

/**
 * The batch as one statement (atomic on its own, one round trip while Graph waits for the answer), inserted in
 * the batch's order so seq is the order of recording. DO NOTHING without a conflict target skips a row that any
 * unique index refuses, the partial graph_inbox_once included (a repeat, in the batch or already stored); a row
 * breaking a check still fails the whole batch.
 */
const RECORD = `
  INSERT INTO graph_inbox
    (dedupe_key, subscription_id, tenant_id, change_type, resource, resource_id, change_key, lifecycle_event,
     received_at, state)
  SELECT dedupe_key, subscription_id, tenant_id, change_type, resource, resource_id, change_key, lifecycle_event,
         received_at, 'pending'
  FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
              $9::timestamptz[])
    WITH ORDINALITY AS batch (dedupe_key, subscription_id, tenant_id, change_type, resource, resource_id, change_key,
                              lifecycle_event, received_at, position)
  ORDER BY position
  ON CONFLICT DO NOTHING`;

/** The notification inbox in PostgreSQL: a batch is committed before the endpoint answers Graph. */
export function createPostgresNotificationInbox(db: PgDatabase): NotificationInbox {
  return {
    async record(notifications) {
      if (notifications.length === 0) return 0;
      const column = <T>(pick: (notification: AcceptedNotification) => T) => notifications.map(pick);
      return db.execute(RECORD, [
        column((n) => n.dedupeKey),
        column((n) => n.subscriptionId),
        column((n) => n.tenantId),
        column((n) => n.changeType),
        column((n) => n.resource),
        column((n) => n.resourceId),
        column((n) => n.changeKey),
        column((n) => n.lifecycleEvent),
        column((n) => new Date(n.receivedAt)),
      ]);
    },
    async listPending(limit) {
      const rows = await db.query<Row>("SELECT * FROM graph_inbox WHERE state = 'pending' ORDER BY seq LIMIT $1", [
        limit,
      ]);
      return rows.map(toEntry);
    },
    async markProcessed(seqs) {
      if (seqs.length === 0) return;
      await db.execute(
        "UPDATE graph_inbox SET state = 'processed' WHERE seq = ANY($1::bigint[]) AND state = 'pending'",
        [seqs],
      );
    },
    async pruneProcessed(receivedBefore) {
      return db.execute("DELETE FROM graph_inbox WHERE state = 'processed' AND received_at < $1", [
        new Date(receivedBefore),
      ]);
    },
  };
}
