import type { ConversationStore, StoredConversation } from '@confer/bot/ports';
import { describe, expect, it } from 'vitest';

/** One contract suite for every ConversationStore implementation (fake, SQLite, PostgreSQL). */
export function conversationStoreContract(name: string, create: () => ConversationStore | Promise<ConversationStore>) {
  const megan: StoredConversation = {
    tenantId: 'tenant-a',
    aadObjectId: 'oid-megan',
    userId: '29:megan',
    userName: 'Megan Bowen',
    conversationId: 'a:conv-1',
    serviceUrl: 'https://smba.trafficmanager.net/emea/',
    channelId: 'msteams',
    reference: { conversation: { id: 'a:conv-1' }, user: { id: '29:megan' } },
    updatedAt: '2026-11-21T09:00:00.000Z',
  };

  describe(`ConversationStore contract: ${name}`, () => {
    it('finds what it saved, reference included', async () => {
      const store = await create();
      await store.save(megan);
      expect(await store.find('tenant-a', 'oid-megan')).toEqual(megan);
    });

    it('keeps one conversation per user and tenant, the latest winning', async () => {
      const store = await create();
      await store.save(megan);
      await store.save({ ...megan, conversationId: 'a:conv-2', updatedAt: '2026-11-22T09:00:00.000Z' });
      expect((await store.find('tenant-a', 'oid-megan'))?.conversationId).toBe('a:conv-2');
    });

    it('scopes by tenant', async () => {
      const store = await create();
      await store.save(megan);
      expect(await store.find('tenant-b', 'oid-megan')).toBeUndefined();
    });

    it('removes', async () => {
      const store = await create();
      await store.save(megan);
      await store.remove('tenant-a', 'oid-megan');
      expect(await store.find('tenant-a', 'oid-megan')).toBeUndefined();
    });
  });
}
