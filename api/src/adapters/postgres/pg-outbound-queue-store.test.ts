import { describe, expect, it } from 'vitest';
import { reminder } from '../../ports/outbound-queue.contract.ts';
import { usePostgresSchemas } from '../../test-support/postgres.ts';
import type { PgDatabase } from './pg-database.ts';
import { createPostgresOutboundStore } from './pg-outbound-queue-store.ts';

const schemas = usePostgresSchemas();
const t0 = new Date('2026-11-20T09:00:00.000Z');
const clock = { now: () => t0 };
const LEASE_MS = 60_000;

/** Two app replicas on one database: a pool each, on the same schema. */
async function twoReplicas(): Promise<[PgDatabase, PgDatabase]> {
  const first = await schemas.open({ poolSize: 4 });
  return [first, await schemas.open({ schema: first.schema, poolSize: 4 })];
}

/** A replica's delivery workers: each claims small batches until nothing is due, answering the keys it got. */
async function drain(db: PgDatabase, token: string, now: Date, workers = 3): Promise<string[]> {
  const store = createPostgresOutboundStore(db, clock);
  const leaseUntil = new Date(now.getTime() + LEASE_MS);
  const claimed = await Promise.all(
    Array.from({ length: workers }, async () => {
      const keys: string[] = [];
      for (;;) {
        const jobs = await store.claim({ now, limit: 5, claimToken: token, leaseUntil });
        if (jobs.length === 0) return keys;
        keys.push(...jobs.map((job) => job.message.key));
      }
    }),
  );
  return claimed.flat();
}

async function tokensByKey(db: PgDatabase): Promise<Map<string, string | null>> {
  const rows = await db.query<{ key: string; claim_token: string | null }>(
    'SELECT key, claim_token FROM outbound_messages',
  );
  return new Map(rows.map((row) => [row.key, row.claim_token]));
}

describe('PostgreSQL outbound queue across replicas', () => {
  const keys = Array.from({ length: 2000 }, (_, index) => `reminder:m:${String(index).padStart(4, '0')}`);

  it('gives every due message to exactly one of two replicas claiming at the same time', async () => {
    const [a, b] = await twoReplicas();
    await createPostgresOutboundStore(a, clock).enqueue(keys.map((key) => reminder(key)));
    const [first, second] = await Promise.all([drain(a, 'replica-a', t0), drain(b, 'replica-b', t0)]);
    expect(first.length).toBeGreaterThan(0);
    expect(second.length).toBeGreaterThan(0);
    expect([...first, ...second].sort()).toEqual(keys);
    // Each message carries the token of the one replica that got it, so only that replica can go on with it.
    const tokens = await tokensByKey(a);
    expect(first.every((key) => tokens.get(key) === 'replica-a')).toBe(true);
    expect(second.every((key) => tokens.get(key) === 'replica-b')).toBe(true);
  });

  it('gives every expired lease to exactly one of two replicas, and the one left out can change nothing', async () => {
    const [a, b] = await twoReplicas();
    const store = createPostgresOutboundStore(a, clock);
    await store.enqueue(keys.map((key) => reminder(key)));
    const leaseUntil = new Date(t0.getTime() + LEASE_MS);
    const [held] = await store.claim({ now: t0, limit: 1, claimToken: 'crashed', leaseUntil });
    expect(await drain(a, 'crashed', t0)).toHaveLength(keys.length - 1);
    const later = new Date(t0.getTime() + LEASE_MS + 1);
    const [first, second] = await Promise.all([drain(a, 'replica-a', later), drain(b, 'replica-b', later)]);
    expect([...first, ...second].sort()).toEqual(keys);
    expect(await store.markSending(held!, { deliveryId: 'd', conversationId: 'c', leaseUntil: later })).toBe(false);
  });
});
