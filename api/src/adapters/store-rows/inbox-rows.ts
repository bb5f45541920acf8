import type { AcceptedNotification, InboxEntry } from '../../ports/notification-inbox.ts';

/** A graph_inbox row; `I` is how the database returns its instant (ISO text in SQLite, Date in PostgreSQL). */
export interface InboxRow<I> {
  seq: number;
  dedupe_key: string;
  subscription_id: string;
  tenant_id: string;
  change_type: AcceptedNotification['changeType'];
  resource: string | null;
  resource_id: string | null;
  change_key: string | null;
  lifecycle_event: AcceptedNotification['lifecycleEvent'];
  received_at: I;
  state: InboxEntry['state'];
}

/** `receivedAt` is the row's instant as ISO text, the form an entry carries. */
export function inboxEntryFromRow<I>(row: InboxRow<I>, receivedAt: string): InboxEntry {
  return {
    seq: row.seq,
    dedupeKey: row.dedupe_key,
    subscriptionId: row.subscription_id,
    tenantId: row.tenant_id,
    changeType: row.change_type,
    resource: row.resource,
    resourceId: row.resource_id,
    changeKey: row.change_key,
    lifecycleEvent: row.lifecycle_event,
    receivedAt,
    state: row.state,
  };
}
