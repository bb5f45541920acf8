import { randomUUID } from 'node:crypto';
import type { Clock } from '../graph/context.ts';
import { postNotifications } from './notification-sender.ts';
import { nextRetryAt } from './retry-policy.ts';
import type { SubscriptionLimits } from './subscription-limits.ts';
import type { PendingNotification, StoredSubscription } from './subscription-model.ts';
import type { SubscriptionStore } from './subscription-store.ts';

export interface DispatcherDeps {
  store: SubscriptionStore;
  clock: Clock;
  fetch: typeof fetch;
  random: () => number;
  limits: SubscriptionLimits;
  /** A change notification was given up on: the subscription has missed a change. */
  onGaveUp(subscriptionId: string): void;
}

/**
 * Holds notifications until they are due, POSTs everything due for one URL together (Graph batches
 * several notifications, possibly of different subscriptions, in one POST) and re-queues failures with
 * back-off until the 4-hour retry window closes.
 */
export class NotificationDispatcher {
  constructor(private readonly deps: DispatcherDeps) {}

  enqueue(
    kind: PendingNotification['kind'],
    sub: StoredSubscription,
    url: string,
    payload: Record<string, unknown>,
    dueAt: Date,
  ): void {
    this.deps.store.pending.push({
      id: randomUUID(),
      kind,
      subscriptionId: sub.id,
      url,
      payload,
      dueAt: dueAt.toISOString(),
      attempts: 0,
      firstAttemptAt: null,
    });
  }

  hasUnsentLifecycle(subscriptionId: string, event: string): boolean {
    return this.deps.store.pending.some(
      (item) =>
        item.kind === 'lifecycle' &&
        item.subscriptionId === subscriptionId &&
        item.attempts === 0 &&
        item.payload.lifecycleEvent === event,
    );
  }

  /**
   * POSTs everything due now. Each URL's notifications go out in order (oldest first, or newest first when
   * `newestFirst` reorders them), one batch after the other so the receiving order is the order chosen;
   * different URLs are served at the same time.
   */
  async deliverDue(newestFirst = false): Promise<void> {
    const now = this.deps.clock.now();
    const { store } = this.deps;
    const due = store.pending.filter((item) => Date.parse(item.dueAt) <= now.getTime());
    store.pending = store.pending.filter((item) => !due.includes(item));
    const live = due.filter((item) => item.kind === 'lifecycle' || this.isActive(item.subscriptionId, now));
    const groups = this.groupByTarget(newestFirst ? live.reverse() : live);
    await Promise.all(groups.map((group) => this.deliverInBatches(group, now)));
  }

  /** Expired or deleted subscriptions stop delivering, even what was already queued. */
  private isActive(subscriptionId: string, now: Date): boolean {
    const sub = this.deps.store.get(subscriptionId);
    return sub !== undefined && Date.parse(sub.expirationDateTime) > now.getTime();
  }

  private groupByTarget(items: PendingNotification[]): PendingNotification[][] {
    const byTarget = new Map<string, PendingNotification[]>();
    for (const item of items) {
      const key = `${item.kind} ${item.url}`;
      byTarget.set(key, [...(byTarget.get(key) ?? []), item]);
    }
    return [...byTarget.values()];
  }

  /** At most `maxBatchSize` notifications per POST (Graph's batches hold up to 50). */
  private async deliverInBatches(group: PendingNotification[], now: Date): Promise<void> {
    const size = this.deps.limits.maxBatchSize;
    for (let start = 0; start < group.length; start += size) {
      await this.deliverBatch(group.slice(start, start + size), now);
    }
  }

  private async deliverBatch(batch: PendingNotification[], now: Date): Promise<void> {
    const url = batch[0]!.url;
    const delivered = await postNotifications(
      this.deps.fetch,
      url,
      batch.map((item) => item.payload),
      this.deps.limits.deliveryTimeoutMs,
    );
    if (!delivered) for (const item of batch) this.reschedule(item, now);
  }

  private reschedule(item: PendingNotification, now: Date): void {
    const firstAttemptAt = item.firstAttemptAt ? new Date(item.firstAttemptAt) : now;
    const attempts = item.attempts + 1;
    const retryAt = nextRetryAt(attempts, firstAttemptAt, now, this.deps.limits, this.deps.random);
    if (!retryAt) {
      if (item.kind === 'change') this.deps.onGaveUp(item.subscriptionId);
      return;
    }
    this.deps.store.pending.push({
      ...item,
      attempts,
      firstAttemptAt: firstAttemptAt.toISOString(),
      dueAt: retryAt.toISOString(),
    });
  }
}
