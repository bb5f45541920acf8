import { describe, expect, it } from 'vitest';
import { clientStateDigest } from '../domain/client-state.ts';
import type { GraphSubscription, SubscriptionStore } from './subscription-store.ts';

export function aSubscription(overrides: Partial<GraphSubscription> = {}): GraphSubscription {
  return {
    id: 'sub-1',
    tenantId: 'tenant-a',
    userId: 'oid-megan',
    resource: '/users/oid-megan/events',
    mode: 'tenant',
    clientStateDigest: clientStateDigest('secret-1'),
    expiresAt: '2026-11-28T09:00:00.000Z',
    createdAt: '2026-11-23T09:00:00.000Z',
    renewedAt: null,
    status: { state: 'active' },
    ...overrides,
  };
}

/** One contract suite for every SubscriptionStore implementation (memory, SQLite, PostgreSQL). */
export function subscriptionStoreContract(name: string, create: () => SubscriptionStore | Promise<SubscriptionStore>) {
  describe(`SubscriptionStore contract: ${name}`, () => {
    it('finds what it saved by id, every field kept', async () => {
      const store = await create();
      const failed = aSubscription({
        id: 'sub-2',
        mode: 'user',
        renewedAt: '2026-11-24T09:00:00.000Z',
        status: { state: 'failed', reason: 'consent revoked' },
      });
      await store.save(aSubscription());
      await store.save(failed);
      expect(await store.find('sub-1')).toEqual(aSubscription());
      expect(await store.find('sub-2')).toEqual(failed);
      expect(await store.find('sub-3')).toBeUndefined();
    });

    it('replaces a subscription saved again under the same id (a renewal)', async () => {
      const store = await create();
      await store.save(aSubscription());
      const renewed = aSubscription({ expiresAt: '2026-11-30T09:00:00.000Z', renewedAt: '2026-11-25T09:00:00.000Z' });
      await store.save(renewed);
      expect(await store.find('sub-1')).toEqual(renewed);
      expect(await store.findByUser('tenant-a', 'oid-megan')).toEqual([renewed]);
    });

    it("lists a person's subscriptions, oldest first, within their tenant only", async () => {
      const store = await create();
      const newer = aSubscription({ id: 'sub-2', createdAt: '2026-11-24T09:00:00.000Z' });
      await store.save(newer);
      await store.save(aSubscription());
      await store.save(aSubscription({ id: 'sub-3', userId: 'oid-alex', resource: '/users/oid-alex/events' }));
      await store.save(aSubscription({ id: 'sub-4', tenantId: 'tenant-b' }));
      expect((await store.findByUser('tenant-a', 'oid-megan')).map((s) => s.id)).toEqual(['sub-1', 'sub-2']);
      expect(await store.findByUser('tenant-c', 'oid-megan')).toEqual([]);
    });

    it('marks a subscription removed with its reason and keeps it; an unknown id changes nothing', async () => {
      const store = await create();
      await store.save(aSubscription());
      await store.markRemoved('sub-1', 'subscriptionRemoved');
      await store.markRemoved('sub-9', 'subscriptionRemoved');
      expect((await store.find('sub-1'))?.status).toEqual({ state: 'removed', reason: 'subscriptionRemoved' });
      expect(await store.find('sub-9')).toBeUndefined();
    });

    it('lists active subscriptions, all or those expiring strictly before an instant, soonest first', async () => {
      const store = await create();
      await store.save(aSubscription({ id: 'late', expiresAt: '2026-11-27T12:00:00.000Z' }));
      await store.save(aSubscription({ id: 'soon', expiresAt: '2026-11-26T12:00:00.000Z' }));
      await store.save(aSubscription({ id: 'at-instant', expiresAt: '2026-11-28T00:00:00.000Z' }));
      await store.save(aSubscription({ id: 'removed', expiresAt: '2026-11-25T12:00:00.000Z' }));
      await store.markRemoved('removed', 'no upcoming meetings');
      await store.save(
        aSubscription({
          id: 'failed',
          expiresAt: '2026-11-25T12:00:00.000Z',
          status: { state: 'failed', reason: 'x' },
        }),
      );
      const due = await store.listExpiringBefore('2026-11-28T00:00:00.000Z');
      expect(due.map((s) => s.id)).toEqual(['soon', 'late']);
      // Without a bound: every active one, the one expiring at the instant included.
      expect((await store.listActive()).map((s) => s.id)).toEqual(['soon', 'late', 'at-instant']);
    });
  });
}
