import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningPlayground, startPlayground } from '../../bot/playground/playground-launcher.ts';
import { createBotRouter } from '../../bot/src/index.ts';
import { createMemoryLogger } from '../../bot/test/bot-server.ts';
import { MemoryConversationStore } from '../../bot/test/memory-conversation-store.ts';
import { adaptiveCardProblems } from '../../bot/test/parse-adaptive-card.ts';
import {
  type PlaygroundClient as Client,
  cardOf,
  type MessageStream,
  PlaygroundClient,
  type PlaygroundMessage,
} from './playground-client.ts';

const alex = { aadObjectId: '00000000-0000-0000-0000-0000000000020', name: 'Alex Wilber' };
const tenantId = '00000000-0000-0000-0000-0000000000001';

let app: Server;
let playground: RunningPlayground;
let client: Client;
let stream: MessageStream;
let logDir: string;
const store = new MemoryConversationStore();
const logger = createMemoryLogger();

async function freePort(): Promise<number> {
  const probe = createServer().listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((done) => probe.close(() => done()));
  return port;
}

function cardText(message: PlaygroundMessage): string {
  return JSON.stringify(cardOf(message) ?? null);
}

beforeAll(async () => {
  const appExpress = express();
  appExpress.use(
    '/api/messages',
    createBotRouter({
      conversations: store,
      logger,
      clock: { now: () => new Date() },
      tabUrl: 'http://localhost:3978/',
    }),
  );
  app = appExpress.listen(0, '127.0.0.1');
  await once(app, 'listening');
  const appPort = (app.address() as AddressInfo).port;
  logDir = mkdtempSync(join(tmpdir(), 'confer-playground-'));
  playground = await startPlayground({
    appEndpoint: `http://127.0.0.1:${appPort}/api/messages`,
    port: await freePort(),
    logFile: join(logDir, 'm365agentsplayground.log'),
  });
  client = new PlaygroundClient(playground.url);
  stream = await client.openStream();
});

afterAll(async () => {
  stream?.close();
  await playground?.stop();
  app?.closeAllConnections();
  await new Promise<void>((done) => (app ? app.close(() => done()) : done()));
  if (logDir) rmSync(logDir, { recursive: true, force: true });
});

describe('the bot in the Agents Playground', () => {
  it('greets Alex by name on install, once, and keeps the conversation', async () => {
    const config = await client.config();
    expect(config.currentUser).toMatchObject({ name: alex.name, aadObjectId: alex.aadObjectId });
    await client.install(config.personalChat.id);

    const greeting = await stream.waitFor((message) => cardText(message).includes('welcome to Confer'));
    expect(cardText(greeting)).toContain(`Hi ${alex.name}, welcome to Confer`);
    expect(adaptiveCardProblems(cardOf(greeting))).toEqual([]);

    expect(store.all()).toEqual([
      expect.objectContaining({
        tenantId,
        aadObjectId: alex.aadObjectId,
        userName: alex.name,
        conversationId: config.personalChat.id,
        serviceUrl: `http://localhost:${playground.port}/_connector`,
        channelId: 'msteams',
      }),
    ]);
  });

  it('answers help with what the bot can do', async () => {
    const config = await client.config();
    await client.sendMessage(config.personalChat.id, config.currentUser.id, 'help');
    const help = await stream.waitFor((message) => cardText(message).includes('What I can do'));
    expect(adaptiveCardProblems(cardOf(help))).toEqual([]);
    expect(cardText(help)).not.toContain("didn't understand");

    // Both install events had been answered long before help arrived: exactly one greeting.
    expect(greetings()).toHaveLength(1);
    expect(logger.entries.filter((entry) => entry.level === 'error')).toEqual([]);
  });

  it('forgets the conversation on uninstall and greets again on a new install', async () => {
    const config = await client.config();
    await client.uninstall(config.personalChat.id);
    await waitUntil(() => store.all().length === 0);

    await client.install(config.personalChat.id);
    await waitUntil(() => greetings().length === 2);
    expect(store.all()).toEqual([expect.objectContaining({ aadObjectId: alex.aadObjectId })]);
  });
});

function greetings(): PlaygroundMessage[] {
  return stream.messages.filter((message) => cardText(message).includes('welcome to Confer'));
}

async function waitUntil(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((done) => setTimeout(done, 50));
  }
}
