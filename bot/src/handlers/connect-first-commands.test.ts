import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type BotServer, createMemoryLogger, startBotServer } from '../../test/bot-server.ts';
import { type FakeConnector, startFakeConnector } from '../../test/fake-connector.ts';
import { MemoryConversationStore } from '../../test/memory-conversation-store.ts';
import { adaptiveCardProblems } from '../../test/parse-adaptive-card.ts';
import { message } from '../../test/teams-activities.ts';
import { beforeTheMeeting } from '../cards/meeting-view.fixture.ts';
import type { ConnectionNotice, SchedulingActions } from '../ports.ts';
import { fakeSchedulingActions } from '../render/scheduling-actions.fake.ts';

// Per-user mode without sign-in from chat: a command needing the calendar of someone Confer cannot act for says
// "connect" to a person who never connected and "reconnect" only to one whose connection lapsed.
const notConnected = { ok: false as const, code: 'not_connected' as const, message: 'Not connected.' };

let connector: FakeConnector;
let bot: BotServer | null = null;

beforeEach(async () => {
  connector = await startFakeConnector();
});
afterEach(async () => {
  await bot?.close();
  bot = null;
  await connector.close();
});

async function answerTo(text: string, connection: ConnectionNotice): Promise<string> {
  const fake = fakeSchedulingActions({}, { connection });
  const actions: SchedulingActions = {
    ...fake.actions,
    findPeople: async () => notConnected,
    upcoming: async () => notConnected,
  };
  bot = await startBotServer({
    conversations: new MemoryConversationStore(),
    logger: createMemoryLogger(),
    clock: { now: () => beforeTheMeeting },
    tabUrl: 'https://confer.example/',
    actions,
  });
  expect((await bot.post(message(connector.serviceUrl, text))).status).toBe(200);
  const [sent] = await connector.waitForSent(1);
  const card = sent?.body.attachments?.[0]?.content;
  expect(adaptiveCardProblems(card)).toEqual([]);
  return JSON.stringify(card);
}

describe('a command from someone whose calendar Confer cannot use', () => {
  it.each(['schedule with Megan', 'upcoming'])('"%s" from someone who never connected says connect', async (text) => {
    const card = await answerTo(text, { status: 'not_connected', message: 'x', expiresAt: null });
    expect(card).toContain('Your calendar is not connected. Connect it');
    expect(card).not.toMatch(/reconnect/i);
    expect(card).toContain('"url":"https://confer.example/#/settings"');
  });

  it('says reconnect when the stored connection lapsed', async () => {
    const expired = await answerTo('upcoming', { status: 'expired', message: 'x', expiresAt: null });
    expect(expired).toContain('Reconnect to keep reminders');
    await bot?.close();
    bot = null;
    await connector.close();
    connector = await startFakeConnector();
    const stale = await answerTo('upcoming', { status: 'connected', message: 'x', expiresAt: null });
    expect(stale).toContain('Confer cannot reach your calendar. Open Confer settings to reconnect.');
  });
});
