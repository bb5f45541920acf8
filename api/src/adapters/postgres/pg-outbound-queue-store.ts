import { type OutboundState, zeroStateCounts } from '@confer/bot/delivery';
import type { Clock } from '../../ports/clock.ts';
import type { OutboundStore } from '../sqlite/outbound-queue-store.ts';
import { type OutboundRow, toClaimedJob, toRecord } from '../sqlite/outbound-rows.ts';
import { assertKeyPrefix, assertOutboundMessages } from '../sqlite/outbound-validation.ts';
import type { PgDatabase } from './pg-database.ts';
import { outboundSql as sql } from './pg-outbound-queue-store-sql.ts';

/** Above every character a key can hold, so [prefix, prefix + this) is exactly the keys with that prefix. */
const AFTER_PREFIX = '\u{10FFFF}';

/**
 * The durable outbound queue in PostgreSQL: enqueued by every replica, drained by the delivery workers of every
 * replica at once. Rows stay after sending, which is what makes enqueue idempotent by key.
 */
export function createPostgresOutboundStore(db: PgDatabase, clock: Clock): OutboundStore {
  const held = async (statement: string, params: readonly unknown[]) => (await db.execute(statement, params)) === 1;

  return {
    async enqueue(messages) {
      assertOutboundMessages(messages);
      if (messages.length === 0) return;
      await db.execute(sql.enqueue, [
        messages.map((message) => message.key),
        messages.map((message) => message.tenantId),
        messages.map((message) => message.userId),
        messages.map((message) => message.kind),
        messages.map((message) => JSON.stringify(message.payload)),
        messages.map((message) => message.notBefore.getTime()),
        clock.now(),
      ]);
    },
    async cancelPending(keyPrefix) {
      assertKeyPrefix(keyPrefix);
      return db.execute(sql.cancel, [keyPrefix, keyPrefix + AFTER_PREFIX]);
    },
    async claim({ now, limit, claimToken, leaseUntil }) {
      const rows = await db.query<OutboundRow>(sql.claim, [
        now.getTime(),
        limit,
        claimToken,
        leaseUntil.getTime(),
        now,
      ]);
      return rows.map(toClaimedJob).sort((a, b) => a.message.notBefore.getTime() - b.message.notBefore.getTime());
    },
    async markSending(job, { deliveryId, conversationId, leaseUntil }) {
      const { key } = job.message;
      return held(sql.markSending, [
        key,
        job.claimToken,
        deliveryId,
        conversationId,
        leaseUntil.getTime(),
        clock.now(),
      ]);
    },
    async markSent(job, { activityId, sentAt }) {
      return held(sql.markSent, [job.message.key, job.claimToken, activityId, sentAt.getTime(), clock.now()]);
    },
    async release(job, { notBefore, error, inDoubt, countAttempt }) {
      const { key } = job.message;
      const counted = countAttempt ? 1 : 0;
      return held(sql.release, [key, job.claimToken, notBefore.getTime(), inDoubt, counted, error, clock.now()]);
    },
    async finish(job, { state, reason, at }) {
      return held(sql.finish, [job.message.key, job.claimToken, state, reason, at]);
    },
    async recentSends(since) {
      const rows = await db.query<{ tenant_id: string; conversation_id: string; sent_at_ms: number }>(sql.recentSends, [
        since.getTime(),
      ]);
      return rows.map((row) => ({
        tenantId: row.tenant_id,
        conversationId: row.conversation_id,
        sentAt: row.sent_at_ms,
      }));
    },
    async nextDue() {
      const [row] = await db.query<{ pending: number | null; leased: number | null }>(sql.nextDue);
      const times = [row?.pending ?? null, row?.leased ?? null].filter((at): at is number => at !== null);
      return times.length === 0 ? null : new Date(Math.min(...times));
    },
    async get(key) {
      const [row] = await db.query<OutboundRow>(sql.get, [key]);
      return row ? toRecord(row) : undefined;
    },
    async countByState() {
      const counts = zeroStateCounts();
      for (const row of await db.query<{ state: OutboundState; n: number }>(sql.countByState))
        counts[row.state] = row.n;
      return counts;
    },
  };
}
