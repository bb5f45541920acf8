import {
  type OutboundInspector,
  type OutboundJobStore,
  type OutboundState,
  zeroStateCounts,
} from '@confer/bot/delivery';
import type { OutboundQueue } from '@confer/bot/ports';
import type { Clock } from '../../ports/clock.ts';
import type { SqliteDatabase } from './database.ts';
import { type OutboundRow, toClaimedJob, toRecord } from './outbound-rows.ts';
import { prepareOutboundStatements } from './outbound-statements.ts';
import { assertKeyPrefix, assertOutboundMessages } from './outbound-validation.ts';

export type OutboundStore = OutboundQueue & OutboundJobStore & OutboundInspector;

/** Above every character a key can hold, so [prefix, prefix + this) is exactly the keys with that prefix. */
const AFTER_PREFIX = '\u{10FFFF}';

/**
 * The durable outbound queue: enqueued by the app, drained by the delivery worker, in the app's SQLite
 * file. Rows stay after sending, which is what makes enqueue idempotent by key.
 */
export function createSqliteOutboundStore(db: SqliteDatabase, clock: Clock): OutboundStore {
  const sql = prepareOutboundStatements(db);
  const nowIso = () => clock.now().toISOString();
  const insertAll = db.transaction((rows: Record<string, unknown>[]) => {
    for (const row of rows) sql.insert.run(row);
  });

  return {
    async enqueue(messages) {
      assertOutboundMessages(messages);
      const now = nowIso();
      insertAll(
        messages.map((message) => ({
          key: message.key,
          tenantId: message.tenantId,
          userId: message.userId,
          kind: message.kind,
          payload: JSON.stringify(message.payload),
          notBefore: message.notBefore.getTime(),
          now,
        })),
      );
    },
    async cancelPending(keyPrefix) {
      assertKeyPrefix(keyPrefix);
      return sql.cancel.run({ prefix: keyPrefix, upper: keyPrefix + AFTER_PREFIX }).changes;
    },
    async claim({ now, limit, claimToken, leaseUntil }) {
      const rows = sql.claim.all({
        token: claimToken,
        leaseUntil: leaseUntil.getTime(),
        now: now.toISOString(),
        nowMs: now.getTime(),
        limit,
      }) as OutboundRow[];
      return rows.map(toClaimedJob).sort((a, b) => a.message.notBefore.getTime() - b.message.notBefore.getTime());
    },
    async markSending(job, { deliveryId, conversationId, leaseUntil }) {
      const params = { key: job.message.key, token: job.claimToken, deliveryId, conversationId, now: nowIso() };
      return sql.markSending.run({ ...params, leaseUntil: leaseUntil.getTime() }).changes === 1;
    },
    async markSent(job, { activityId, sentAt }) {
      const params = { key: job.message.key, token: job.claimToken, activityId, sentAt: sentAt.getTime() };
      return sql.markSent.run({ ...params, now: nowIso() }).changes === 1;
    },
    async release(job, { notBefore, error, inDoubt, countAttempt }) {
      return (
        sql.release.run({
          key: job.message.key,
          token: job.claimToken,
          notBefore: notBefore.getTime(),
          error,
          inDoubt: inDoubt ? 1 : 0,
          counted: countAttempt ? 1 : 0,
          now: nowIso(),
        }).changes === 1
      );
    },
    async finish(job, { state, reason, at }) {
      const params = { key: job.message.key, token: job.claimToken, state, reason };
      return sql.finish.run({ ...params, now: at.toISOString() }).changes === 1;
    },
    async recentSends(since) {
      const rows = sql.recentSends.all(since.getTime()) as {
        tenant_id: string;
        conversation_id: string;
        sent_at_ms: number;
      }[];
      return rows.map((row) => ({
        tenantId: row.tenant_id,
        conversationId: row.conversation_id,
        sentAt: row.sent_at_ms,
      }));
    },
    async nextDue() {
      const pending = (sql.nextPending.get() as { at: number | null }).at;
      const lease = (sql.nextLease.get() as { at: number | null }).at;
      const times = [pending, lease].filter((at): at is number => at !== null);
      return times.length === 0 ? null : new Date(Math.min(...times));
    },
    async get(key) {
      const row = sql.get.get(key) as OutboundRow | undefined;
      return row ? toRecord(row) : undefined;
    },
    async countByState() {
      const counts = zeroStateCounts();
      for (const row of sql.countByState.all() as { state: OutboundState; n: number }[]) counts[row.state] = row.n;
      return counts;
    },
  };
}
