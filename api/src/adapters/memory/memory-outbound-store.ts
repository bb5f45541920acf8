import { type ClaimedJob, type OutboundState, zeroStateCounts } from '@confer/bot/delivery';
import type { OutboundMessage } from '@confer/bot/ports';
import type { OutboundStore } from '../sqlite/outbound-queue-store.ts';
import { assertKeyPrefix, assertOutboundMessages } from '../sqlite/outbound-validation.ts';

interface Entry {
  message: OutboundMessage;
  state: OutboundState;
  attempts: number;
  claimToken: string | null;
  leaseUntil: number | null;
  deliveryId: string | null;
  conversationId: string | null;
  activityId: string | null;
  reason: string | null;
  sentAt: number | null;
}

/** The in-memory outbound queue: the SQLite store's twin for unit tests (one process, no restarts). */
export function createMemoryOutboundStore(): OutboundStore {
  const entries = new Map<string, Entry>();
  const held = (job: ClaimedJob): Entry | undefined => {
    const entry = entries.get(job.message.key);
    const holds = entry?.claimToken === job.claimToken && (entry.state === 'claimed' || entry.state === 'sending');
    return holds ? entry : undefined;
  };
  const dueAt = (entry: Entry, now: number): number | null => {
    if (entry.state === 'pending')
      return entry.message.notBefore.getTime() <= now ? entry.message.notBefore.getTime() : null;
    if (entry.state === 'claimed' || entry.state === 'sending') {
      return entry.leaseUntil !== null && entry.leaseUntil <= now ? entry.leaseUntil : null;
    }
    return null;
  };

  return {
    async enqueue(messages) {
      assertOutboundMessages(messages);
      for (const message of messages) {
        if (entries.has(message.key)) continue;
        entries.set(message.key, {
          message: structuredClone(message),
          state: 'pending',
          attempts: 0,
          claimToken: null,
          leaseUntil: null,
          deliveryId: null,
          conversationId: null,
          activityId: null,
          reason: null,
          sentAt: null,
        });
      }
    },
    async cancelPending(keyPrefix) {
      assertKeyPrefix(keyPrefix);
      let removed = 0;
      for (const [key, entry] of entries) {
        if (key.startsWith(keyPrefix) && (entry.state === 'pending' || entry.state === 'claimed')) {
          entries.delete(key);
          removed++;
        }
      }
      return removed;
    },
    async claim({ now, limit, claimToken, leaseUntil }) {
      const due = [...entries.values()]
        .map((entry) => ({ entry, at: dueAt(entry, now.getTime()) }))
        .filter((item): item is { entry: Entry; at: number } => item.at !== null)
        .sort((a, b) => a.at - b.at)
        .slice(0, limit);
      return due.map(({ entry }) => {
        entry.state = entry.state === 'sending' ? 'sending' : 'claimed';
        entry.claimToken = claimToken;
        entry.leaseUntil = leaseUntil.getTime();
        return {
          message: structuredClone(entry.message),
          state: entry.state,
          claimToken,
          attempts: entry.attempts,
          deliveryId: entry.deliveryId,
        };
      });
    },
    async markSending(job, { deliveryId, conversationId, leaseUntil }) {
      const entry = held(job);
      if (!entry) return false;
      Object.assign(entry, { state: 'sending', deliveryId, conversationId, leaseUntil: leaseUntil.getTime() });
      entry.attempts++;
      return true;
    },
    async markSent(job, { activityId, sentAt }) {
      const entry = held(job);
      if (entry?.state !== 'sending') return false;
      Object.assign(entry, { state: 'sent', activityId, sentAt: sentAt.getTime(), claimToken: null, leaseUntil: null });
      return true;
    },
    async release(job, { notBefore, inDoubt, countAttempt }) {
      const entry = held(job);
      if (!entry) return false;
      const stillInDoubt = inDoubt && entry.deliveryId !== null;
      entry.state = stillInDoubt ? 'sending' : 'pending';
      entry.claimToken = stillInDoubt ? `released:${job.claimToken}` : null;
      entry.leaseUntil = stillInDoubt ? notBefore.getTime() : null;
      entry.message.notBefore = new Date(notBefore);
      entry.attempts += countAttempt ? 1 : 0;
      return true;
    },
    async finish(job, { state, reason }) {
      const entry = held(job);
      if (!entry) return false;
      Object.assign(entry, { state, reason, claimToken: null, leaseUntil: null });
      return true;
    },
    async recentSends(since) {
      return [...entries.values()]
        .filter((entry) => entry.state === 'sent' && entry.sentAt !== null && entry.sentAt >= since.getTime())
        .map((entry) => ({
          tenantId: entry.message.tenantId,
          conversationId: entry.conversationId ?? '',
          sentAt: entry.sentAt as number,
        }))
        .sort((a, b) => a.sentAt - b.sentAt);
    },
    async nextDue() {
      let next: number | null = null;
      for (const entry of entries.values()) {
        const at = entry.state === 'pending' ? entry.message.notBefore.getTime() : entry.leaseUntil;
        if (at !== null && (entry.state === 'pending' || entry.state === 'claimed' || entry.state === 'sending')) {
          next = next === null ? at : Math.min(next, at);
        }
      }
      return next === null ? null : new Date(next);
    },
    async get(key) {
      const entry = entries.get(key);
      if (!entry) return undefined;
      const { state, attempts, deliveryId, activityId, reason, sentAt } = entry;
      return {
        key,
        state,
        attempts,
        deliveryId,
        activityId,
        reason,
        sentAt: sentAt === null ? null : new Date(sentAt),
      };
    },
    async countByState() {
      const counts = zeroStateCounts();
      for (const entry of entries.values()) counts[entry.state]++;
      return counts;
    },
  };
}
