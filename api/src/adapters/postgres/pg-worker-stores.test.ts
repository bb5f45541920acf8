import { describe, expect, it } from 'vitest';
import { conversationStoreContract } from '../../ports/conversation-store.contract.ts';
import { deltaStateStoreContract } from '../../ports/delta-state-store.contract.ts';
import { aChange, notificationInboxContract } from '../../ports/notification-inbox.contract.ts';
import { outboundQueueContract } from '../../ports/outbound-queue.contract.ts';
import { subscriptionStoreContract } from '../../ports/subscription-store.contract.ts';
import { usePostgresSchemas } from '../../test-support/postgres.ts';
import { createPostgresConversationStore, createPostgresTenantServiceUrlLookup } from './pg-conversation-store.ts';
import type { PgDatabase } from './pg-database.ts';
import { createPostgresDeltaStateStore } from './pg-delta-state-store.ts';
import { createPostgresNotificationInbox } from './pg-notification-inbox.ts';
import { createPostgresOutboundStore } from './pg-outbound-queue-store.ts';
import { createPostgresSubscriptionStore } from './pg-subscription-store.ts';

const schemas = usePostgresSchemas();
const clock = { now: () => new Date('2026-11-20T09:00:00.000Z') };

/**
 * Each suite gets a schema of its own, emptied before each of its tests: every test starts from an empty store,
 * as with SQLite's fresh in-memory database, without migrating a new schema for each one.
 */
function emptied<T>(table: string, make: (db: PgDatabase) => T): () => Promise<T> {
  let opened: Promise<PgDatabase> | undefined;
  return async () => {
    opened ??= schemas.open();
    const db = await opened;
    await db.execute(`TRUNCATE ${table} RESTART IDENTITY`);
    return make(db);
  };
}

outboundQueueContract(
  'PostgreSQL',
  emptied('outbound_messages', (db) => createPostgresOutboundStore(db, clock)),
);
conversationStoreContract('PostgreSQL', emptied('bot_conversations', createPostgresConversationStore));
subscriptionStoreContract('PostgreSQL', emptied('graph_subscriptions', createPostgresSubscriptionStore));
notificationInboxContract('PostgreSQL', emptied('graph_inbox', createPostgresNotificationInbox));
deltaStateStoreContract('PostgreSQL', emptied('graph_delta_state', createPostgresDeltaStateStore));

describe('PostgreSQL bot and Outlook sync stores', () => {
  it('records nothing of a notification batch when one row cannot be written', async () => {
    const inbox = createPostgresNotificationInbox(await schemas.open());
    // A row naming neither a change nor a lifecycle event breaks the table's check: the batch rolls back.
    const broken = aChange({ dedupeKey: 'broken', changeType: null });
    await expect(inbox.record([aChange({ dedupeKey: 'fine' }), broken])).rejects.toMatchObject({
      details: { reason: 'constraint' },
    });
    expect(await inbox.listPending(10)).toEqual([]);
  });

  it('records a repeat once when two replicas accept the same delivery at the same time', async () => {
    const first = await schemas.open();
    const second = await schemas.open({ schema: first.schema });
    const batch = Array.from({ length: 50 }, (_, index) => aChange({ dedupeKey: `k-${index}` }));
    const added = await Promise.all(
      [first, second, first, second].map((db) => createPostgresNotificationInbox(db).record(batch)),
    );
    expect(added.reduce((sum, n) => sum + n, 0)).toBe(50);
    expect(await createPostgresNotificationInbox(first).listPending(100)).toHaveLength(50);
  });

  it("answers the service URL of the tenant's latest conversation, and none for another tenant", async () => {
    const db = await schemas.open();
    const store = createPostgresConversationStore(db);
    const conversation = {
      tenantId: 'tenant-a',
      aadObjectId: 'oid-megan',
      userId: '29:megan',
      userName: null,
      conversationId: 'a:1',
      serviceUrl: 'https://smba.trafficmanager.net/emea/',
      channelId: 'msteams',
      reference: {},
      updatedAt: '2026-11-21T09:00:00.000Z',
    };
    await store.save(conversation);
    await store.save({
      ...conversation,
      aadObjectId: 'oid-alex',
      serviceUrl: 'https://smba.trafficmanager.net/amer/',
      updatedAt: '2026-11-22T09:00:00.000Z',
    });
    const lookup = createPostgresTenantServiceUrlLookup(db);
    expect(await lookup('tenant-a')).toBe('https://smba.trafficmanager.net/amer/');
    expect(await lookup('tenant-b')).toBeNull();
  });
});
