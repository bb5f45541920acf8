import type { ClaimedJob } from '@confer/bot/delivery';
import type { OutboundMessage } from '@confer/bot/ports';
import { describe, expect, it } from 'vitest';
import type { OutboundStore } from '../adapters/sqlite/outbound-queue-store.ts';

const t0 = new Date('2026-11-20T09:00:00.000Z');
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
const lease = (now: Date) => new Date(now.getTime() + 60_000);

export function reminder(key: string, notBefore = t0, payload: Record<string, unknown> = {}): OutboundMessage {
  return { key, tenantId: 'tenant-a', userId: 'oid-megan', kind: 'reminder', payload, notBefore };
}

async function claimAll(store: OutboundStore, now: Date, token = 'w1', limit = 100): Promise<ClaimedJob[]> {
  return store.claim({ now, limit, claimToken: token, leaseUntil: lease(now) });
}

async function send(store: OutboundStore, job: ClaimedJob, now: Date): Promise<void> {
  expect(
    await store.markSending(job, { deliveryId: `d-${job.message.key}`, conversationId: 'a:1', leaseUntil: lease(now) }),
  ).toBe(true);
  expect(
    await store.markSent({ ...job, state: 'sending' }, { activityId: `act-${job.message.key}`, sentAt: now }),
  ).toBe(true);
}

/** One contract suite for every outbound queue implementation (memory, SQLite, PostgreSQL). */
export function outboundQueueContract(name: string, create: () => OutboundStore | Promise<OutboundStore>) {
  describe(`OutboundQueue contract: ${name}`, () => {
    it('enqueues idempotently by key: a second enqueue, pending or sent, changes nothing', async () => {
      const store = await create();
      await store.enqueue([reminder('r:1', t0, { v: 1 })]);
      await store.enqueue([reminder('r:1', at(5), { v: 2 })]);
      const [job] = await claimAll(store, t0);
      expect(job?.message).toEqual(reminder('r:1', t0, { v: 1 }));
      await send(store, job as ClaimedJob, t0);
      await store.enqueue([reminder('r:1', t0, { v: 3 })]);
      expect(await claimAll(store, at(60))).toEqual([]);
      expect((await store.get('r:1'))?.state).toBe('sent');
    });

    it('claims only due messages, earliest first, up to the limit, each once while its lease runs', async () => {
      const store = await create();
      await store.enqueue([reminder('r:late', at(10)), reminder('r:b', at(2)), reminder('r:a', at(1))]);
      expect((await claimAll(store, at(0))).map((job) => job.message.key)).toEqual([]);
      const first = await store.claim({ now: at(5), limit: 1, claimToken: 'w1', leaseUntil: lease(at(5)) });
      expect(first.map((job) => [job.message.key, job.state, job.claimToken])).toEqual([['r:a', 'claimed', 'w1']]);
      expect((await claimAll(store, at(5), 'w2')).map((job) => job.message.key)).toEqual(['r:b']);
      expect(await claimAll(store, at(5), 'w3')).toEqual([]);
    });

    it('takes over an expired lease; the first holder can then change nothing', async () => {
      const store = await create();
      await store.enqueue([reminder('r:1')]);
      const [stale] = await claimAll(store, t0, 'w1');
      const [taken] = await claimAll(store, at(2), 'w2');
      expect(taken?.claimToken).toBe('w2');
      const job = stale as ClaimedJob;
      expect(await store.markSending(job, { deliveryId: 'd', conversationId: 'c', leaseUntil: at(3) })).toBe(false);
      expect(await store.finish(job, { state: 'failed', reason: 'x', at: t0 })).toBe(false);
      expect(await store.release(job, { notBefore: t0, error: null, inDoubt: false, countAttempt: false })).toBe(false);
      await send(store, taken as ClaimedJob, at(2));
      expect(await store.get('r:1')).toMatchObject({ state: 'sent', attempts: 1, activityId: 'act-r:1' });
    });

    it('keeps a send in doubt: after a crash the next claim sees it as sending, with its delivery id', async () => {
      const store = await create();
      await store.enqueue([reminder('r:1')]);
      const [job] = await claimAll(store, t0, 'w1');
      await store.markSending(job as ClaimedJob, { deliveryId: 'd-1', conversationId: 'a:1', leaseUntil: lease(t0) });
      expect(await claimAll(store, at(0.5), 'w2')).toEqual([]);
      const [again] = await claimAll(store, at(2), 'w2');
      expect(again).toMatchObject({ state: 'sending', deliveryId: 'd-1', attempts: 1, claimToken: 'w2' });
    });

    it('releases for a retry: pending again at the new time, or still in doubt when the send may have arrived', async () => {
      const store = await create();
      await store.enqueue([reminder('r:retry'), reminder('r:doubt')]);
      const jobs = await claimAll(store, t0);
      const retry = jobs.find((job) => job.message.key === 'r:retry') as ClaimedJob;
      const doubt = jobs.find((job) => job.message.key === 'r:doubt') as ClaimedJob;
      await store.markSending(doubt, { deliveryId: 'd-2', conversationId: 'a:1', leaseUntil: lease(t0) });
      const release = { notBefore: at(3), error: 'http_429', countAttempt: false };
      expect(await store.release(retry, { ...release, inDoubt: false })).toBe(true);
      expect(await store.release({ ...doubt, state: 'sending' }, { ...release, inDoubt: true })).toBe(true);
      expect(await claimAll(store, at(2), 'w2')).toEqual([]);
      expect(await store.nextDue()).toEqual(at(3));
      const later = await claimAll(store, at(3), 'w2');
      expect(later.map((job) => [job.message.key, job.state, job.deliveryId]).sort()).toEqual([
        ['r:doubt', 'sending', 'd-2'],
        ['r:retry', 'claimed', null],
      ]);
    });

    it('finishes a message for good with a reason', async () => {
      const store = await create();
      await store.enqueue([reminder('r:1')]);
      const [job] = await claimAll(store, t0);
      expect(await store.finish(job as ClaimedJob, { state: 'failed', reason: 'message_writes_blocked', at: t0 })).toBe(
        true,
      );
      expect(await claimAll(store, at(100))).toEqual([]);
      expect(await store.get('r:1')).toMatchObject({ state: 'failed', reason: 'message_writes_blocked' });
      expect((await store.countByState()).failed).toBe(1);
    });

    it('cancels pending and claimed messages by key prefix only, never one being sent or sent', async () => {
      const store = await create();
      await store.enqueue([
        reminder('reminder:m1:a', at(1)),
        reminder('reminder:m1:b', at(1)),
        reminder('reminder:m1:c', at(1)),
        reminder('reminder:m1:d', at(50)),
        reminder('reminder:m10:a', at(50)),
        reminder('reminder:m1_x', at(50)),
      ]);
      const claimed = await store.claim({ now: at(1), limit: 3, claimToken: 'w', leaseUntil: lease(at(1)) });
      const [sending, sent, held] = claimed.sort((a, b) => a.message.key.localeCompare(b.message.key));
      await send(store, sent as ClaimedJob, at(1));
      await store.markSending(sending as ClaimedJob, {
        deliveryId: 'd',
        conversationId: 'c',
        leaseUntil: lease(at(1)),
      });
      expect(await store.cancelPending('reminder:m1:')).toBe(2);
      expect(
        await store.markSending(held as ClaimedJob, { deliveryId: 'd', conversationId: 'c', leaseUntil: at(2) }),
      ).toBe(false);
      expect(await store.get('reminder:m1:d')).toBeUndefined();
      expect((await store.get('reminder:m10:a'))?.state).toBe('pending');
      expect((await store.get('reminder:m1_x'))?.state).toBe('pending');
      expect((await store.get('reminder:m1:a'))?.state).toBe('sending');
      expect((await store.get('reminder:m1:b'))?.state).toBe('sent');
      await store.enqueue([reminder('reminder:m1:d', at(60))]);
      expect((await store.get('reminder:m1:d'))?.state).toBe('pending');
    });

    it('lists recent sends oldest first, for the rate limiter after a restart', async () => {
      const store = await create();
      await store.enqueue([reminder('r:1'), reminder('r:2')]);
      const jobs = await claimAll(store, t0);
      await send(store, jobs[1] as ClaimedJob, at(1));
      await send(store, jobs[0] as ClaimedJob, at(2));
      expect(await store.recentSends(at(1.5))).toEqual([
        { tenantId: 'tenant-a', conversationId: 'a:1', sentAt: at(2).getTime() },
      ]);
    });

    it('refuses a batch with an invalid message and writes none of it', async () => {
      const store = await create();
      const bad = { ...reminder('r:bad'), kind: 'spam' } as unknown as OutboundMessage;
      await expect(store.enqueue([reminder('r:ok'), bad])).rejects.toMatchObject({
        code: 'internal_error',
        details: { reason: 'invalid_argument', field: 'kind' },
      });
      await expect(store.enqueue([{ ...reminder('r:x'), notBefore: new Date('nope') }])).rejects.toThrow(/notBefore/);
      await expect(store.cancelPending('')).rejects.toThrow(/prefix/);
      expect(await store.get('r:ok')).toBeUndefined();
      expect(await store.nextDue()).toBeNull();
    });
  });
}
