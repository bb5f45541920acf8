import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type BotServer, createMemoryLogger, startBotServer } from '../../test/bot-server.ts';
import { type FakeConnector, startFakeConnector } from '../../test/fake-connector.ts';
import { MemoryConversationStore } from '../../test/memory-conversation-store.ts';
import { adaptiveCardProblems } from '../../test/parse-adaptive-card.ts';
import { megan as meganTeams, message, tenantId } from '../../test/teams-activities.ts';
import { beforeTheMeeting, meetingView } from '../cards/meeting-view.fixture.ts';
import type { ConnectionNotice, SchedulingActions } from '../ports.ts';
import { fakeSchedulingActions } from '../render/scheduling-actions.fake.ts';

// Per-user mode: Megan was invited but never connected her calendar in Confer's tab, so the core cannot
// answer in Outlook as her. Her click must lead somewhere, not end in an error.
const view = meetingView({ viewer: { userId: meganTeams.aadObjectId, role: 'attendee', response: 'none' } });
const organizerView = meetingView({
  viewer: { userId: meganTeams.aadObjectId, role: 'organizer', response: 'organizer' },
});
const cardData = { tenantId, meetingId: 'm-1', version: 3, start: '2026-11-23T19:00:00.000Z' };
const neverConnected: ConnectionNotice = {
  status: 'not_connected',
  message: 'Your calendar is not connected. Connect it so Confer can schedule for you.',
  expiresAt: null,
};
const notConnected = { ok: false as const, code: 'not_connected' as const, message: 'Not connected.' };

let connector: FakeConnector;
let bot: BotServer | null = null;
let changes: string[];

beforeEach(async () => {
  connector = await startFakeConnector();
  changes = [];
});
afterEach(async () => {
  await bot?.close();
  bot = null;
  await connector.close();
});

async function botWith(meeting = view, connection = neverConnected) {
  const fake = fakeSchedulingActions({ [`${meganTeams.aadObjectId}:m-1`]: meeting }, { connection });
  const actions: SchedulingActions = {
    ...fake.actions,
    respond: async (_user, meetingId) => {
      changes.push(`respond:${meetingId}`);
      return notConnected;
    },
    reschedule: async (_user, meetingId) => {
      changes.push(`reschedule:${meetingId}`);
      return notConnected;
    },
    schedule: async () => {
      changes.push('schedule');
      return notConnected;
    },
  };
  bot = await startBotServer({
    conversations: new MemoryConversationStore(),
    logger: createMemoryLogger(),
    clock: { now: () => beforeTheMeeting },
    tabUrl: 'https://confer.example/',
    actions,
  });
  return bot;
}

async function click(server: BotServer, verb: string, data: Record<string, unknown>) {
  const base = message(connector.serviceUrl, '');
  const response = await server.post({
    ...base,
    type: 'invoke',
    name: 'adaptiveCard/action',
    text: undefined,
    replyToId: 'card-1',
    value: { action: { type: 'Action.Execute', verb, data: { ...data, verb } }, trigger: 'manual' },
  });
  expect(response.status).toBe(200);
  return (await response.json()) as { statusCode: number; type: string; value: unknown };
}

function openUrls(card: unknown): { title: string; url: string }[] {
  const found: { title: string; url: string }[] = [];
  JSON.stringify(card, (_key, value: unknown) => {
    const node = value as { type?: unknown; title?: unknown; url?: unknown } | null;
    if (node?.type === 'Action.OpenUrl') found.push({ title: String(node.title), url: String(node.url) });
    return value;
  });
  return found;
}

describe('a card click by someone whose calendar Confer cannot use yet', () => {
  it('Accept explains, offers "Open Confer settings", keeps the invitation buttons and changes nothing else', async () => {
    const answer = await click(await botWith(), 'accept', cardData);
    expect(answer).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    expect(adaptiveCardProblems(answer.value)).toEqual([]);
    const text = JSON.stringify(answer.value);
    expect(text).toContain(neverConnected.message);
    expect(openUrls(answer.value)).toContainEqual({
      title: 'Open Confer settings',
      url: 'https://confer.example/#/settings',
    });
    // The same card, still unanswered, so the click works again once connected.
    expect(text).toContain('"verb":"accept"');
    expect(text).not.toContain('You answered');
    expect(changes).toEqual(['respond:m-1']);
  });

  it('says the connection stopped working when the stored status still reads connected', async () => {
    const connected: ConnectionNotice = {
      status: 'connected',
      message: 'Your calendar is connected.',
      expiresAt: null,
    };
    const answer = await click(await botWith(view, connected), 'decline', cardData);
    expect(JSON.stringify(answer.value)).toContain('Confer cannot reach your calendar');
    expect(JSON.stringify(answer.value)).not.toContain('Your calendar is connected.');
  });

  it('a time picked from "schedule with" or a reschedule option gets the same way to connect', async () => {
    const server = await botWith(organizerView);
    const schedule = await click(server, 'schedule', {
      with: 'meganb@contoso.onmicrosoft.com',
      withName: 'Megan Bowen',
      start: '2026-11-25T19:00:00.000Z',
      end: '2026-11-25T19:30:00.000Z',
    });
    const reschedule = await click(server, 'reschedule', {
      ...cardData,
      newStart: '2026-11-25T19:00:00.000Z',
      newEnd: '2026-11-25T19:30:00.000Z',
    });
    for (const answer of [schedule, reschedule]) {
      expect(answer.type).toBe('application/vnd.microsoft.card.adaptive');
      expect(adaptiveCardProblems(answer.value)).toEqual([]);
      expect(openUrls(answer.value)).toEqual([
        { title: 'Open Confer settings', url: 'https://confer.example/#/settings' },
      ]);
    }
  });
});
