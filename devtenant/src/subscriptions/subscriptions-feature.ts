import { type CalendarChange, type GraphContext, GraphHttpError } from '../graph/context.ts';
import type { SubscriptionDeps, SubscriptionsFeature } from './index.ts';
import { isDeliveryPaused, sweepSubscriptions } from './lifecycle-sweep.ts';
import { NotificationDispatcher } from './notification-dispatcher.ts';
import {
  checkNotificationFaults,
  fetchUnlessDown,
  NO_NOTIFICATION_FAULTS,
  type NotificationFaults,
} from './notification-faults.ts';
import { buildChangeNotification, buildLifecycleNotification } from './notification-payloads.ts';
import type { SubscriptionLimits } from './subscription-limits.ts';
import type { LifecycleEvent, StoredSubscription } from './subscription-model.ts';
import { SubscriptionService } from './subscription-service.ts';
import { SubscriptionStore } from './subscription-store.ts';
import { createSubscriptionsRouter } from './subscriptions-router.ts';
import { TickRunner } from './tick-runner.ts';

/** Wires store, routes, delivery and lifecycle; `limits` is a parameter so tests can shorten timeouts. */
export function createSubscriptionsFeatureWith(
  ctx: GraphContext,
  deps: SubscriptionDeps,
  limits: SubscriptionLimits,
): SubscriptionsFeature {
  const store = new SubscriptionStore();
  const random = deps.random ?? Math.random;
  let faults: NotificationFaults = { ...NO_NOTIFICATION_FAULTS };
  let etagCounter = 0;
  const appFetch = fetchUnlessDown(deps.fetch, () => faults.endpointDown);

  const dispatcher = new NotificationDispatcher({
    store,
    clock: ctx.clock,
    fetch: appFetch,
    random,
    limits,
    onGaveUp: (subscriptionId) => sendLifecycle(store.get(subscriptionId), 'missed'),
  });

  function sendLifecycle(sub: StoredSubscription | undefined, event: LifecycleEvent): void {
    if (!sub?.lifecycleNotificationUrl) return;
    // Several losses before the app hears about the first one still mean one full resync.
    if (event === 'missed' && dispatcher.hasUnsentLifecycle(sub.id, event)) return;
    dispatcher.enqueue(
      'lifecycle',
      sub,
      sub.lifecycleNotificationUrl,
      buildLifecycleNotification(sub, event),
      ctx.clock.now(),
    );
  }

  const runner = new TickRunner(async () => {
    const now = ctx.clock.now();
    const { expired, challenge } = sweepSubscriptions(store.all(), now, limits);
    for (const sub of expired) store.remove(sub.id);
    for (const sub of challenge) {
      sendLifecycle(sub, 'reauthorizationRequired');
      store.save({ ...sub, lastReauthorizationNoticeAt: now.toISOString() });
    }
    await dispatcher.deliverDue(faults.reorder);
  }, limits.tickIntervalMs);

  function onChange(change: CalendarChange): void {
    const now = ctx.clock.now();
    for (const sub of store.all()) {
      if (!matches(sub, change, now) || isDeliveryPaused(sub, now)) continue;
      if (random() < faults.dropRate) {
        sendLifecycle(sub, 'missed');
        continue;
      }
      etagCounter += 1;
      const payload = buildChangeNotification(sub, change, `devtenant-${etagCounter}`);
      const dueAt = new Date(now.getTime() + faults.delayMs);
      dispatcher.enqueue('change', sub, sub.notificationUrl, payload, dueAt);
      if (random() < faults.duplicateRate) dispatcher.enqueue('change', sub, sub.notificationUrl, payload, dueAt);
    }
    runner.soon();
  }

  async function fireLifecycle(subscriptionId: string, event: LifecycleEvent): Promise<void> {
    const sub = store.get(subscriptionId);
    if (!sub) throw new GraphHttpError(404, 'ResourceNotFound', `Subscription '${subscriptionId}' was not found.`);
    if (event === 'subscriptionRemoved') store.remove(sub.id);
    if (event === 'reauthorizationRequired') {
      const reauthorizeBy = new Date(ctx.clock.now().getTime() + limits.reauthorizationGraceMs).toISOString();
      store.save({ ...sub, reauthorizeBy });
    }
    sendLifecycle(sub, event);
    await runner.tick();
  }

  const service = new SubscriptionService({ ctx, store, fetch: appFetch, limits });
  return {
    router: createSubscriptionsRouter(service, ctx.baseUrl),
    onChange,
    setFaults: (next: Partial<NotificationFaults>) => {
      faults = checkNotificationFaults({ ...faults, ...next });
    },
    faults: () => ({ ...faults }),
    fireLifecycle,
    tick: () => runner.tick(),
    close: () => runner.close(),
    snapshot: () => store.snapshot(),
    restore: (state: unknown) => store.restore(state),
    reset: () => {
      store.clear();
      faults = { ...NO_NOTIFICATION_FAULTS };
    },
  };
}

function matches(sub: StoredSubscription, change: CalendarChange, now: Date): boolean {
  return (
    sub.tenantId === change.tenantId &&
    sub.mailboxId === change.mailboxId &&
    sub.changeTypes.includes(change.changeType) &&
    Date.parse(sub.expirationDateTime) > now.getTime()
  );
}
