import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type BotServer, createMemoryLogger, startBotServer } from '../test/bot-server.ts';
import { type FakeConnector, type SentActivity, startFakeConnector } from '../test/fake-connector.ts';
import { MemoryConversationStore } from '../test/memory-conversation-store.ts';
import { adaptiveCardProblems } from '../test/parse-adaptive-card.ts';
import {
  groupChatMessage,
  installationUpdate,
  megan,
  membersAdded,
  message,
  personalConversationId,
  tenantId,
} from '../test/teams-activities.ts';

const tabUrl = 'https://confer.example.com/';
const now = new Date('2026-11-20T09:00:00.000Z');

let connector: FakeConnector;
let store: MemoryConversationStore;
let logger: ReturnType<typeof createMemoryLogger>;
let bot: BotServer;

beforeEach(async () => {
  connector = await startFakeConnector({
    members: { [megan.id]: { name: megan.name, aadObjectId: megan.aadObjectId } },
  });
  store = new MemoryConversationStore();
  logger = createMemoryLogger();
  bot = await startBotServer({ conversations: store, logger, clock: { now: () => now }, tabUrl });
});

afterEach(async () => {
  await bot.close();
  await connector.close();
});

function cardOf(sent: SentActivity | undefined): Record<string, unknown> {
  const attachment = sent?.body.attachments?.[0];
  expect(attachment?.contentType).toBe('application/vnd.microsoft.card.adaptive');
  expect(adaptiveCardProblems(attachment?.content)).toEqual([]);
  return attachment?.content as Record<string, unknown>;
}

async function install(): Promise<void> {
  // Teams (and the Agents Playground) deliver both install events at once.
  const responses = await Promise.all([
    bot.post(installationUpdate(connector.serviceUrl, 'add')),
    bot.post(membersAdded(connector.serviceUrl)),
  ]);
  expect(responses.map((response) => response.status)).toEqual([200, 200]);
}

describe('install', () => {
  it('greets the person by name once and stores their conversation', async () => {
    await install();

    expect(connector.sent).toHaveLength(1);
    const greeting = connector.sent[0];
    expect(greeting?.conversationId).toBe(personalConversationId);
    const card = JSON.stringify(cardOf(greeting));
    expect(card).toContain('Megan Bowen');
    expect(card).toContain(tabUrl);
    expect(greeting?.authorization).toBeUndefined();

    expect(store.all()).toEqual([
      expect.objectContaining({
        tenantId,
        aadObjectId: megan.aadObjectId,
        userId: megan.id,
        userName: 'Megan Bowen',
        conversationId: personalConversationId,
        serviceUrl: connector.serviceUrl,
        channelId: 'msteams',
        updatedAt: now.toISOString(),
      }),
    ]);
    const reference = store.all()[0]?.reference;
    expect(reference).toMatchObject({ conversation: { id: personalConversationId }, serviceUrl: connector.serviceUrl });
  });

  it('reads the tenant from channelData when the conversation does not carry it', async () => {
    const activity = installationUpdate(connector.serviceUrl, 'add');
    activity.conversation = { id: personalConversationId, conversationType: 'personal' };
    expect((await bot.post(activity)).status).toBe(200);
    expect(store.all()[0]?.tenantId).toBe(tenantId);
  });

  it('still greets, without a name, when the member look-up fails', async () => {
    const activity = installationUpdate(connector.serviceUrl, 'add');
    activity.from = { id: '29:unknown-member', aadObjectId: megan.aadObjectId };
    expect((await bot.post(activity)).status).toBe(200);
    expect(JSON.stringify(cardOf(connector.sent[0]))).toContain('Hi, welcome to Confer');
    expect(logger.entries.map((entry) => entry.message)).toContain('bot.member_lookup_failed');
  });

  it('does not greet again on an app upgrade', async () => {
    await install();
    expect((await bot.post(installationUpdate(connector.serviceUrl, 'add-upgrade'))).status).toBe(200);
    expect(connector.sent).toHaveLength(1);
  });

  it('stores nothing and sends nothing for an install without the user identity', async () => {
    const activity = installationUpdate(connector.serviceUrl, 'add');
    activity.from = { id: megan.id };
    expect((await bot.post(activity)).status).toBe(200);
    expect(store.all()).toEqual([]);
    expect(connector.sent).toEqual([]);
    expect(logger.entries).toContainEqual(
      expect.objectContaining({
        message: 'bot.install_unidentified',
        fields: expect.objectContaining({ code: 'missing_user_object_id' }),
      }),
    );
  });
});

describe('uninstall', () => {
  it('forgets the conversation, and a later install greets again', async () => {
    await install();
    expect((await bot.post(installationUpdate(connector.serviceUrl, 'remove'))).status).toBe(200);
    expect(store.all()).toEqual([]);
    expect(connector.sent).toHaveLength(1);

    await install();
    expect(connector.sent).toHaveLength(2);
    expect(store.all()).toHaveLength(1);
  });
});

describe('messages', () => {
  it('answers help with the list of commands and refreshes the stored conversation', async () => {
    expect((await bot.post(message(connector.serviceUrl, ' Help '))).status).toBe(200);
    const card = cardOf(connector.sent[0]);
    expect(JSON.stringify(card)).toContain('What I can do');
    expect(JSON.stringify(card)).not.toContain("didn't understand");
    const facts = (card.body as { type: string; facts?: { title: string }[] }[]).find(
      (item) => item.type === 'FactSet',
    );
    expect(facts?.facts?.map((fact) => fact.title)).toEqual(['schedule with', 'upcoming', 'help']);
    expect(store.all()).toEqual([expect.objectContaining({ aadObjectId: megan.aadObjectId, userName: 'Megan Bowen' })]);
  });

  it('answers unknown text with help, saying it did not understand', async () => {
    expect((await bot.post(message(connector.serviceUrl, 'book me a room'))).status).toBe(200);
    const card = JSON.stringify(cardOf(connector.sent[0]));
    expect(card).toContain("Sorry, I didn't understand that.");
    expect(card).toContain('What I can do');
  });

  it('answers in a group chat but never stores a group conversation as the person’s chat', async () => {
    expect((await bot.post(groupChatMessage(connector.serviceUrl, 'help'))).status).toBe(200);
    expect(connector.sent).toHaveLength(1);
    expect(store.all()).toEqual([]);
  });

  it('tells the person when the store fails, and logs the error', async () => {
    store.failWith = new Error('database is locked');
    expect((await bot.post(message(connector.serviceUrl, 'help'))).status).toBe(200);
    expect(connector.sent[0]?.body.text).toBe('Something went wrong on our side. Please try again in a moment.');
    expect(logger.entries).toContainEqual(
      expect.objectContaining({
        level: 'error',
        message: 'bot.turn_failed',
        fields: expect.objectContaining({ error: 'database is locked' }),
      }),
    );
  });
});

describe('bad requests', () => {
  it('refuses a body that is not JSON', async () => {
    const response = await bot.post('{"type":');
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: { code: 'invalid_activity', message: expect.any(String) } });
  });

  it('refuses a JSON body that is not an activity', async () => {
    expect((await bot.post([1, 2])).status).toBe(400);
    expect((await bot.post({ text: 'no type, no conversation' })).status).toBe(400);
    const wrongShape = { ...message(connector.serviceUrl, 'help'), from: 42 };
    const response = await bot.post(wrongShape);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'invalid_activity' } });
    expect(store.all()).toEqual([]);
    expect(connector.sent).toEqual([]);
  });

  it('accepts POST only', async () => {
    const response = await fetch(bot.endpoint);
    expect(response.status).toBe(405);
    expect(await response.json()).toMatchObject({ error: { code: 'method_not_allowed' } });
  });
});
