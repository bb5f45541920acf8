import type { JWTPayload } from 'jose';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type BotServer, createMemoryLogger, startBotServer } from '../../test/bot-server.ts';
import {
  type BotTokenFactory,
  botConnectorClaims,
  type Signer,
  startBotTokenFactory,
} from '../../test/bot-token-factory.ts';
import { type FakeConnector, startFakeConnector } from '../../test/fake-connector.ts';
import { MemoryConversationStore } from '../../test/memory-conversation-store.ts';
import { megan, message, tenantId } from '../../test/teams-activities.ts';
import type { TenantMembership } from '../ports.ts';
import { createServiceUrlPolicy } from '../service-url-policy.ts';
import { trustedIssuers } from './bot-issuers.ts';

const appId = '11111111-2222-3333-4444-555555555555';
const otherTenant = '99999999-0000-0000-0000-000000000099';
const now = new Date('2026-11-20T09:00:00.000Z');
const tabUrl = 'https://confer.example.com/';

let factory: BotTokenFactory;
let connector: FakeConnector;
let elsewhere: FakeConnector;
let store: MemoryConversationStore;
let logger: ReturnType<typeof createMemoryLogger>;
let bot: BotServer;

async function start(membership?: TenantMembership): Promise<void> {
  bot = await startBotServer({
    inbound: {
      mode: 'verify',
      appId,
      issuers: trustedIssuers({
        tenantId,
        botFrameworkMetadataUrl: factory.botFrameworkMetadataUrl,
        entraIssuers: [`https://sts.windows.net/${tenantId}/`, `https://login.microsoftonline.com/${tenantId}/v2.0`],
        entraMetadataUrl: factory.entraMetadataUrl,
        fetch,
        now: () => now.getTime(),
      }),
    },
    tenantId,
    // Only the connector the tests talk through; `elsewhere` stands for any other host.
    serviceUrls: createServiceUrlPolicy([new URL(connector.serviceUrl).origin]),
    ...(membership ? { membership } : {}),
    conversations: store,
    logger,
    clock: { now: () => now },
    tabUrl,
  });
}

beforeEach(async () => {
  factory = await startBotTokenFactory();
  connector = await startFakeConnector();
  elsewhere = await startFakeConnector();
  store = new MemoryConversationStore();
  logger = createMemoryLogger();
});

afterEach(async () => {
  await bot?.close();
  await Promise.all([factory.close(), connector.close(), elsewhere.close()]);
});

async function post(activity: Record<string, unknown>, claims?: JWTPayload, signer?: Signer): Promise<Response> {
  const headers: Record<string, string> = claims
    ? { authorization: `Bearer ${await factory.sign(claims, signer)}` }
    : {};
  return bot.post(activity, headers);
}

const claimsFor = (serviceUrl: string, extra: JWTPayload = {}) => botConnectorClaims({ appId, serviceUrl, now, extra });

async function expectRefused(response: Response, status: number, code: string): Promise<void> {
  expect(response.status).toBe(status);
  expect(await response.json()).toEqual({ error: { code, message: expect.any(String) } });
  expect(store.all()).toEqual([]);
  expect(connector.sent).toEqual([]);
  expect(elsewhere.sent).toEqual([]);
  expect(logger.entries).toContainEqual(
    expect.objectContaining({
      level: 'warn',
      message: 'bot.activity_refused',
      fields: expect.objectContaining({ code }),
    }),
  );
}

describe('an activity with a valid Bot Connector token', () => {
  it('from the Bot Framework issuer is handled: the conversation is stored and the answer goes to its connector', async () => {
    await start();
    const response = await post(message(connector.serviceUrl, 'help'), claimsFor(connector.serviceUrl));
    expect(response.status).toBe(200);
    expect(store.all()).toEqual([
      expect.objectContaining({ aadObjectId: megan.aadObjectId, serviceUrl: connector.serviceUrl }),
    ]);
    expect(await connector.waitForSent(1)).toHaveLength(1);
  });

  it("from the served tenant's Entra is handled too", async () => {
    await start();
    const claims = botConnectorClaims({
      appId,
      serviceUrl: connector.serviceUrl,
      now,
      issuer: `https://sts.windows.net/${tenantId}/`,
      extra: { tid: tenantId },
    });
    expect((await post(message(connector.serviceUrl, 'help'), claims, 'entra')).status).toBe(200);
    expect(store.all()).toHaveLength(1);
  });

  it('reads the keys once for many activities', async () => {
    await start();
    for (let index = 0; index < 3; index++) {
      expect((await post(message(connector.serviceUrl, 'help'), claimsFor(connector.serviceUrl))).status).toBe(200);
    }
    expect(factory.keyRequests).toBe(2);
  });
});

describe('forged or misdirected activities are refused before any handler runs', () => {
  beforeEach(() => start());

  it('without a token', async () => {
    await expectRefused(await post(message(connector.serviceUrl, 'help')), 401, 'bot_token_missing');
  });

  it('without a token, before its body is even read', async () => {
    const response = await bot.post('{"type": "message", "text": "not even finished');
    await expectRefused(response, 401, 'bot_token_missing');
  });

  it('with a bearer value that is not a JWT', async () => {
    const response = await bot.post(message(connector.serviceUrl, 'help'), { authorization: 'Bearer not.a.jwt' });
    await expectRefused(response, 401, 'bot_token_malformed');
  });

  it("with another tenant's Entra token, whatever tenant and person the activity names", async () => {
    const claims = botConnectorClaims({
      appId,
      serviceUrl: connector.serviceUrl,
      now,
      issuer: `https://sts.windows.net/${otherTenant}/`,
      extra: { tid: otherTenant },
    });
    await expectRefused(
      await post(message(connector.serviceUrl, 'upcoming'), claims, 'entra'),
      401,
      'bot_token_untrusted_issuer',
    );
  });

  it('with a token from an issuer that is not the Bot Connector', async () => {
    const claims = botConnectorClaims({
      appId,
      serviceUrl: connector.serviceUrl,
      now,
      issuer: 'https://issuer.example.com',
    });
    await expectRefused(await post(message(connector.serviceUrl, 'help'), claims), 401, 'bot_token_untrusted_issuer');
  });

  it("with the Bot Framework's issuer but a key it does not publish", async () => {
    const response = await post(message(connector.serviceUrl, 'help'), claimsFor(connector.serviceUrl), 'stranger');
    await expectRefused(response, 401, 'bot_token_invalid_signature');
  });

  it('with an Entra key under the Bot Framework issuer', async () => {
    const response = await post(message(connector.serviceUrl, 'help'), claimsFor(connector.serviceUrl), 'entra');
    await expectRefused(response, 401, 'bot_token_invalid_signature');
  });

  it('with a token for another bot', async () => {
    const claims = { ...claimsFor(connector.serviceUrl), aud: 'another-bot' };
    await expectRefused(await post(message(connector.serviceUrl, 'help'), claims), 401, 'bot_token_invalid_audience');
  });

  it('with an expired token', async () => {
    const claims = { ...claimsFor(connector.serviceUrl), exp: Math.floor(now.getTime() / 1000) - 3600 };
    await expectRefused(await post(message(connector.serviceUrl, 'help'), claims), 401, 'bot_token_expired');
  });

  it('from a channel the signing key is not endorsed for', async () => {
    const activity = { ...message(connector.serviceUrl, 'help'), channelId: 'webchat' };
    await expectRefused(await post(activity, claimsFor(connector.serviceUrl)), 401, 'bot_token_channel_not_endorsed');
  });

  it("with the served tenant's Entra issuer but another tenant in the token", async () => {
    const claims = botConnectorClaims({
      appId,
      serviceUrl: connector.serviceUrl,
      now,
      issuer: `https://login.microsoftonline.com/${tenantId}/v2.0`,
      extra: { tid: otherTenant },
    });
    await expectRefused(
      await post(message(connector.serviceUrl, 'help'), claims, 'entra'),
      401,
      'bot_token_wrong_tenant',
    );
  });

  it('with a token that names no service URL', async () => {
    const { serviceurl: _dropped, ...claims } = claimsFor(connector.serviceUrl);
    await expectRefused(await post(message(connector.serviceUrl, 'help'), claims), 401, 'bot_token_no_service_url');
  });

  it("with a service URL other than the token's", async () => {
    const response = await post(message(elsewhere.serviceUrl, 'help'), claimsFor(connector.serviceUrl));
    await expectRefused(response, 401, 'bot_service_url_mismatch');
  });

  it('with a signed service URL that is not a listed Bot Connector', async () => {
    const response = await post(message(elsewhere.serviceUrl, 'help'), claimsFor(elsewhere.serviceUrl));
    await expectRefused(response, 403, 'bot_service_url_not_allowed');
  });

  it('from a tenant this deployment does not serve', async () => {
    const activity = message(connector.serviceUrl, 'upcoming');
    activity.conversation = { id: 'a:1', conversationType: 'personal', tenantId: otherTenant };
    activity.channelData = { tenant: { id: otherTenant } };
    await expectRefused(await post(activity, claimsFor(connector.serviceUrl)), 403, 'bot_tenant_not_allowed');
  });

  it("naming a tenant other than the token's", async () => {
    const claims = claimsFor(connector.serviceUrl, { tid: otherTenant });
    await expectRefused(await post(message(connector.serviceUrl, 'help'), claims), 403, 'bot_tenant_mismatch');
  });

  it('naming two tenants', async () => {
    const activity = { ...message(connector.serviceUrl, 'help'), channelData: { tenant: { id: otherTenant } } };
    await expectRefused(await post(activity, claimsFor(connector.serviceUrl)), 403, 'bot_tenant_mismatch');
  });

  it('naming no tenant', async () => {
    const activity = message(connector.serviceUrl, 'help');
    activity.conversation = { id: 'a:1', conversationType: 'personal' };
    delete activity.channelData;
    await expectRefused(await post(activity, claimsFor(connector.serviceUrl)), 403, 'bot_tenant_missing');
  });
});

describe('the acting person', () => {
  it('is looked up in the served tenant: someone its directory does not have is refused', async () => {
    const asked: string[] = [];
    await start(async (tenant, aadObjectId) => {
      asked.push(`${tenant}/${aadObjectId}`);
      return 'not_member';
    });
    await expectRefused(
      await post(message(connector.serviceUrl, 'upcoming'), claimsFor(connector.serviceUrl)),
      403,
      'bot_user_not_in_tenant',
    );
    expect(asked).toEqual([`${tenantId}/${megan.aadObjectId}`]);
  });

  it('is taken on the Bot Connector’s word when the directory cannot be asked', async () => {
    await start(async () => 'unknown');
    expect((await post(message(connector.serviceUrl, 'help'), claimsFor(connector.serviceUrl))).status).toBe(200);
    expect(store.all()).toHaveLength(1);
  });
});

describe('without a way to verify', () => {
  it('refuses every activity when no bot identity is configured', async () => {
    bot = await startBotServer({
      inbound: { mode: 'closed' },
      conversations: store,
      logger,
      clock: { now: () => now },
      tabUrl,
    });
    const response = await post(message(connector.serviceUrl, 'help'), claimsFor(connector.serviceUrl));
    await expectRefused(response, 401, 'bot_not_configured');
    expect(logger.entries.map((entry) => entry.message)).toContain('bot.not_configured');
  });

  it('says so at start, once, when inbound authentication is off', async () => {
    bot = await startBotServer({ conversations: store, logger, clock: { now: () => now }, tabUrl });
    expect(logger.entries.filter((entry) => entry.level === 'warn')).toEqual([
      expect.objectContaining({ message: 'bot.inbound_auth_off' }),
    ]);
    // Still only listed connectors, still only the served tenant.
    await expectRefused(
      await bot.post(message(elsewhere.serviceUrl.replace('127.0.0.1', '[::1]'), 'help')),
      403,
      'bot_service_url_not_allowed',
    );
  });
});
