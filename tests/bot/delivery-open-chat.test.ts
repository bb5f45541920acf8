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

// Admins often install the app for everyone: those people have it but never talked to the bot, so the
// delivery side opens their personal chat itself (POST {serviceUrl}/v3/conversations, docs/teams-bot-platform.md).
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

interface SetupOptions {
  connector?: LocalTeamsConnectorOptions;
  /** People with a stored chat (their install reached the bot). */
  installed?: string[];
  /** Where the tenant's connector is when nobody of it is stored: the local connector unless told. */
  defaultServiceUrl?: (connector: LocalTeamsConnector) => string;
}

async function setup(options: SetupOptions = {}) {
  connector = await startLocalTeamsConnector(options.connector);
  const clock = createControllableClock(new Date('2026-11-20T09:00:00.000Z'));
  const store = createMemoryOutboundStore();
  const conversations = new MemoryConversationStore();
  for (const user of options.installed ?? []) {
    await conversations.save({
      tenantId,
      aadObjectId: user,
      userId: `29:${user}`,
      userName: user,
      conversationId: `a:${user}`,
      serviceUrl: connector.serviceUrl,
      channelId: 'msteams',
      reference: { serviceUrl: connector.serviceUrl, channelId: 'msteams', conversation: { id: `a:${user}` } },
      updatedAt: clock.now().toISOString(),
    });
  }
  const warnings: string[] = [];
  worker = createDelivery({
    store,
    conversations,
    render: renderKey,
    clock,
    logger: { info: () => {}, warn: (message) => warnings.push(message), error: (message) => warnings.push(message) },
    connectorKeepsActivityIds: true,
    serviceUrls: createServiceUrlPolicy(LOCAL_BOT_CONNECTOR_ORIGINS),
    // The tenant's known service URL: any stored conversation of it (what the app's store answers).
    tenantServiceUrl: async (tenant) => conversations.all().find((c) => c.tenantId === tenant)?.serviceUrl ?? null,
    defaultServiceUrl: options.defaultServiceUrl?.(connector) ?? connector.serviceUrl,
    retry: { maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 1000 },
    tuning: { pollMs: 50 },
    sendTimeoutMs: 2000,
  });
  const message = (key: string, userId: string): OutboundMessage => ({
    key,
    tenantId,
    userId,
    kind: 'invitation',
    payload: {},
    notBefore: clock.now(),
  });
  return { store, conversations, warnings, message };
}

async function until(condition: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('delivery to someone the bot has no chat with yet', () => {
  it("opens the 1:1 chat by Entra object id at the tenant's service URL, keeps it, and sends the card there", async () => {
    const { store, conversations, message } = await setup({
      installed: ['megan'],
      // Nowhere: only the tenant's stored conversation can lead to the connector.
      defaultServiceUrl: () => 'http://127.0.0.1:9/unreachable/',
    });
    await store.enqueue([message('invite:adele', 'adele')]);
    await worker?.start();
    await until(async () => (await store.get('invite:adele'))?.state === 'sent');

    expect(connector.created).toHaveLength(1);
    expect(connector.created[0]?.body).toMatchObject({
      isGroup: false,
      members: [{ id: 'adele' }],
      tenantId,
      channelData: { tenant: { id: tenantId } },
    });
    expect(connector.accepted.map((a) => [a.conversationId, a.body.summary])).toEqual([['a:adele', 'invite:adele']]);
    expect(await conversations.find(tenantId, 'adele')).toMatchObject({
      conversationId: 'a:adele',
      serviceUrl: connector.serviceUrl,
      channelId: 'msteams',
      reference: { conversation: { id: 'a:adele' }, serviceUrl: connector.serviceUrl },
    });

    // The next message goes straight to the stored chat.
    await store.enqueue([message('reminder:adele', 'adele')]);
    worker?.wake();
    await until(async () => (await store.get('reminder:adele'))?.state === 'sent');
    expect(connector.openRequests).toBe(1);
    expect(connector.deliveries.get('reminder:adele')).toBe(1);
  });

  it('uses the configured default service URL when nobody in the tenant is known', async () => {
    const { store, message } = await setup();
    await store.enqueue([message('invite:isaiah', 'isaiah')]);
    await worker?.start();
    await until(async () => (await store.get('invite:isaiah'))?.state === 'sent');
    expect(connector.created.map((c) => c.conversationId)).toEqual(['a:isaiah']);
  });

  it('ends the message as not_installed on a 403, once, without retrying; others still get theirs', async () => {
    const { store, conversations, message, warnings } = await setup({
      connector: { notInstalled: (id) => id === 'patti' },
    });
    await store.enqueue([message('invite:patti', 'patti'), message('invite:lynne', 'lynne')]);
    await worker?.start();
    await until(async () => (await store.get('invite:patti'))?.state === 'failed');
    await until(async () => (await store.get('invite:lynne'))?.state === 'sent');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await store.get('invite:patti')).toMatchObject({ state: 'failed', reason: 'not_installed' });
    expect(connector.openRequests).toBe(2);
    expect(await conversations.find(tenantId, 'patti')).toBeUndefined();
    expect(warnings).toContain('delivery.failed');
  });

  it('ends the message when the person blocked the bot (403 MessageWritesBlocked)', async () => {
    const { store, message } = await setup({
      connector: { refuseOpen: () => ({ status: 403, code: 'MessageWritesBlocked' }) },
    });
    await store.enqueue([message('invite:adele', 'adele')]);
    await worker?.start();
    await until(async () => (await store.get('invite:adele'))?.state === 'failed');
    expect(await store.get('invite:adele')).toMatchObject({ reason: 'message_writes_blocked' });
  });

  it('retries a creation the connector could not take (503, gateway error) and then delivers once', async () => {
    const failures = [
      { status: 503, code: 'ServiceUnavailable' },
      { status: 502, code: 'BadGateway' },
    ];
    const { store, message } = await setup({ connector: { refuseOpen: () => failures.shift() ?? null } });
    await store.enqueue([message('invite:adele', 'adele')]);
    await worker?.start();
    await until(async () => (await store.get('invite:adele'))?.state === 'sent');
    expect(connector.openRequests).toBe(3);
    expect(connector.deliveries.get('invite:adele')).toBe(1);
  });

  it('gives up within the retry budget when creation keeps failing', async () => {
    const { store, message } = await setup({
      connector: { refuseOpen: () => ({ status: 503, code: 'ServiceUnavailable' }) },
    });
    await store.enqueue([message('invite:adele', 'adele')]);
    await worker?.start();
    await until(async () => (await store.get('invite:adele'))?.state === 'failed');
    expect(await store.get('invite:adele')).toMatchObject({ reason: 'retries_exhausted:http_503_ServiceUnavailable' });
    expect(connector.openRequests).toBe(3);
    expect(connector.accepted).toHaveLength(0);
  });
});
