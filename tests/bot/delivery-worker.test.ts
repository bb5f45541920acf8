import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryOutboundStore } from '../../api/src/adapters/memory/memory-outbound-store.ts';
import { createDelivery, type DeliveryWorker } from '../../bot/src/delivery/index.ts';
import {
  type LocalTeamsConnector,
  type LocalTeamsConnectorOptions,
  startLocalTeamsConnector,
} from '../../bot/src/delivery/test-support/teams-connector.ts';
import type { OutboundMessage, RenderOutbound } from '../../bot/src/ports.ts';
import { createServiceUrlPolicy, LOCAL_BOT_CONNECTOR_ORIGINS } from '../../bot/src/service-url-policy.ts';
import { MemoryConversationStore } from '../../bot/test/memory-conversation-store.ts';
import { createControllableClock } from '../../devtenant/src/index.ts';

const tenantId = 'tenant-a';
let connector: LocalTeamsConnector;
let worker: DeliveryWorker | null = null;

afterEach(async () => {
  await worker?.stop();
  worker = null;
  await connector?.close();
});

const renderKey: RenderOutbound = async (message) => ({
  card: { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: message.key }] },
  summary: message.key,
});

async function setup(
  options: { connector?: LocalTeamsConnectorOptions; render?: RenderOutbound; users?: string[] } = {},
) {
  connector = await startLocalTeamsConnector(options.connector);
  const clock = createControllableClock(new Date('2026-11-20T09:00:00.000Z'));
  const store = createMemoryOutboundStore();
  const conversations = new MemoryConversationStore();
  for (const user of options.users ?? ['megan', 'alex']) {
    const conversationId = `a:${user}`;
    await conversations.save({
      tenantId,
      aadObjectId: user,
      userId: `29:${user}`,
      userName: user,
      conversationId,
      serviceUrl: connector.serviceUrl,
      channelId: 'msteams',
      reference: { serviceUrl: connector.serviceUrl, channelId: 'msteams', conversation: { id: conversationId } },
      updatedAt: clock.now().toISOString(),
    });
  }
  const warnings: string[] = [];
  worker = createDelivery({
    store,
    conversations,
    render: options.render ?? renderKey,
    clock,
    logger: { info: () => {}, warn: (message) => warnings.push(message), error: (message) => warnings.push(message) },
    connectorKeepsActivityIds: true,
    serviceUrls: createServiceUrlPolicy(LOCAL_BOT_CONNECTOR_ORIGINS),
    defaultServiceUrl: connector.serviceUrl,
    retry: { maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 1000 },
    tuning: { pollMs: 50 },
    sendTimeoutMs: 2000,
  });
  const message = (key: string, userId = 'megan', notBefore = clock.now()): OutboundMessage => ({
    key,
    tenantId,
    userId,
    kind: 'reminder',
    payload: {},
    notBefore,
  });
  return { clock, store, warnings, message };
}

async function until(condition: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('delivery worker', () => {
  it('waits for a reminder to fall due: moving the clock sends it, once', async () => {
    const { clock, store, message } = await setup();
    await store.enqueue([message('r:later', 'megan', new Date(clock.now().getTime() + 15 * 60_000))]);
    await worker?.start();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(connector.accepted).toHaveLength(0);
    clock.advance(15 * 60_000);
    worker?.wake();
    await until(async () => (await store.get('r:later'))?.state === 'sent');
    expect(connector.deliveries.get('r:later')).toBe(1);
    expect(connector.accepted[0]?.body).toMatchObject({ type: 'message', summary: 'r:later' });
  });

  it("honours the connector's Retry-After on a 429 and then delivers", async () => {
    const strict = { perConversation: [{ count: 1, windowMs: 2000 }], perTenant: [] };
    const { store, message } = await setup({ connector: { limits: strict } });
    await store.enqueue([message('r:1'), message('r:2')]);
    await worker?.start();
    await until(async () => (await store.countByState()).sent === 2);
    expect(connector.throttled).toBeGreaterThanOrEqual(1);
    const [first, second] = connector.accepted;
    expect((second?.receivedAt ?? 0) - (first?.receivedAt ?? 0)).toBeGreaterThanOrEqual(2000);
    expect([...connector.deliveries.values()]).toEqual([1, 1]);
  });

  it('ends a message the connector refuses for good (bot blocked) with the reason, without retrying', async () => {
    const { store, message, warnings } = await setup({
      connector: { refuse: (id) => (id === 'a:megan' ? { status: 403, code: 'MessageWritesBlocked' } : null) },
    });
    await store.enqueue([message('r:blocked'), message('r:ok', 'alex')]);
    await worker?.start();
    await until(async () => (await store.get('r:blocked'))?.state === 'failed');
    await until(async () => (await store.get('r:ok'))?.state === 'sent');
    expect(await store.get('r:blocked')).toMatchObject({ reason: 'message_writes_blocked', attempts: 1 });
    expect(warnings).toContain('delivery.failed');
  });

  it('records why a message was not sent: the app is not installed for the user, or nothing to send any more', async () => {
    const render: RenderOutbound = async (m) => (m.key === 'r:cancelled' ? null : renderKey(m));
    const { store, message } = await setup({ render, connector: { notInstalled: (id) => id === 'unknown-user' } });
    await store.enqueue([message('r:stranger', 'unknown-user'), message('r:cancelled')]);
    await worker?.start();
    await until(async () => (await store.countByState()).pending === 0);
    await until(async () => (await store.countByState()).claimed === 0);
    expect(await store.get('r:stranger')).toMatchObject({ state: 'failed', reason: 'not_installed' });
    expect(await store.get('r:cancelled')).toMatchObject({ state: 'skipped', reason: 'not_applicable' });
    expect(connector.accepted).toHaveLength(0);
  });

  it('confirms a send that ended in a gateway error before sending again, so it arrives once', async () => {
    let failures = 0;
    const { store, message, warnings } = await setup({
      connector: { refuse: () => (failures++ === 0 ? { status: 502, code: 'BadGateway' } : null) },
    });
    await store.enqueue([message('r:1')]);
    await worker?.start();
    await until(async () => (await store.get('r:1'))?.state === 'sent');
    expect(warnings).toContain('delivery.outcome_unknown');
    expect(connector.deliveries.get('r:1')).toBe(1);
  });

  it('gives up after the retry budget with a recorded reason rather than retrying forever', async () => {
    const { store, message } = await setup({
      connector: { refuse: () => ({ status: 503, code: 'ServiceUnavailable' }) },
    });
    await store.enqueue([message('r:1')]);
    await worker?.start();
    await until(async () => (await store.get('r:1'))?.state === 'failed');
    expect(await store.get('r:1')).toMatchObject({
      attempts: 3,
      reason: 'retries_exhausted:http_503_ServiceUnavailable',
    });
  });
});
