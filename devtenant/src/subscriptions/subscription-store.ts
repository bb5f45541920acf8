import { z } from 'zod';
import type { PendingNotification, StoredSubscription } from './subscription-model.ts';

const subscriptionSchema = z.object({
  id: z.string(),
  tenantId: z.string(),
  applicationId: z.string(),
  creatorId: z.string(),
  createdBy: z.enum(['delegated', 'application']),
  mailboxId: z.string(),
  resource: z.string(),
  changeTypes: z.array(z.enum(['created', 'updated', 'deleted'])),
  notificationUrl: z.string(),
  lifecycleNotificationUrl: z.string().nullable(),
  clientState: z.string().nullable(),
  latestSupportedTlsVersion: z.string(),
  expirationDateTime: z.string(),
  lastReauthorizationNoticeAt: z.string().nullable(),
  reauthorizeBy: z.string().nullable(),
});

const pendingSchema = z.object({
  id: z.string(),
  kind: z.enum(['change', 'lifecycle']),
  subscriptionId: z.string(),
  url: z.string(),
  payload: z.record(z.string(), z.unknown()),
  dueAt: z.string(),
  attempts: z.number().int().nonnegative(),
  firstAttemptAt: z.string().nullable(),
});

const snapshotSchema = z.object({
  version: z.literal(1),
  subscriptions: z.array(subscriptionSchema),
  pending: z.array(pendingSchema),
});

export type SubscriptionsSnapshot = z.infer<typeof snapshotSchema>;

/** Subscriptions and the notifications not yet delivered, as one serialisable state. */
export class SubscriptionStore {
  private readonly subscriptions = new Map<string, StoredSubscription>();
  pending: PendingNotification[] = [];

  get(id: string): StoredSubscription | undefined {
    return this.subscriptions.get(id);
  }

  all(): StoredSubscription[] {
    return [...this.subscriptions.values()];
  }

  save(subscription: StoredSubscription): void {
    this.subscriptions.set(subscription.id, subscription);
  }

  /** Removing a subscription also discards its undelivered change notifications. */
  remove(id: string): void {
    this.subscriptions.delete(id);
    this.pending = this.pending.filter((item) => item.kind !== 'change' || item.subscriptionId !== id);
  }

  countForMailbox(tenantId: string, mailboxId: string): number {
    return this.all().filter((sub) => sub.tenantId === tenantId && sub.mailboxId === mailboxId).length;
  }

  clear(): void {
    this.subscriptions.clear();
    this.pending = [];
  }

  snapshot(): SubscriptionsSnapshot {
    return structuredClone({ version: 1 as const, subscriptions: this.all(), pending: this.pending });
  }

  /** Refuses a state it cannot read rather than starting half-restored. */
  restore(state: unknown): void {
    const parsed = snapshotSchema.parse(state);
    this.clear();
    for (const subscription of parsed.subscriptions) this.save(subscription);
    this.pending = parsed.pending;
  }
}
