import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { conversationStoreContract } from '../../ports/conversation-store.contract.ts';
import { openDatabase } from './database.ts';
import { migrations } from './migrations.ts';
import { createSqliteConversationStore, createTenantServiceUrlLookup } from './sqlite-conversation-store.ts';

conversationStoreContract('SQLite', () => createSqliteConversationStore(openDatabase(':memory:')));

describe('SQLite store on disk', () => {
  const dir = mkdtempSync(join(tmpdir(), 'confer-store-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps conversations across a restart and applies migrations once', async () => {
    const file = join(dir, 'confer.db');
    const first = openDatabase(file);
    await createSqliteConversationStore(first).save({
      tenantId: 't',
      aadObjectId: 'o',
      userId: 'u',
      userName: null,
      conversationId: 'c',
      serviceUrl: 'http://localhost/_connector',
      channelId: 'msteams',
      reference: {},
      updatedAt: '2026-11-21T00:00:00.000Z',
    });
    first.close();
    const second = openDatabase(file);
    expect(second.pragma('journal_mode', { simple: true })).toBe('wal');
    expect((await createSqliteConversationStore(second).find('t', 'o'))?.conversationId).toBe('c');
    expect(second.prepare('SELECT count(*) AS n FROM schema_migrations').get()).toEqual({ n: migrations.length });
    second.close();
  });
});

describe('tenant service URL lookup', () => {
  it("answers the service URL of the tenant's most recently updated conversation, or null", async () => {
    const db = openDatabase(':memory:');
    const store = createSqliteConversationStore(db);
    const base = {
      userId: 'u',
      userName: null,
      conversationId: 'c',
      channelId: 'msteams',
      reference: {},
    };
    await store.save({
      ...base,
      tenantId: 't',
      aadObjectId: 'a',
      serviceUrl: 'https://old/',
      updatedAt: '2026-11-01T00:00:00.000Z',
    });
    await store.save({
      ...base,
      tenantId: 't',
      aadObjectId: 'b',
      serviceUrl: 'https://new/',
      updatedAt: '2026-11-02T00:00:00.000Z',
    });
    const lookup = createTenantServiceUrlLookup(db);
    expect(await lookup('t')).toBe('https://new/');
    expect(await lookup('other')).toBeNull();
    db.close();
  });
});
