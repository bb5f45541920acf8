import type { CalendarChange, GraphContext, GraphFeature } from '../graph/context.ts';
import { GRAPH_SUBSCRIPTION_LIMITS } from './subscription-limits.ts';
import { createSubscriptionsFeatureWith } from './subscriptions-feature.ts';

export interface SubscriptionDeps {
  fetch: typeof fetch; // used to call notification/lifecycle URLs (plain http to the app, or https)
  random?: () => number; // for retry jitter, injectable in tests
}

export interface NotificationFaults {
  // set by the control API
  dropRate: number; // 0..1 — a dropped notification is never delivered (lifecycle `missed` follows)
  delayMs: number; // extra delay before delivery
  duplicateRate: number; // 0..1 — deliver twice
}

export type SubscriptionsFeature = GraphFeature & {
  onChange(change: CalendarChange): void;
  setFaults(faults: Partial<NotificationFaults>): void;
  /** Control API: fire a lifecycle event now for a subscription. */
  fireLifecycle(
    subscriptionId: string,
    event: 'reauthorizationRequired' | 'subscriptionRemoved' | 'missed',
  ): Promise<void>;
  /** Deliver everything due at ctx.clock.now() (called after the clock moves, and on a timer). */
  tick(): Promise<void>;
  close(): void; // stop timers
};

/** Graph change notifications for calendar events (docs/reference/graph-calendar.md §4). */
export function createSubscriptionsFeature(ctx: GraphContext, deps: SubscriptionDeps): SubscriptionsFeature {
  return createSubscriptionsFeatureWith(ctx, deps, GRAPH_SUBSCRIPTION_LIMITS);
}

export { GRAPH_SUBSCRIPTION_LIMITS } from './subscription-limits.ts';
