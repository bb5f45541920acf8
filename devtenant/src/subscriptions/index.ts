import type { CalendarChange, GraphContext, GraphFeature } from '../graph/context.ts';
import type { NotificationFaults } from './notification-faults.ts';
import { GRAPH_SUBSCRIPTION_LIMITS } from './subscription-limits.ts';
import { createSubscriptionsFeatureWith } from './subscriptions-feature.ts';

export interface SubscriptionDeps {
  fetch: typeof fetch; // used to call notification/lifecycle URLs (plain http to the app, or https)
  random?: () => number; // for retry jitter, injectable in tests
}

export type SubscriptionsFeature = GraphFeature & {
  onChange(change: CalendarChange): void;
  /** Merges into the current notification faults; a bad value throws 400 and keeps the old settings. */
  setFaults(faults: Partial<NotificationFaults>): void;
  faults(): NotificationFaults;
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
