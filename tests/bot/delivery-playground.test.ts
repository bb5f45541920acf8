import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSqliteConversationStore } from '../../api/src/adapters/sqlite/sqlite-conversation-store.ts';
import { aMeeting } from '../../api/src/ports/store-fixtures.contract.ts';
import { scheduleReminders } from '../../api/src/use-cases/reminders/index.ts';
import { adaptiveCardProblems } from '../../bot/test/parse-adaptive-card.ts';
import { createControllableClock } from '../../devtenant/src/index.ts';
import { PEOPLE, type Stack, startStack, TENANT_ID } from '../support/stack.ts';
import { cardOf, type MessageStream, type PlaygroundClient, type PlaygroundMessage } from './playground-client.ts';
import { openPlaygroundSession, type PlaygroundSession } from './playground-session.ts';

// The app as `npm start` wires it, with the real Agents Playground as Teams; the app's clock and
// devtenant's are one object, so moving it makes a reminder due without waiting.
const clock = createControllableClock(new Date('2026-11-23T08:00:00.000Z'));
const title = `Delivery check ${randomUUID().slice(0, 8)}`;
let stack: Stack;
let session: PlaygroundSession;
let client: PlaygroundClient;
let stream: MessageStream;

const mentionsTitle = (message: PlaygroundMessage) => JSON.stringify(cardOf(message) ?? null).includes(title);

beforeAll(async () => {
  stack = await startStack({ tabDir: null, clock });
  session = await openPlaygroundSession(stack, 'playground-delivery');
  ({ client, stream } = session);
});

afterAll(async () => {
  await session?.stop();
  await stack?.stop();
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
