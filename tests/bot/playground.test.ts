import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSqliteConversationStore } from '../../api/src/adapters/sqlite/sqlite-conversation-store.ts';
import type { RunningPlayground } from '../../bot/playground/playground-launcher.ts';
import type { ConversationStore } from '../../bot/src/index.ts';
import { adaptiveCardProblems } from '../../bot/test/parse-adaptive-card.ts';
import { PEOPLE, type Stack, startStack, TENANT_ID } from '../support/stack.ts';
import { cardOf, type MessageStream, type PlaygroundClient, type PlaygroundMessage } from './playground-client.ts';
import { openPlaygroundSession, type PlaygroundSession } from './playground-session.ts';

// The app as `npm start` wires it (SQLite store, devtenant), with the real Agents Playground as Teams.
const alex = { aadObjectId: PEOPLE.alex.id, name: PEOPLE.alex.name };

let stack: Stack;
let store: ConversationStore;
let session: PlaygroundSession;
let playground: RunningPlayground;
let client: PlaygroundClient;
let stream: MessageStream;

function cardText(message: PlaygroundMessage): string {
  return JSON.stringify(cardOf(message) ?? null);
}

beforeAll(async () => {
  stack = await startStack({ tabDir: null });
  store = createSqliteConversationStore(stack.composed.db);
  session = await openPlaygroundSession(stack, 'playground');
  ({ playground, client, stream } = session);
});

afterAll(async () => {
  await session?.stop();
  await stack?.stop();
});

/**
 * Alex installs the app afresh (uninstalling first if an earlier test left it installed) and is greeted.
 * `mark` is where this install's messages start in the stream.
 */
async function freshInstall() {
  const config = await client.config();
  if (await store.find(TENANT_ID, alex.aadObjectId)) {
    await client.uninstall(config.personalChat.id);
    await waitUntil(async () => (await store.find(TENANT_ID, alex.aadObjectId)) === undefined);
  }
  const mark = stream.messages.length;
  await client.install(config.personalChat.id);
  const greeting = await stream.waitFor(
    (message) => stream.messages.indexOf(message) >= mark && cardText(message).includes('welcome to Confer'),
  );
  return { config, mark, greeting };
}

describe('the bot in the Agents Playground', () => {
  it('greets Alex by name on install, once, and keeps the conversation', async () => {
    const { config, greeting } = await freshInstall();
    expect(config.currentUser).toMatchObject({ name: alex.name, aadObjectId: alex.aadObjectId });
    expect(cardText(greeting)).toContain(`Hi ${alex.name}, welcome to Confer`);
    expect(adaptiveCardProblems(cardOf(greeting))).toEqual([]);

    expect(await store.find(TENANT_ID, alex.aadObjectId)).toEqual(
      expect.objectContaining({
        tenantId: TENANT_ID,
        aadObjectId: alex.aadObjectId,
        userName: alex.name,
        conversationId: config.personalChat.id,
        serviceUrl: `http://localhost:${playground.port}/_connector`,
        channelId: 'msteams',
      }),
    );
  });

  it('answers help with what the bot can do', async () => {
    const { config, mark } = await freshInstall();
    await client.sendMessage(config.personalChat.id, config.currentUser.id, 'help');
    const help = await stream.waitFor(
      (message) => stream.messages.indexOf(message) >= mark && cardText(message).includes('What I can do'),
    );
    expect(adaptiveCardProblems(cardOf(help))).toEqual([]);
    expect(cardText(help)).not.toContain("didn't understand");

    // Both install events had been answered long before help arrived: exactly one greeting.
    expect(greetingsSince(mark)).toHaveLength(1);
  });

  it('forgets the conversation on uninstall and greets again on a new install', async () => {
    const { config, mark } = await freshInstall();
    await client.uninstall(config.personalChat.id);
    await waitUntil(async () => (await store.find(TENANT_ID, alex.aadObjectId)) === undefined);

    await client.install(config.personalChat.id);
    await waitUntil(() => greetingsSince(mark).length === 2);
    expect(await store.find(TENANT_ID, alex.aadObjectId)).toMatchObject({ conversationId: config.personalChat.id });
  });
});

function greetingsSince(mark: number): PlaygroundMessage[] {
  return stream.messages.slice(mark).filter((message) => cardText(message).includes('welcome to Confer'));
}

async function waitUntil(condition: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((done) => setTimeout(done, 50));
  }
}
