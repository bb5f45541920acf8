import type { PendingSignIn, PendingSignInStore } from '@confer/bot/sign-in';
import { describe, expect, it } from 'vitest';

/** One contract suite for every PendingSignInStore implementation (memory, SQLite, PostgreSQL). */
export function pendingSignInStoreContract(
  name: string,
  create: () => PendingSignInStore | Promise<PendingSignInStore>,
) {
  const at = new Date('2026-11-21T09:00:00.000Z');
  const later = (minutes: number) => new Date(at.getTime() + minutes * 60_000);
  const megan: PendingSignIn = {
    tenantId: 'tenant-a',
    aadObjectId: 'oid-megan',
    activity: { type: 'message', text: 'schedule with Alex', conversation: { id: 'a:1' }, locale: 'de-DE' },
    createdAt: at,
    expiresAt: later(15),
  };

  describe(`PendingSignInStore contract: ${name}`, () => {
    it('finds what it saved, activity included, without removing it', async () => {
      const store = await create();
      await store.save(megan);
      expect(await store.find('tenant-a', 'oid-megan', later(1))).toEqual(megan);
      expect(await store.find('tenant-a', 'oid-megan', later(1))).toEqual(megan);
    });

    it('keeps one action per person, the newer replacing the older', async () => {
      const store = await create();
      await store.save(megan);
      const click = { ...megan, activity: { type: 'invoke', name: 'adaptiveCard/action' }, createdAt: later(2) };
      await store.save(click);
      expect(await store.take('tenant-a', 'oid-megan', later(3))).toEqual(click);
    });

    it('take answers the action once', async () => {
      const store = await create();
      await store.save(megan);
      const [first, second] = await Promise.all([
        store.take('tenant-a', 'oid-megan', later(1)),
        store.take('tenant-a', 'oid-megan', later(1)),
      ]);
      expect([first, second].filter(Boolean)).toEqual([megan]);
      expect(await store.find('tenant-a', 'oid-megan', later(1))).toBeUndefined();
    });

    it('an expired action is not answered, and prune drops it', async () => {
      const store = await create();
      await store.save(megan);
      await store.save({ ...megan, aadObjectId: 'oid-alex', expiresAt: later(60) });
      expect(await store.find('tenant-a', 'oid-megan', later(15))).toBeUndefined();
      expect(await store.prune(later(20))).toBe(1);
      expect(await store.take('tenant-a', 'oid-megan', later(1))).toBeUndefined();
      expect(await store.find('tenant-a', 'oid-alex', later(20))).toBeDefined();
    });

    it('scopes by tenant', async () => {
      const store = await create();
      await store.save(megan);
      expect(await store.take('tenant-b', 'oid-megan', later(1))).toBeUndefined();
      expect(await store.find('tenant-a', 'oid-megan', later(1))).toEqual(megan);
    });
  });
}
