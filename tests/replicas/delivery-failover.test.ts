import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEASE_EVERY_MS, LEASE_TTL_MS } from '../../api/src/use-cases/replicas/leadership.ts';
import { deliveryErrors, REMINDER_BATCH } from '../../bench/lib/reminder-batch.ts';
import { runReplicatedDelivery } from '../../bench/lib/replicated-delivery-run.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

const { messages, people } = REMINDER_BATCH;

/**
 * Three delivery replicas on one PostgreSQL database, as production runs them: only the holder of the singleton
 * lease sends, so together they keep to Teams' per-tenant limit. The leader is SIGKILLed right after the connector
 * stored message 5,000 and before the leader heard back; a survivor takes the lease once it runs out and finishes.
 * At Teams' 50 messages/s the run takes about 3½ minutes.
 */
describe('proactive delivery on three PostgreSQL replicas, the leader killed halfway', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.drop();
  });

  it('delivers each of 10,000 reminders exactly once, one sender at a time, and hands over within seconds', async () => {
    const result = await runReplicatedDelivery({
      databaseUrl: database.url,
      messages,
      conversations: people,
      replicas: 3,
      killLeaderAfterAccepted: messages / 2,
    });

    // The replica killed was the one sending; another took over after it, and no term began before the previous
    // one had ended: never two senders at once. (A survivor may still get the lease once the work is done.)
    const [first, second] = result.leaders;
    expect(result.killed?.pid).toBe(first?.pid);
    expect(second?.pid).not.toBe(first?.pid);
    for (const [index, term] of result.leaders.entries()) {
      const previous = result.leaders[index - 1];
      if (previous) expect(term.at).toBeGreaterThanOrEqual(previous.until ?? Number.POSITIVE_INFINITY);
    }
    // It died at the worst moment: the connector had the message, the store did not know; the next leader
    // asked the connector (an update by the proposed id) instead of sending it again.
    expect(result.inDoubtAtKill).toBeGreaterThanOrEqual(1);
    expect(result.confirmations).toBeGreaterThanOrEqual(1);

    expect(deliveryErrors(result.keys, result.deliveries)).toEqual({ duplicates: 0, lost: 0 });
    expect(result.deliveries.size).toBe(messages);
    expect(result.finalStates).toMatchObject({ sent: messages, pending: 0, claimed: 0, sending: 0, failed: 0 });

    // The survivors ask every LEASE_EVERY_MS and get the lease once LEASE_TTL_MS has passed since the dead
    // leader's last renewal; the new leader then reads the last hour's sends and claims a batch.
    expect(result.takeoverMs).not.toBeNull();
    expect(result.takeoverMs).toBeLessThanOrEqual(LEASE_TTL_MS + LEASE_EVERY_MS + 3_000);

    // The connector answers 429 to any request over Teams' limits, so none got through over them. The limiter
    // counts a request when it lets it go, 25 ms inside each window; whatever delays one on its way more than that
    // (the store write before it, a busy event loop) bunches arrivals, and those draw a 429 and are retried after
    // its Retry-After: 0.4 % of requests on a quiet machine, 1.3 % on a busy one, one process on SQLite alike.
    // Two senders at once would draw one for every other request while they overlapped.
    expect(result.throttled).toBeLessThanOrEqual(messages * 0.03);
  }, 400_000);
});
