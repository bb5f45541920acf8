import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { deltaStateStoreContract } from '../../ports/delta-state-store.contract.ts';
import { aChange, notificationInboxContract } from '../../ports/notification-inbox.contract.ts';
import { aSubscription, subscriptionStoreContract } from '../../ports/subscription-store.contract.ts';
import { openDatabase, type SqliteDatabase } from './database.ts';
import { createSqliteDeltaStateStore } from './sqlite-delta-state-store.ts';
import { createSqliteNotificationInbox } from './sqlite-notification-inbox.ts';
import { createSqliteSubscriptionStore } from './sqlite-subscription-store.ts';

const opened: SqliteDatabase[] = [];
const dir = mkdtempSync(join(tmpdir(), 'confer-sync-'));
afterAll(() => {
  for (const db of opened) db.close();
  rmSync(dir, { recursive: true, force: true });
});

function open(file = ':memory:') {
  const db = openDatabase(file);
  opened.push(db);
  return db;
}

subscriptionStoreContract('SQLite', () => createSqliteSubscriptionStore(open()));
notificationInboxContract('SQLite', () => createSqliteNotificationInbox(open()));
deltaStateStoreContract('SQLite', () => createSqliteDeltaStateStore(open()));

describe('Graph sync stores on disk', () => {
  it('keep subscriptions and pending notifications across a restart, and still skip repeats', async () => {
    const file = join(dir, 'confer.db');
    const first = openDatabase(file);
    await createSqliteSubscriptionStore(first).save(aSubscription());
    await createSqliteNotificationInbox(first).record([aChange()]);
    first.close();
    const second = open(file);
    const inbox = createSqliteNotificationInbox(second);
    expect(await createSqliteSubscriptionStore(second).find('sub-1')).toEqual(aSubscription());
    expect(await inbox.record([aChange()])).toBe(0);
    expect((await inbox.listPending(10)).map((e) => e.dedupeKey)).toEqual([aChange().dedupeKey]);
  });

  it('records nothing of a batch when one row cannot be written', async () => {
    const inbox = createSqliteNotificationInbox(open());
    // A row naming neither a change nor a lifecycle event breaks the table's check: the batch rolls back.
    const broken = aChange({ dedupeKey: 'broken', changeType: null });
    await expect(inbox.record([aChange({ dedupeKey: 'fine' }), broken])).rejects.toThrow();
    expect(await inbox.listPending(10)).toEqual([]);
  });
});
