import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSqliteConversationStore } from '../../api/src/adapters/sqlite/sqlite-conversation-store.ts';
import { aMeeting } from '../../api/src/ports/store-fixtures.contract.ts';
import { scheduleReminders } from '../../api/src/use-cases/reminders/index.ts';
import { type RunningPlayground, startPlayground } from '../../bot/playground/playground-launcher.ts';
import { adaptiveCardProblems } from '../../bot/test/parse-adaptive-card.ts';
import { createControllableClock } from '../../devtenant/src/index.ts';
import { PEOPLE, type Stack, startStack, TENANT_ID } from '../support/stack.ts';
import { cardOf, type MessageStream, PlaygroundClient, type PlaygroundMessage } from './playground-client.ts';

// The app as `npm start` wires it, with the real Agents Playground as Teams; the app's clock and
// devtenant's are one object, so moving it makes a reminder due without waiting.
const clock = createControllableClock(new Date('2026-11-23T08:00:00.000Z'));
const title = `Delivery check ${randomUUID().slice(0, 8)}`;
let stack: Stack;
let playground: RunningPlayground;
let client: PlaygroundClient;
let stream: MessageStream;
let logDir: string;

async function freePort(): Promise<number> {
  const probe = createServer().listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((done) => probe.close(() => done()));
  return port;
}

const mentionsTitle = (message: PlaygroundMessage) => JSON.stringify(cardOf(message) ?? null).includes(title);

beforeAll(async () => {
  stack = await startStack({ tabDir: null, clock });
  logDir = mkdtempSync(join(tmpdir(), 'confer-playground-delivery-'));
  playground = await startPlayground({
    appEndpoint: `${stack.appUrl}/api/messages`,
    port: await freePort(),
    logFile: join(logDir, 'm365agentsplayground.log'),
  });
  client = new PlaygroundClient(playground.url);
  stream = await client.openStream();
});

afterAll(async () => {
  stream?.close();
  await playground?.stop();
  await stack?.stop();
  if (logDir) rmSync(logDir, { recursive: true, force: true });
});

describe('reminders in the Agents Playground', () => {
  it('arrive once when the clock reaches the lead time, through the stored conversation', async () => {
    const config = await client.config();
    await client.install(config.personalChat.id);
    const conversations = createSqliteConversationStore(stack.composed.db);
    await waitUntil(async () => (await conversations.find(TENANT_ID, PEOPLE.alex.id)) !== undefined);

    const start = new Date(clock.now().getTime() + 30 * 60_000);
    const meeting = aMeeting({
      id: randomUUID(),
      tenantId: TENANT_ID,
      organizerId: PEOPLE.alex.id,
      organizerEmail: 'alexw@contoso.onmicrosoft.com',
      organizerName: PEOPLE.alex.name,
      typeId: null,
      title,
      start,
      end: new Date(start.getTime() + 30 * 60_000),
      attendees: [],
    });
    await stack.composed.scheduling.meetings.insert(meeting);
    // A day before is already past; 15 minutes before is planned.
    expect(await scheduleReminders(stack.composed.delivery.reminders, meeting)).toBe(1);

    const { worker } = stack.composed.delivery;
    await worker.start();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(stream.messages.filter(mentionsTitle)).toHaveLength(0);

    clock.advance(15 * 60_000);
    worker.wake();
    const reminder = await stream.waitFor(mentionsTitle);
    expect(adaptiveCardProblems(cardOf(reminder))).toEqual([]);
    const key = `reminder:${meeting.id}:${start.toISOString()}:${PEOPLE.alex.id}:15`;
    await waitUntil(async () => (await stack.composed.bot.outbound.get(key))?.state === 'sent');

    // Planning again (as a change would) and waking the worker sends nothing more.
    await scheduleReminders(stack.composed.delivery.reminders, meeting);
    worker.wake();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(stream.messages.filter(mentionsTitle)).toHaveLength(1);
  });
});

async function waitUntil(condition: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((done) => setTimeout(done, 50));
  }
}
