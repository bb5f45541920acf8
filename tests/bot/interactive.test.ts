import { LOCAL_BOT_ID } from '@confer/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSqliteConversationStore } from '../../api/src/adapters/sqlite/sqlite-conversation-store.ts';
import type { RunningPlayground } from '../../bot/playground/playground-launcher.ts';
import { createDelivery, type DeliveryWorker } from '../../bot/src/delivery/index.ts';
import type { ConversationStore } from '../../bot/src/index.ts';
import { createServiceUrlPolicy } from '../../bot/src/service-url-policy.ts';
import { adaptiveCardProblems } from '../../bot/test/parse-adaptive-card.ts';
import { type DevtenantGraph, devtenantGraph, type GraphEvent } from '../scheduling/support/devtenant-graph.ts';
import { PEOPLE, type Stack, startStack, TENANT_ID } from '../support/stack.ts';
import { executeActions, teamsClientFor, waitUntil } from './bot-test-support.ts';
import { cardOf, type MessageStream, type PlaygroundClient, type PlaygroundMessage } from './playground-client.ts';
import { openPlaygroundSession, type PlaygroundSession } from './playground-session.ts';

// The whole app as `npm start` wires it (tenant-wide mode, so card clicks act through the app's Graph
// permission), the real Agents Playground as Teams, and the delivery worker sending proactive cards.
const ALEX = 'user-id-0';
const BOT_ID = LOCAL_BOT_ID;
const DAY = 86_400_000;

let stack: Stack;
let store: ConversationStore;
let session: PlaygroundSession;
let playground: RunningPlayground;
let client: PlaygroundClient;
let stream: MessageStream;
let delivery: DeliveryWorker;
let graph: DevtenantGraph;
let chat: string;
let megan: ReturnType<typeof teamsClientFor>;
let lynne: ReturnType<typeof teamsClientFor>;

beforeAll(async () => {
  stack = await startStack({ tabDir: null, connectionMode: 'tenant' });
  store = createSqliteConversationStore(stack.composed.db);
  graph = devtenantGraph(stack);
  session = await openPlaygroundSession(stack, 'interactive');
  ({ playground, client, stream } = session);
  delivery = createDelivery({
    store: stack.composed.bot.outbound,
    conversations: store,
    render: stack.composed.bot.render,
    serviceUrls: createServiceUrlPolicy(stack.config.bot.allowedServiceUrls),
    clock: stack.devtenant.clock,
    logger: { info() {}, warn() {}, error() {} },
    tuning: { pollMs: 100 },
  });
  await delivery.start();
  chat = (await client.config()).personalChat.id;
  // Alex installs the app; Megan talks to the bot once, so both have a stored personal chat.
  await client.install(chat);
  const asPerson = (id: string, person: { id: string; name: string }) =>
    teamsClientFor({
      botEndpoint: `${stack.appUrl}/api/messages`,
      serviceUrl: `http://localhost:${playground.port}/_connector`,
      conversationId: chat,
      tenantId: TENANT_ID,
      botId: BOT_ID,
      person: { id, name: person.name, aadObjectId: person.id },
    });
  megan = asPerson('user-id-1', PEOPLE.megan);
  lynne = asPerson('user-id-5', PEOPLE.lynne);
  await megan.say('help');
  await waitUntil(async () => (await store.find(TENANT_ID, PEOPLE.megan.id)) !== undefined);
}, 60_000);

afterAll(async () => {
  await delivery?.stop();
  await session?.stop();
  await stack?.stop();
});

function cardText(message: PlaygroundMessage): string {
  return JSON.stringify(cardOf(message) ?? null);
}

/** The first card after message `after` that says every one of `texts`, checked against the Adaptive Card schema. */
async function cardSaying(texts: string | readonly string[], after = 0): Promise<PlaygroundMessage> {
  const wanted = typeof texts === 'string' ? [texts] : texts;
  const message = await stream.waitFor(
    (candidate) =>
      stream.messages.indexOf(candidate) >= after && wanted.every((text) => cardText(candidate).includes(text)),
    20_000,
  );
  expect(adaptiveCardProblems(cardOf(message))).toEqual([]);
  return message;
}

/** Alex's Outlook event for one meeting (each test schedules its own, all with the same subject). */
async function organizerEvent(iCalUId: string): Promise<GraphEvent> {
  const now = stack.devtenant.clock.now().getTime();
  const events = await graph.withICalUId(PEOPLE.alex.id, iCalUId, new Date(now - DAY), new Date(now + 30 * DAY));
  expect(events).toHaveLength(1);
  return events[0] as GraphEvent;
}

const subject = `${PEOPLE.alex.name} / ${PEOPLE.megan.name}`;
const meganEmail = 'meganb@contoso.onmicrosoft.com';

/** Alex asks for times with Megan in chat and clicks the first one offered. */
async function scheduleWithMegan() {
  const before = stream.messages.length;
  await client.sendMessage(chat, ALEX, 'schedule with Megan');
  const times = await cardSaying(`Times with ${PEOPLE.megan.name}`, before);
  const choices = executeActions(cardOf(times)).filter((action) => action.verb === 'schedule');
  const [first] = choices;
  if (!first) throw new Error('no time offered');
  // The Playground hands back the invoke response's type and value (it keeps the status to itself).
  const answer = await client.invoke(chat, ALEX, times.messageId, first);
  const now = stack.devtenant.clock.now().getTime();
  const events = (
    await graph.withSubject(PEOPLE.alex.id, subject, new Date(now - DAY), new Date(now + 30 * DAY))
  ).filter((candidate) => new Date(`${candidate.start.dateTime}Z`).toISOString() === first.data.start);
  expect(events).toHaveLength(1);
  const event = events[0] as GraphEvent;
  return { times, choices, first, answer, event, joinUrl: event.onlineMeeting?.joinUrl ?? '' };
}

/** Megan's invitation card for the meeting with this join link. */
const invitationFor = (joinUrl: string) => cardSaying([`${PEOPLE.alex.name} invited you`, joinUrl]);

/** A meeting Alex scheduled from chat and Megan accepted from her invitation card. */
async function acceptedByMegan() {
  const scheduled = await scheduleWithMegan();
  const invitation = await invitationFor(scheduled.joinUrl);
  const accept = executeActions(cardOf(invitation)).find((action) => action.verb === 'accept');
  if (!accept) throw new Error('no Accept button');
  const before = stream.messages.length;
  const answer = await megan.invoke(invitation.messageId, accept);
  return { ...scheduled, invitation, answer, answeredCard: answer.value, before };
}

/** Megan declines from her answered card; Alex gets three new times (the card to move the meeting). */
async function declinedByMegan(accepted: Awaited<ReturnType<typeof acceptedByMegan>>) {
  const decline = executeActions(accepted.answeredCard).find((action) => action.verb === 'decline');
  if (!decline) throw new Error('no Decline button');
  const before = stream.messages.length;
  const declined = await megan.invoke(accepted.invitation.messageId, decline);
  await cardSaying(`${PEOPLE.megan.name} declined`, before);
  const options = await cardSaying('"verb":"reschedule"', before);
  const moves = executeActions(cardOf(options)).filter((action) => action.verb === 'reschedule');
  return { declined, options, moves };
}

describe('scheduling, answering and rescheduling from Teams cards', () => {
  it('schedule with Megan → three times → one click makes a Teams meeting in Outlook', async () => {
    const { times, choices, first, answer, event } = await scheduleWithMegan();
    expect(choices).toHaveLength(3);
    expect(cardText(times)).toContain('/#/schedule?with=meganb%40contoso.onmicrosoft.com');
    expect(answer).toMatchObject({ type: 'application/vnd.microsoft.card.adaptive' });
    expect(adaptiveCardProblems(answer.value)).toEqual([]);
    expect(JSON.stringify(answer.value)).toContain('Invitations are on their way');

    expect(event.isOnlineMeeting).toBe(true);
    expect(event.onlineMeeting?.joinUrl).toMatch(/^https:\/\//);
    expect(new Date(`${event.start.dateTime}Z`).toISOString()).toBe(first.data.start);
  });

  it('Megan gets an invitation card; Accept records it in Outlook as her, and the card shows the answer', async () => {
    const { answer, event, before } = await acceptedByMegan();
    expect(answer).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    expect(adaptiveCardProblems(answer.value)).toEqual([]);
    expect(JSON.stringify(answer.value)).toContain('You answered: **accepted**');

    const recorded = (await organizerEvent(event.iCalUId)).attendees.find((a) => a.emailAddress.address === meganEmail);
    expect(recorded?.status.response).toBe('accepted');
    await cardSaying(`${PEOPLE.megan.name} accepted`, before);
  });

  it('tampered or stale actions are refused with a card-safe error and change nothing', async () => {
    const { answeredCard, invitation, event } = await acceptedByMegan();
    const accept = executeActions(answeredCard).find((action) => action.verb === 'accept');
    const decline = executeActions(answeredCard).find((action) => action.verb === 'decline');
    if (!accept || !decline) throw new Error('the answered card lost its buttons');
    const eventBefore = await organizerEvent(event.iCalUId);
    const refused = async (from: typeof megan, action: { verb: string; data: unknown }, code: string) => {
      const answer = await from.invoke(invitation.messageId, action);
      expect(answer).toMatchObject({ type: 'application/vnd.microsoft.error', value: { code } });
      expect(answer.statusCode).toBeGreaterThanOrEqual(400);
    };

    // Lynne is not in the meeting: for her it does not exist.
    await refused(lynne, decline, 'not_found');
    // Another organisation's tenant on the card.
    await refused(
      megan,
      { ...decline, data: { ...decline.data, tenantId: '00000000-0000-0000-0000-0000000000999' } },
      'wrong_tenant',
    );
    // A card from before a move (its time is not the meeting's any more) or a forged future version.
    await refused(
      megan,
      { ...decline, data: { ...decline.data, start: '2030-01-01T10:00:00.000Z' } },
      'version_conflict',
    );
    await refused(megan, { ...decline, data: { ...decline.data, version: 999 } }, 'version_conflict');
    // Missing fields, wrong types, unknown verbs.
    await refused(megan, { verb: 'decline', data: { verb: 'decline' } }, 'invalid_action');
    await refused(megan, { verb: 'decline', data: { ...decline.data, meetingId: 42 } }, 'invalid_action');
    await refused(megan, { verb: 'obliterate', data: decline.data }, 'invalid_action');
    // Megan cannot reschedule Alex's meeting with a forged reschedule button.
    const forged = {
      ...decline.data,
      verb: 'reschedule',
      newStart: '2030-01-07T10:00:00.000Z',
      newEnd: '2030-01-07T10:30:00.000Z',
    };
    await refused(megan, { verb: 'reschedule', data: forged }, 'forbidden');

    const eventAfter = await organizerEvent(event.iCalUId);
    expect(eventAfter.start).toEqual(eventBefore.start);
    const still = eventAfter.attendees.find((a) => a.emailAddress.address === meganEmail);
    expect(still?.status.response).toBe('accepted');
  });

  it('decline → the organizer gets three new times → one click moves the same meeting, same Teams link', async () => {
    const accepted = await acceptedByMegan();
    const { declined, options, moves } = await declinedByMegan(accepted);
    expect(JSON.stringify(declined.value)).toContain('You answered: **declined**');
    expect(cardText(options)).toContain(`${PEOPLE.megan.name} declined`);
    expect(moves).toHaveLength(3);
    const [move] = moves;
    if (!move) throw new Error('no new time offered');

    // A reschedule button with the version of another state of the meeting is refused.
    const stale = await client.invoke(chat, ALEX, options.messageId, {
      ...move,
      data: { ...move.data, version: 1 },
    });
    expect(stale).toMatchObject({ type: 'application/vnd.microsoft.error', value: { code: 'version_conflict' } });

    const afterDecline = stream.messages.length;
    const moved = await client.invoke(chat, ALEX, options.messageId, move);
    expect(moved).toMatchObject({ type: 'application/vnd.microsoft.card.adaptive' });
    expect(JSON.stringify(moved.value)).toContain('Everyone has the new time');

    const event = await organizerEvent(accepted.event.iCalUId);
    expect(new Date(`${event.start.dateTime}Z`).toISOString()).toBe(move.data.newStart);
    expect(event.onlineMeeting?.joinUrl).toBe(accepted.joinUrl);
    // Megan hears about the move, with her answers again (Exchange asks everyone again on a new time).
    const notice = await cardSaying(`${subject}\\" moved`, afterDecline);
    expect(executeActions(cardOf(notice)).map((action) => action.verb)).toEqual(['accept', 'tentative', 'decline']);
  });

  it('a refresh of the old invitation shows the meeting as it is now', async () => {
    const accepted = await acceptedByMegan();
    const { options, moves } = await declinedByMegan(accepted);
    const [move] = moves;
    if (!move) throw new Error('no new time offered');
    expect(await client.invoke(chat, ALEX, options.messageId, move)).toMatchObject({
      type: 'application/vnd.microsoft.card.adaptive',
    });
    const newStart = new Date(`${(await organizerEvent(accepted.event.iCalUId)).start.dateTime}Z`).toISOString();
    expect(newStart).toBe(move.data.newStart);
    expect(cardText(accepted.invitation)).not.toContain(newStart);
    const refresh = {
      verb: 'refresh',
      data: { ...(cardOf(accepted.invitation) as { refresh: { action: { data: object } } }).refresh.action.data },
    };
    const answer = await megan.invoke(accepted.invitation.messageId, refresh, 'automatic');
    expect(answer).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    expect(JSON.stringify(answer.value)).toContain(newStart);
  });

  it('upcoming lists the meeting; unknown text gets help', async () => {
    await scheduleWithMegan();
    let before = stream.messages.length;
    await client.sendMessage(chat, ALEX, 'upcoming');
    const upcoming = await cardSaying('Your next meetings', before);
    expect(cardText(upcoming)).toContain(subject);
    before = stream.messages.length;
    await client.sendMessage(chat, ALEX, 'what can you do?');
    await cardSaying("didn't understand", before);
  });
});
