import type { SubscriptionsFeature } from '../index.ts';
import { GRAPH_SUBSCRIPTION_LIMITS, type SubscriptionLimits } from '../subscription-limits.ts';
import { createSubscriptionsFeatureWith } from '../subscriptions-feature.ts';
import { ALEX, appToken, createFakeGraphContext, type FakeGraphContext, TENANT_ID } from './fake-graph-context.ts';
import { ManualClock, MINUTE } from './manual-clock.ts';
import { startTestGraphApp, type TestGraphApp } from './test-graph-app.ts';
import { startWebhookReceiver, type WebhookReceiver } from './webhook-receiver.ts';

export const START = '2026-03-02T09:00:00.000Z';

export interface Harness {
  clock: ManualClock;
  ctx: FakeGraphContext;
  feature: SubscriptionsFeature;
  app: TestGraphApp;
  receiver: WebhookReceiver;
  /** A valid create body for Alex's events, notifications to the receiver's /notify and /lifecycle. */
  body(overrides?: Record<string, unknown>): Record<string, unknown>;
  /** Creates a subscription with an app token and returns its id (fails the test on any other status). */
  subscribe(overrides?: Record<string, unknown>, token?: string): Promise<string>;
  /** A calendar change in Alex's mailbox, delivered with tick(). */
  change(eventId: string, changeType?: 'created' | 'updated' | 'deleted', mailboxId?: string): Promise<void>;
  close(): Promise<void>;
}

export async function startHarness(limits: Partial<SubscriptionLimits> = {}, random = () => 0.5): Promise<Harness> {
  const clock = new ManualClock(START);
  const ctx = createFakeGraphContext(clock);
  const feature = createSubscriptionsFeatureWith(ctx, { fetch, random }, { ...GRAPH_SUBSCRIPTION_LIMITS, ...limits });
  const app = await startTestGraphApp(feature);
  const receiver = await startWebhookReceiver();
  const body = (overrides: Record<string, unknown> = {}) => ({
    changeType: 'created,updated,deleted',
    notificationUrl: `${receiver.url}/notify`,
    lifecycleNotificationUrl: `${receiver.url}/lifecycle`,
    resource: `/users/${ALEX}/events`,
    expirationDateTime: new Date(clock.now().getTime() + 3 * 24 * 60 * MINUTE).toISOString(),
    clientState: 'secret-client-state',
    ...overrides,
  });
  return {
    clock,
    ctx,
    feature,
    app,
    receiver,
    body,
    subscribe: async (overrides = {}, token = appToken()) => {
      const created = await app.call('POST', '/subscriptions', token, body(overrides));
      if (created.status !== 201) throw new Error(`subscribe failed: ${JSON.stringify(created.body)}`);
      return created.body.id as string;
    },
    change: async (eventId, changeType = 'created', mailboxId = ALEX) => {
      feature.onChange({ tenantId: TENANT_ID, mailboxId, eventId, changeType });
      await feature.tick();
    },
    close: async () => {
      feature.close();
      await app.close();
      await receiver.close();
    },
  };
}
