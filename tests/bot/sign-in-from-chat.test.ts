import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type FakeConnector, type SentActivity, startFakeConnector } from '../../bot/test/fake-connector.ts';
import { adaptiveCardProblems } from '../../bot/test/parse-adaptive-card.ts';
import { createControllableClock, SEED_PEOPLE } from '../../devtenant/src/index.ts';
import { devtenantGraph } from '../scheduling/support/devtenant-graph.ts';
import { PEOPLE, type Stack, startStack, TENANT_ID } from '../support/stack.ts';
import { executeActions } from './bot-test-support.ts';

// Per-user mode with an OAuth connection: people who never connected in the tab use the bot straight away; Teams
// signs them in with single sign-on for bots (docs/sign-in-from-chat.md), devtenant plays the token service.
const CONNECTION = 'confer-sso';
const OAUTH_CARD = 'application/vnd.microsoft.card.oauth';
const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';

let stack: Stack;
let connector: FakeConnector;

beforeAll(async () => {
  // A Tuesday morning: mutual free times with Megan exist, and a kept action's 15 minutes are measured from here.
  const clock = createControllableClock(new Date('2026-11-24T08:00:00.000Z'));
  stack = await startStack({ tabDir: null, clock, env: { BOT_OAUTH_CONNECTION: CONNECTION } });
  connector = await startFakeConnector();
}, 60_000);

afterAll(async () => {
  await connector?.close();
  await stack?.stop();
});

afterEach(async () => {
  await stack.devtenant.control('bot-token-service/faults', { userId: PEOPLE.isaiah.id, fault: null });
});

type Person = { id: string; name: string };

/** One person's personal chat with the bot, posting activities as Teams would (answers are the invoke's). */
function teamsChat(person: Person) {
  const teamsId = `29:${person.name.split(' ')[0]?.toLowerCase()}`;
  const conversationId = `a:${teamsId}-personal`;
  let sequence = 0;
  const post = async (fields: Record<string, unknown>) => {
    const response = await fetch(`${stack.appUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        id: `${teamsId}-${++sequence}`,
        timestamp: new Date().toISOString(),
        channelId: 'msteams',
        serviceUrl: connector.serviceUrl,
        from: { id: teamsId, name: person.name, aadObjectId: person.id },
        recipient: { id: '28:confer', name: 'Confer' },
        conversation: { id: conversationId, conversationType: 'personal', tenantId: TENANT_ID },
        channelData: { tenant: { id: TENANT_ID } },
        locale: 'en-US',
        ...fields,
      }),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : null) as Record<string, unknown> | null };
  };
  return {
    teamsId,
    conversationId,
    say: (text: string) => post({ type: 'message', text, textFormat: 'plain' }),
    click: (replyToId: string, action: { verb: string; data: unknown }) =>
      post({
        type: 'invoke',
        name: 'adaptiveCard/action',
        replyToId,
        value: { action: { type: 'Action.Execute', ...action }, trigger: 'manual' },
      }),
    invoke: (name: string, value: unknown) => post({ type: 'invoke', name, value }),
    /** What the bot sent to this chat since `after`. */
    sent: (after: number) => connector.sent.slice(after).filter((s) => s.conversationId === conversationId),
  };
}

type Chat = ReturnType<typeof teamsChat>;

function attachment(activity: SentActivity, contentType: string): Record<string, unknown> | undefined {
  return activity.body.attachments?.find((a) => a.contentType === contentType)?.content as
    | Record<string, unknown>
    | undefined;
}

/** Waits until the chat has `count` new activities after `after`; answers them. */
async function nextSent(chat: Chat, after: number, count = 1): Promise<SentActivity[]> {
  const deadline = Date.now() + 10_000;
  while (chat.sent(after).length < count) {
    if (Date.now() > deadline) throw new Error(`expected ${count} activities, got ${JSON.stringify(chat.sent(after))}`);
    await new Promise((done) => setTimeout(done, 25));
  }
  return chat.sent(after);
}

/** Every Adaptive Card the bot sent, checked against the schema. */
function validCard(activity: SentActivity): Record<string, unknown> {
  const card = attachment(activity, ADAPTIVE_CARD);
  if (!card) throw new Error(`not an Adaptive Card: ${JSON.stringify(activity.body)}`);
  expect(adaptiveCardProblems(card)).toEqual([]);
  return card;
}

/** The OAuth card: connection, token exchange resource and the sign-in button. */
function oauthCardOf(activity: SentActivity) {
  const card = attachment(activity, OAUTH_CARD) as
    | {
        connectionName: string;
        text: string;
        tokenExchangeResource: { id: string; uri: string; providerId: string };
        buttons: { type: string; value: string }[];
      }
    | undefined;
  if (!card) throw new Error(`not an OAuth card: ${JSON.stringify(activity.body)}`);
  return card;
}

/** What the Teams client does with an OAuth card: mint an SSO token for its resource and send it to the bot. */
async function exchangeFor(chat: Chat, person: Person, oauth: ReturnType<typeof oauthCardOf>) {
  const minted = await stack.devtenant.control('teams-sso-token', {
    userId: person.id,
    resource: oauth.tokenExchangeResource.uri,
  });
  const { token } = (await minted.json()) as { token: string };
  const value = { id: oauth.tokenExchangeResource.id, connectionName: oauth.connectionName, token };
  return { value, answer: await chat.invoke('signin/tokenExchange', value) };
}

/** The person follows the sign-in link in a browser, consents, and reads the magic code off the last page. */
async function signInThroughLink(link: string, person: Person): Promise<string> {
  const fetchTrusted = stack.trustedFetch;
  const toAuthorize = await fetchTrusted(link, { redirect: 'manual' });
  const authorize = new URL(String(toAuthorize.headers.get('location')));
  const form = Object.fromEntries(authorize.searchParams);
  const submit = (extra: Record<string, string>) =>
    fetchTrusted(`${authorize.origin}${authorize.pathname}`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ ...form, user_id: person.id, ...extra }).toString(),
    });
  let answer = await submit({});
  if (answer.status === 200) answer = await submit({ action: 'consent_accept' });
  const back = String(answer.headers.get('location'));
  const html = await (await fetchTrusted(back)).text();
  const code = /data-magic-code>(\d{6})</.exec(html)?.[1];
  if (!code) throw new Error(`no magic code: ${html}`);
  return code;
}

function text(value: unknown): string {
  return JSON.stringify(value);
}

async function connectionOf(person: Person) {
  return (await stack.composed.scheduling.tenants.getUser(TENANT_ID, person.id))?.connectionStatus ?? 'none';
}

describe('sign-in from chat, per-user mode, never connected', () => {
  it('"schedule with Megan": OAuth card, token exchange, then the three times with no second message', async () => {
    const alex = teamsChat(PEOPLE.alex);
    const start = connector.sent.length;
    expect((await alex.say('schedule with Megan')).status).toBe(200);
    const [signIn] = await nextSent(alex, start);
    const oauth = oauthCardOf(signIn as SentActivity);
    expect(signIn?.body.text).toBe('Connect your calendar to Confer');
    expect(oauth.text).toContain('Sign in once');
    expect(oauth.connectionName).toBe(CONNECTION);
    expect(oauth.tokenExchangeResource.uri).toBe(stack.config.applicationIdUri);
    expect(oauth.buttons[0]).toMatchObject({ type: 'signin' });

    const { value, answer } = await exchangeFor(alex, PEOPLE.alex, oauth);
    expect(answer).toEqual({ status: 200, body: { id: value.id, connectionName: CONNECTION } });
    const [, times] = await nextSent(alex, start, 2);
    const card = validCard(times as SentActivity);
    expect(text(card)).toContain(`Times with ${PEOPLE.megan.name}`);
    expect(executeActions(card).filter((a) => a.verb === 'schedule')).toHaveLength(3);
    expect(await connectionOf(PEOPLE.alex)).toBe('connected');

    // Teams may send the exchange again (another OAuth card, a retry): the action is not run twice.
    const replay = await alex.invoke('signin/tokenExchange', value);
    expect(replay.status).toBe(200);
    await new Promise((done) => setTimeout(done, 300));
    expect(alex.sent(start)).toHaveLength(2);
    const exchanges = await stack.devtenant.control(`bot-token-service/exchanges?userId=${alex.teamsId}`);
    expect(await exchanges.json()).toMatchObject({ exchanges: 2 });

    // Connected now: the next command runs at once.
    const again = connector.sent.length;
    await alex.say('upcoming');
    const [upcoming] = await nextSent(alex, again);
    expect(text(validCard(upcoming as SentActivity))).toMatch(/Your next meetings|You have no meetings coming up/);
  });

  it('Accept on an invitation: the exchange records the answer in Outlook and updates the same card', async () => {
    const alex = teamsChat(PEOPLE.alex);
    const megan = teamsChat(PEOPLE.megan);
    // Alex (connected by the first test, or now) books a time with Megan from the chat.
    const before = connector.sent.length;
    await alex.say('schedule with Megan');
    let [times] = await nextSent(alex, before);
    if (attachment(times as SentActivity, OAUTH_CARD)) {
      await exchangeFor(alex, PEOPLE.alex, oauthCardOf(times as SentActivity));
      [, times] = await nextSent(alex, before, 2);
    }
    const slot = executeActions(validCard(times as SentActivity)).find((a) => a.verb === 'schedule');
    if (!slot) throw new Error('no time offered');
    const booked = await alex.click('times-card', slot);
    const meetingId = /"meetingId":"([^"]+)"/.exec(text(booked.body))?.[1];
    if (!meetingId) throw new Error(`no meeting in ${text(booked.body)}`);

    const invitation = await stack.composed.bot.render({
      key: `invitation:${meetingId}:${PEOPLE.megan.id}`,
      tenantId: TENANT_ID,
      userId: PEOPLE.megan.id,
      kind: 'invitation',
      payload: { meetingId },
      notBefore: stack.devtenant.clock.now(),
    });
    const accept = executeActions(invitation?.card).find((a) => a.verb === 'accept');
    if (!accept) throw new Error('the invitation has no Accept');

    const start = connector.sent.length;
    const click = await megan.click('invitation-1', accept);
    expect(click.status).toBe(200);
    expect(click.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.activity.message' });
    expect(text(click.body)).toContain('Connect your calendar first');
    const [signIn] = await nextSent(megan, start);
    const { answer } = await exchangeFor(megan, PEOPLE.megan, oauthCardOf(signIn as SentActivity));
    expect(answer.status).toBe(200);

    const [, updated] = await nextSent(megan, start, 2);
    expect(updated?.method).toBe('PUT');
    expect(updated?.path).toMatch(/\/activities\/invitation-1$/);
    expect(text(validCard(updated as SentActivity))).toContain('You answered: **accepted**');

    const meeting = await stack.composed.scheduling.meetings.get(TENANT_ID, meetingId);
    expect(meeting?.attendees.find((a) => a.userId === PEOPLE.megan.id)?.response).toBe('accepted');
    const now = stack.devtenant.clock.now().getTime();
    const graph = devtenantGraph(stack);
    const events = await graph.withICalUId(
      PEOPLE.megan.id,
      String(meeting?.iCalUId),
      new Date(now - 86_400_000),
      new Date(now + 30 * 86_400_000),
    );
    expect(events[0]?.responseStatus.response).toBe('accepted');
  });

  it('consent required: 412, a consent card, then verifyState with the magic code completes the action', async () => {
    const adele = teamsChat(PEOPLE.adele);
    await stack.devtenant.control('bot-token-service/faults', { userId: PEOPLE.adele.id, fault: 'consent_required' });
    const start = connector.sent.length;
    await adele.say('schedule with Megan');
    const [signIn] = await nextSent(adele, start);
    const { value, answer } = await exchangeFor(adele, PEOPLE.adele, oauthCardOf(signIn as SentActivity));
    expect(answer.status).toBe(412);
    expect(answer.body).toMatchObject({ id: value.id, connectionName: CONNECTION });
    expect(String(answer.body?.failureDetail)).toContain('consent_required');
    const [, consent] = await nextSent(adele, start, 2);
    const consentCard = validCard(consent as SentActivity);
    expect(text(consentCard)).toContain('Confer needs your permission');
    const link = (consentCard.actions as { url: string }[])[0]?.url ?? '';
    expect(await connectionOf(PEOPLE.adele)).not.toBe('connected');

    const code = await signInThroughLink(link, PEOPLE.adele);
    const verified = await adele.invoke('signin/verifyState', { state: code });
    expect(verified.status).toBe(200);
    const [, , times] = await nextSent(adele, start, 3);
    expect(text(validCard(times as SentActivity))).toContain(`Times with ${PEOPLE.megan.name}`);
    expect(await connectionOf(PEOPLE.adele)).toBe('connected');
  });

  it('exchange refused: a card says why, nothing is connected and the action never runs', async () => {
    const isaiah = teamsChat(PEOPLE.isaiah);
    await stack.devtenant.control('bot-token-service/faults', { userId: PEOPLE.isaiah.id, fault: 'account_disabled' });
    const start = connector.sent.length;
    await isaiah.say('schedule with Megan');
    const [signIn] = await nextSent(isaiah, start);
    const oauth = oauthCardOf(signIn as SentActivity);
    const { answer } = await exchangeFor(isaiah, PEOPLE.isaiah, oauth);
    expect(answer.status).toBe(200);
    const [, refused] = await nextSent(isaiah, start, 2);
    const card = text(validCard(refused as SentActivity));
    expect(card).toContain("Confer can't sign you in");
    expect(card).toContain('Your account is disabled');
    expect(card).toContain('Nothing was changed');
    expect(await connectionOf(PEOPLE.isaiah)).not.toBe('connected');

    // Allowed again later: signing in connects, but the refused action was dropped, not kept to run by surprise.
    await stack.devtenant.control('bot-token-service/faults', { userId: PEOPLE.isaiah.id, fault: null });
    await exchangeFor(isaiah, PEOPLE.isaiah, oauth);
    const [, , note] = await nextSent(isaiah, start, 3);
    expect(text(validCard(note as SentActivity))).toContain('Your calendar is connected. Ask again');
  });

  it('a lapsed connection is asked to reconnect, never-connected people to connect', async () => {
    const patti = teamsChat(PEOPLE.patti);
    const now = stack.devtenant.clock.now();
    await stack.composed.scheduling.tenants.upsertUser({
      tenantId: TENANT_ID,
      userId: PEOPLE.patti.id,
      email: 'pattif@contoso.onmicrosoft.com',
      displayName: PEOPLE.patti.name,
      timeZone: 'UTC',
      connectionStatus: 'expired',
      connectionCheckedAt: now,
      connectionExpiresAt: null,
      preferences: { reminderMinutes: [], timeZoneOverride: null, workingHoursOverride: null },
      updatedAt: now,
    });
    const start = connector.sent.length;
    await patti.say('upcoming');
    const [signIn] = await nextSent(patti, start);
    expect(signIn?.body.text).toBe('Reconnect your calendar to Confer');
    const oauth = oauthCardOf(signIn as SentActivity);
    expect(oauth.text).toContain('has lapsed');

    // Signing in from the card's button in a browser: the page shows a code, which Patti types into the chat.
    const code = await signInThroughLink(oauth.buttons[0]?.value ?? '', PEOPLE.patti);
    await patti.say(code);
    const [, upcoming] = await nextSent(patti, start, 2);
    expect(text(validCard(upcoming as SentActivity))).toMatch(/Your next meetings|You have no meetings coming up/);
    expect(await connectionOf(PEOPLE.patti)).toBe('connected');
  });

  it("a made-up or someone else's magic code is refused and runs nothing", async () => {
    const lynne = teamsChat(PEOPLE.lynne);
    const start = connector.sent.length;
    await lynne.say('upcoming');
    await nextSent(lynne, start);
    // A code another Teams user's sign-in produced.
    const state = Buffer.from(
      JSON.stringify({
        connectionName: CONNECTION,
        conversation: { channelId: 'msteams', user: { id: '29:someone' } },
      }),
    ).toString('base64');
    const resource = await stack.trustedFetch(`${stack.devtenant.url}/api/botsignin/GetSignInResource?state=${state}`);
    const foreign = await signInThroughLink(
      ((await resource.json()) as { signInLink: string }).signInLink,
      PEOPLE.lynne,
    );

    for (const [code, status] of [
      [foreign, 404],
      ['000000', 404],
      ['not-a-code', 400],
    ] as const) {
      const answer = await lynne.invoke('signin/verifyState', { state: code });
      expect(answer.status).toBe(status);
    }
    const after = await nextSent(lynne, start, 4);
    for (const note of after.slice(1)) expect(text(validCard(note))).toContain('could not be confirmed');
    expect(await connectionOf(PEOPLE.lynne)).not.toBe('connected');
    // The pending "upcoming" is still waiting for a real sign-in.
    const pending = await stack.composed.db
      .prepare('SELECT count(*) AS n FROM bot_pending_sign_ins WHERE aad_object_id = ?')
      .get(PEOPLE.lynne.id);
    expect(pending).toEqual({ n: 1 });
  });

  it('a kept action older than 15 minutes is not run after a late sign-in', async () => {
    const seed = SEED_PEOPLE.find((person) => person.alias === 'diegos');
    if (!seed) throw new Error('no Diego in the seed');
    const diego = teamsChat({ id: seed.id, name: `${seed.givenName} ${seed.surname}` });
    const start = connector.sent.length;
    await diego.say('upcoming');
    const oauth = oauthCardOf((await nextSent(diego, start))[0] as SentActivity);
    stack.devtenant.clock.advance(16 * 60_000);
    const { answer } = await exchangeFor(diego, { id: seed.id, name: seed.givenName }, oauth);
    expect(answer.status).toBe(200);
    const [, note] = await nextSent(diego, start, 2);
    expect(text(validCard(note as SentActivity))).toContain('Your calendar is connected. Ask again');
  });

  it('help needs no calendar, and tenant-wide mode signs nobody in', async () => {
    const seed = SEED_PEOPLE.find((person) => person.alias === 'miriamg');
    if (!seed) throw new Error('no Miriam in the seed');
    const miriam = teamsChat({ id: seed.id, name: `${seed.givenName} ${seed.surname}` });
    const start = connector.sent.length;
    await miriam.say('help');
    const [help] = await nextSent(miriam, start);
    expect(attachment(help as SentActivity, OAUTH_CARD)).toBeUndefined();
    validCard(help as SentActivity);

    const tenants = stack.composed.scheduling.tenants;
    await tenants.saveSettings({
      tenantId: TENANT_ID,
      connectionMode: 'tenant',
      securityGroupId: null,
      integrationEnabled: true,
      allowDisconnect: true,
      integrationOwners: [],
      updatedAt: stack.devtenant.clock.now(),
    });
    try {
      await miriam.say('upcoming');
      const [, upcoming] = await nextSent(miriam, start, 2);
      expect(attachment(upcoming as SentActivity, OAUTH_CARD)).toBeUndefined();
      expect(text(validCard(upcoming as SentActivity))).not.toContain('Connect your calendar');
    } finally {
      await tenants.saveSettings({
        tenantId: TENANT_ID,
        connectionMode: 'user',
        securityGroupId: null,
        integrationEnabled: true,
        allowDisconnect: true,
        integrationOwners: [],
        updatedAt: stack.devtenant.clock.now(),
      });
    }
  });
});

describe('sign-in from chat across a restart', () => {
  it('the kept action survives the app restarting between the OAuth card and the sign-in', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'confer-sign-in-restart-'));
    const env = { BOT_OAUTH_CONNECTION: CONNECTION };
    const main = stack;
    try {
      stack = await startStack({ tabDir: null, dataDir, env });
      const alex = teamsChat(PEOPLE.alex);
      const start = connector.sent.length;
      await alex.say('schedule with Megan');
      oauthCardOf((await nextSent(alex, start))[0] as SentActivity);
      await stack.stop();

      // The same data folder: a new process (and, here, a new local tenant) finds what Alex asked for.
      stack = await startStack({ tabDir: null, dataDir, env });
      const minted = await stack.devtenant.control('teams-sso-token', {
        userId: PEOPLE.alex.id,
        resource: stack.config.applicationIdUri,
      });
      const { token } = (await minted.json()) as { token: string };
      const answer = await alex.invoke('signin/tokenExchange', {
        id: 'after-restart',
        connectionName: CONNECTION,
        token,
      });
      expect(answer.status).toBe(200);
      const [, times] = await nextSent(alex, start, 2);
      expect(text(validCard(times as SentActivity))).toContain(`Times with ${PEOPLE.megan.name}`);
    } finally {
      await stack.stop();
      stack = main;
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
