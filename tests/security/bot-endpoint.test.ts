import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { JWTPayload } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSqliteConversationStore } from '../../api/src/adapters/sqlite/sqlite-conversation-store.ts';
import { aMeeting } from '../../api/src/ports/store-fixtures.contract.ts';
import { createDelivery, type DeliveryWorker } from '../../bot/src/delivery/index.ts';
import {
  type LocalTeamsConnector,
  startLocalTeamsConnector,
} from '../../bot/src/delivery/test-support/teams-connector.ts';
import type { ConversationStore, OutboundMessage, StoredConversation } from '../../bot/src/ports.ts';
import { createServiceUrlPolicy } from '../../bot/src/service-url-policy.ts';
import {
  type BotTokenFactory,
  botConnectorClaims,
  type Signer,
  startBotTokenFactory,
} from '../../bot/test/bot-token-factory.ts';
import { createControllableClock } from '../../devtenant/src/index.ts';
import { executeActions, waitUntil } from '../bot/bot-test-support.ts';
import { PEOPLE, type Stack, startStack, TENANT_ID } from '../support/stack.ts';

// The app as `npm start` wires it, with bot credentials: every activity must carry a Bot Connector token. The
// tokens are signed by a local key server the app is configured to read the Bot Framework's keys from, so the
// app's validation runs exactly as in production. Only the local Teams connector is an allowed service URL;
// `evil` records anything that reaches any other host.
const BOT_ID = '0b07c0de-0000-4000-8000-000000000011';
const OTHER_TENANT = '99999999-9999-4999-8999-999999999999';
const STRANGER = '77777777-7777-4777-8777-777777777777';
const clock = createControllableClock(new Date('2026-11-23T08:00:00.000Z'));

interface Recorder {
  url: string;
  requests: string[];
  close(): Promise<void>;
}

let factory: BotTokenFactory;
let connector: LocalTeamsConnector;
let evil: Recorder;
let stack: Stack;
let conversations: ConversationStore;

beforeAll(async () => {
  factory = await startBotTokenFactory();
  connector = await startLocalTeamsConnector();
  evil = await startRecorder();
  stack = await startStack({
    clock,
    tabDir: null,
    env: {
      BOT_ID,
      SECRET_BOT_PASSWORD: 'bot-secret-not-used-offline',
      BOT_OPENID_METADATA_URL: factory.botFrameworkMetadataUrl,
      BOT_ALLOWED_SERVICE_URLS: new URL(connector.serviceUrl).origin,
    },
  });
  conversations = createSqliteConversationStore(stack.composed.db);
}, 60_000);

afterAll(async () => {
  await stack?.stop();
  await Promise.all([factory?.close(), connector?.close(), evil?.close()]);
});

/** A local listener that records every request that reaches it, and answers as a connector would. */
async function startRecorder(): Promise<Recorder> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ id: 'evil-1' }));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/connector/`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** An activity from a person's personal chat, shaped as Teams sends it. */
function activityFrom(
  person: { aadObjectId: string; name: string },
  fields: Record<string, unknown>,
  options: { tenantId?: string; serviceUrl?: string } = {},
): Record<string, unknown> {
  const tenantId = options.tenantId ?? TENANT_ID;
  return {
    id: `forged-${randomUUID()}`,
    timestamp: clock.now().toISOString(),
    channelId: 'msteams',
    serviceUrl: options.serviceUrl ?? connector.serviceUrl,
    from: { id: `29:${person.aadObjectId}`, name: person.name, aadObjectId: person.aadObjectId },
    recipient: { id: `28:${BOT_ID}`, name: 'Confer' },
    conversation: { id: `a:${person.aadObjectId}`, conversationType: 'personal', tenantId },
    channelData: { tenant: { id: tenantId } },
    locale: 'en-US',
    ...fields,
  };
}

const megan = { aadObjectId: PEOPLE.megan.id, name: PEOPLE.megan.name };
const upcomingWithReplies = { type: 'message', text: 'upcoming', deliveryMode: 'expectReplies' };

async function post(activity: Record<string, unknown>, claims?: JWTPayload, signer?: Signer) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (claims) headers.authorization = `Bearer ${await factory.sign(claims, signer)}`;
  const response = await fetch(`${stack.appUrl}/api/messages`, {
    method: 'POST',
    headers,
    body: JSON.stringify(activity),
  });
  return { status: response.status, text: await response.text() };
}

const signed = (serviceUrl: string, extra: JWTPayload = {}, issuer?: string) =>
  botConnectorClaims({ appId: BOT_ID, serviceUrl, now: clock.now(), extra, ...(issuer ? { issuer } : {}) });

describe('forged bot activities are refused, change nothing and reach no host', () => {
  let meetingId: string;
  let accept: { verb: string; data: Record<string, string> };

  beforeAll(async () => {
    const start = new Date(clock.now().getTime() + 2 * 86_400_000);
    const meeting = aMeeting({
      id: randomUUID(),
      tenantId: TENANT_ID,
      organizerId: PEOPLE.alex.id,
      organizerName: PEOPLE.alex.name,
      typeId: null,
      title: 'Confidential check-in',
      start,
      end: new Date(start.getTime() + 30 * 60_000),
      attendees: [
        {
          email: 'meganb@contoso.onmicrosoft.com',
          userId: PEOPLE.megan.id,
          displayName: PEOPLE.megan.name,
          type: 'required',
          response: 'none',
          respondedAt: null,
          proposedStart: null,
          proposedEnd: null,
          addedInOutlook: false,
        },
      ],
    });
    await stack.composed.scheduling.meetings.insert(meeting);
    meetingId = meeting.id;
    const invitation = await stack.composed.bot.render({
      key: `invitation:${meeting.id}:${PEOPLE.megan.id}`,
      tenantId: TENANT_ID,
      userId: PEOPLE.megan.id,
      kind: 'invitation',
      payload: { meetingId: meeting.id },
      notBefore: clock.now(),
    });
    const found = executeActions(invitation?.card).find((action) => action.verb === 'accept');
    if (!found) throw new Error('the invitation has no Accept');
    accept = found;
  });

  const acceptAsMegan = (options: { tenantId?: string; serviceUrl?: string } = {}) =>
    activityFrom(
      megan,
      {
        type: 'invoke',
        name: 'adaptiveCard/action',
        replyToId: 'card-1',
        value: { action: { type: 'Action.Execute', verb: accept.verb, data: accept.data }, trigger: 'manual' },
      },
      options,
    );

  const cases: {
    name: string;
    activity: () => Record<string, unknown>;
    claims: () => JWTPayload | undefined;
    signer?: Signer;
    status: number;
    code: string;
  }[] = [
    {
      name: 'no token',
      activity: () => activityFrom(megan, upcomingWithReplies),
      claims: () => undefined,
      status: 401,
      code: 'bot_token_missing',
    },
    {
      name: "another tenant's Entra token naming Megan (reads her meetings)",
      activity: () => activityFrom(megan, upcomingWithReplies),
      claims: () => signed(connector.serviceUrl, { tid: OTHER_TENANT }, `https://sts.windows.net/${OTHER_TENANT}/`),
      signer: 'entra',
      status: 401,
      code: 'bot_token_untrusted_issuer',
    },
    {
      name: "another tenant's Entra token naming Megan (answers her invitation)",
      activity: () => acceptAsMegan(),
      claims: () =>
        signed(connector.serviceUrl, { tid: OTHER_TENANT }, `https://login.microsoftonline.com/${OTHER_TENANT}/v2.0`),
      signer: 'entra',
      status: 401,
      code: 'bot_token_untrusted_issuer',
    },
    {
      name: 'a token from an issuer that is not the Bot Connector',
      activity: () => acceptAsMegan(),
      claims: () => signed(connector.serviceUrl, {}, 'https://login.evil.example/'),
      status: 401,
      code: 'bot_token_untrusted_issuer',
    },
    {
      name: "the Bot Framework's issuer signed with a key it does not publish",
      activity: () => acceptAsMegan(),
      claims: () => signed(connector.serviceUrl),
      signer: 'stranger',
      status: 401,
      code: 'bot_token_invalid_signature',
    },
    {
      name: 'a token without a serviceurl claim',
      activity: () => acceptAsMegan(),
      claims: () => {
        const { serviceurl: _dropped, ...claims } = signed(connector.serviceUrl);
        return claims;
      },
      status: 401,
      code: 'bot_token_no_service_url',
    },
    {
      name: "a serviceUrl other than the token's",
      activity: () => acceptAsMegan({ serviceUrl: evil.url }),
      claims: () => signed(connector.serviceUrl),
      status: 401,
      code: 'bot_service_url_mismatch',
    },
    {
      name: 'a valid token for an activity of another tenant',
      activity: () => activityFrom(megan, upcomingWithReplies, { tenantId: OTHER_TENANT }),
      claims: () => signed(connector.serviceUrl),
      status: 403,
      code: 'bot_tenant_not_allowed',
    },
    {
      name: "an activity naming a tenant other than its token's",
      activity: () => acceptAsMegan(),
      claims: () => signed(connector.serviceUrl, { tid: OTHER_TENANT }),
      status: 403,
      code: 'bot_tenant_mismatch',
    },
    {
      name: "a person of another tenant acting in this one (a victim's object id from elsewhere)",
      activity: () => activityFrom({ aadObjectId: STRANGER, name: 'Mallory' }, upcomingWithReplies),
      claims: () => signed(connector.serviceUrl),
      status: 403,
      code: 'bot_user_not_in_tenant',
    },
  ];

  /** What a refused activity must leave as it was (other tests in this file store chats and send messages). */
  const traces = async () => ({
    meganChat: await conversations.find(TENANT_ID, PEOPLE.megan.id),
    sent: connector.accepted.length,
    chatsOpened: connector.openRequests,
    toEvil: evil.requests.length,
  });

  it.each(cases)('$name: $status $code', async ({ activity, claims, signer, status, code }) => {
    const before = await stack.composed.scheduling.meetings.get(TENANT_ID, meetingId);
    const seen = await traces();
    const answer = await post(activity(), claims(), signer);

    expect(answer.status).toBe(status);
    expect(JSON.parse(answer.text)).toEqual({ error: { code, message: expect.any(String) } });
    expect(answer.text).not.toContain('Confidential check-in');
    const after = await stack.composed.scheduling.meetings.get(TENANT_ID, meetingId);
    expect(after?.attendees[0]?.response).toBe('none');
    expect(after?.version).toBe(before?.version);
    expect(await traces()).toEqual(seen);
    expect(await conversations.find(TENANT_ID, STRANGER)).toBeUndefined();
  });

  it("checks a token's signature with the Bot Framework's published keys before refusing its tenant", async () => {
    const otherTenant = cases.find((c) => c.code === 'bot_tenant_not_allowed');
    if (!otherTenant) throw new Error('no tenant case');
    const answer = await post(otherTenant.activity(), otherTenant.claims(), otherTenant.signer);
    expect(answer.status).toBe(403);
    // The tenant is judged after the token passed: the keys were read from the metadata.
    expect(factory.keyRequests).toBeGreaterThanOrEqual(2);
  });
});

describe('service-URL poisoning', () => {
  const lynne = { aadObjectId: PEOPLE.lynne.id, name: PEOPLE.lynne.name };
  let worker: DeliveryWorker;

  const stored = (person: { aadObjectId: string; name: string }, serviceUrl: string, updatedAt: Date) =>
    ({
      tenantId: TENANT_ID,
      aadObjectId: person.aadObjectId,
      userId: `29:${person.aadObjectId}`,
      userName: person.name,
      conversationId: `a:${person.aadObjectId}`,
      serviceUrl,
      channelId: 'msteams',
      reference: { serviceUrl, channelId: 'msteams', conversation: { id: `a:${person.aadObjectId}` } },
      updatedAt: updatedAt.toISOString(),
    }) satisfies StoredConversation;

  const reminder = (key: string, userId: string): OutboundMessage => ({
    key,
    tenantId: TENANT_ID,
    userId,
    kind: 'reminder',
    payload: {},
    notBefore: clock.now(),
  });

  beforeAll(async () => {
    // Megan's chat as her install stored it, from an authenticated activity.
    await conversations.save(stored(megan, connector.serviceUrl, clock.now()));
    // The app's own worker fetches a Bot Connector token from Entra for every send, which this offline test
    // cannot reach; this one sends without a token, under the app's configured list of service URLs.
    worker = createDelivery({
      store: stack.composed.bot.outbound,
      conversations,
      render: async (message) => ({
        card: { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: message.key }] },
        summary: message.key,
      }),
      serviceUrls: createServiceUrlPolicy(stack.config.bot.allowedServiceUrls),
      defaultServiceUrl: connector.serviceUrl,
      connectorKeepsActivityIds: true,
      clock,
      logger: { info() {}, warn() {}, error() {} },
      tuning: { pollMs: 50 },
    });
    await worker.start();
  });

  afterAll(async () => {
    await worker?.stop();
  });

  it('a signed activity naming another host is refused, and the stored chat keeps its service URL', async () => {
    const poisoned = activityFrom(megan, { type: 'message', text: 'help' }, { serviceUrl: evil.url });
    const bySignedClaim = await post(poisoned, signed(evil.url));
    expect(bySignedClaim.status).toBe(403);
    expect(JSON.parse(bySignedClaim.text)).toMatchObject({ error: { code: 'bot_service_url_not_allowed' } });
    const byMismatch = await post(poisoned, signed(connector.serviceUrl));
    expect(byMismatch.status).toBe(401);
    expect(JSON.parse(byMismatch.text)).toMatchObject({ error: { code: 'bot_service_url_mismatch' } });

    expect((await conversations.find(TENANT_ID, PEOPLE.megan.id))?.serviceUrl).toBe(connector.serviceUrl);
  });

  it("Megan's next reminder still goes to her chat's connector, and nothing reaches the other host", async () => {
    const earlier = connector.accepted.length;
    await stack.composed.bot.outbound.enqueue([reminder('reminder:poisoning:megan', PEOPLE.megan.id)]);
    worker.wake();
    await waitUntil(async () => (await stack.composed.bot.outbound.get('reminder:poisoning:megan'))?.state === 'sent');
    expect(connector.accepted.slice(earlier).map((activity) => activity.conversationId)).toEqual([
      `a:${PEOPLE.megan.id}`,
    ]);
    expect(evil.requests).toEqual([]);
  });

  it('a chat stored with an unlisted service URL (before the list existed) is never sent to: the message fails once', async () => {
    const later = new Date(clock.now().getTime() + 60_000);
    await conversations.save(stored(lynne, evil.url, later));
    await stack.composed.bot.outbound.enqueue([reminder('reminder:poisoning:lynne', PEOPLE.lynne.id)]);
    worker.wake();
    await waitUntil(
      async () => (await stack.composed.bot.outbound.get('reminder:poisoning:lynne'))?.state === 'failed',
    );
    expect(await stack.composed.bot.outbound.get('reminder:poisoning:lynne')).toMatchObject({
      state: 'failed',
      reason: 'service_url_not_allowed',
      attempts: 0,
    });
    expect(evil.requests).toEqual([]);
  });

  it("a chat opened for someone new passes over the tenant's latest stored URL when it is not listed", async () => {
    // Lynne's poisoned chat is the tenant's most recently stored one.
    await conversations.save(stored(lynne, evil.url, new Date(clock.now().getTime() + 60_000)));
    await stack.composed.bot.outbound.enqueue([reminder('reminder:poisoning:adele', PEOPLE.adele.id)]);
    worker.wake();
    await waitUntil(async () => (await stack.composed.bot.outbound.get('reminder:poisoning:adele'))?.state === 'sent');
    expect(connector.created.map((created) => created.body.members)).toEqual([[{ id: PEOPLE.adele.id }]]);
    expect((await conversations.find(TENANT_ID, PEOPLE.adele.id))?.serviceUrl).toBe(connector.serviceUrl);
    expect(evil.requests).toEqual([]);
  });
});
