import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type BotServer, createMemoryLogger, startBotServer } from '../../test/bot-server.ts';
import { type FakeConnector, startFakeConnector } from '../../test/fake-connector.ts';
import { MemoryConversationStore } from '../../test/memory-conversation-store.ts';
import { adaptiveCardProblems } from '../../test/parse-adaptive-card.ts';
import { megan as meganTeams, message, tenantId } from '../../test/teams-activities.ts';
import { beforeTheMeeting, meetingView, organizerView } from '../cards/meeting-view.fixture.ts';
import { fakeSchedulingActions } from '../render/scheduling-actions.fake.ts';

// Megan's view of meeting m-1, keyed by her Entra id as the activity carries it.
const view = meetingView({ viewer: { userId: meganTeams.aadObjectId, role: 'attendee', response: 'none' } });
const cardData = { tenantId, meetingId: 'm-1', version: 3, start: '2026-11-23T19:00:00.000Z' };
// Megan organises m-2; her attendee Adele proposed Wednesday 19:00–19:45 UTC in Outlook.
const proposed = { start: new Date('2026-11-25T19:00:00Z'), end: new Date('2026-11-25T19:45:00Z') };
const adele = {
  userId: 'adele',
  email: 'adelev@contoso.onmicrosoft.com',
  name: 'Adele Vance',
  response: 'tentativelyAccepted' as const,
  proposed,
};
const proposing = organizerView({
  meetingId: 'm-2',
  viewer: { userId: meganTeams.aadObjectId, role: 'organizer', response: 'organizer' },
  attendees: [adele],
});
const acceptData = {
  ...cardData,
  meetingId: 'm-2',
  attendeeEmail: adele.email,
  newStart: proposed.start.toISOString(),
  newEnd: proposed.end.toISOString(),
  verb: 'accept-proposal',
};

let connector: FakeConnector;
let bot: BotServer;
let calls: ReturnType<typeof fakeSchedulingActions>['calls'];

beforeEach(async () => {
  connector = await startFakeConnector();
  const fake = fakeSchedulingActions({
    [`${meganTeams.aadObjectId}:m-1`]: view,
    [`${meganTeams.aadObjectId}:m-2`]: proposing,
  });
  calls = fake.calls;
  bot = await startBotServer({
    conversations: new MemoryConversationStore(),
    logger: createMemoryLogger(),
    clock: { now: () => beforeTheMeeting },
    tabUrl: 'http://localhost:3978',
    actions: fake.actions,
  });
});
afterEach(async () => {
  await bot.close();
  await connector.close();
});

function invoke(value: unknown, from: Record<string, unknown> = {}) {
  const base = message(connector.serviceUrl, '');
  return bot.post({
    ...base,
    type: 'invoke',
    name: 'adaptiveCard/action',
    text: undefined,
    replyToId: 'card-1',
    from: { ...(base.from as object), ...from },
    value,
  });
}

const execute = (verb: string, data: unknown) => ({
  action: { type: 'Action.Execute', verb, data },
  trigger: 'manual',
});

/** The verbs of a card's buttons (its refresh action aside). */
function executeVerbsOf(card: unknown): string[] {
  const json = JSON.stringify((card as { actions?: unknown }).actions ?? []);
  return [...json.matchAll(/"type":"Action.Execute","title":"[^"]*","verb":"([^"]+)"/g)].map((match) => match[1] ?? '');
}

async function answerOf(response: Response) {
  expect(response.status).toBe(200);
  return (await response.json()) as { statusCode: number; type: string; value: { code?: string } };
}

describe('card actions', () => {
  it('Accept answers as the person who clicked and returns their updated card', async () => {
    const answer = await answerOf(await invoke(execute('accept', { ...cardData, verb: 'accept' })));
    expect(answer).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    expect(adaptiveCardProblems(answer.value)).toEqual([]);
    expect(JSON.stringify(answer.value)).toContain('You answered: **accepted**');
    expect(calls).toEqual([
      {
        action: 'respond',
        user: { tenantId, userId: meganTeams.aadObjectId, name: meganTeams.name },
        args: ['m-1', { response: 'accept' }],
      },
    ]);
  });

  it('Propose a new time reads the date and time in the attendee zone and keeps the length', async () => {
    const data = {
      ...cardData,
      verb: 'propose',
      timeZone: 'America/Los_Angeles',
      proposedDate: '2026-11-24',
      proposedTime: '09:30',
    };
    await answerOf(await invoke(execute('propose', data)));
    expect(calls[0]?.args[1]).toEqual({
      response: 'tentative',
      proposed: { start: new Date('2026-11-24T17:30:00.000Z'), end: new Date('2026-11-24T18:00:00.000Z') },
    });
  });

  it.each([
    ['no value', undefined, {}, 'invalid_action', 400],
    [
      'not Action.Execute',
      { action: { type: 'Action.Submit', verb: 'accept', data: cardData } },
      {},
      'invalid_action',
      400,
    ],
    ['an unknown verb', execute('obliterate', cardData), {}, 'invalid_action', 400],
    ['missing fields', execute('accept', { verb: 'accept' }), {}, 'invalid_action', 400],
    ['a number where an id goes', execute('accept', { ...cardData, meetingId: 42 }), {}, 'invalid_action', 400],
    ['oversized data', execute('accept', { ...cardData, note: 'x'.repeat(5000) }), {}, 'invalid_action', 400],
    [
      'another tenant on the card',
      execute('accept', { ...cardData, tenantId: 'other-tenant' }),
      {},
      'wrong_tenant',
      403,
    ],
    [
      'someone else clicking',
      execute('accept', cardData),
      { aadObjectId: '00000000-0000-0000-0000-0000000000025' },
      'not_found',
      404,
    ],
    ['no Entra id on the activity', execute('accept', cardData), { aadObjectId: undefined }, 'invalid_action', 400],
    [
      'a stale card (time moved)',
      execute('accept', { ...cardData, start: '2026-11-22T19:00:00.000Z' }),
      {},
      'version_conflict',
      409,
    ],
    ['a forged future version', execute('accept', { ...cardData, version: 99 }), {}, 'version_conflict', 409],
    [
      'an attendee rescheduling',
      execute('reschedule', { ...cardData, newStart: '2026-11-25T19:00:00.000Z', newEnd: '2026-11-25T19:30:00.000Z' }),
      {},
      'forbidden',
      403,
    ],
    [
      'a proposal in the past',
      execute('propose', { ...cardData, proposedDate: '2026-11-01', proposedTime: '10:00' }),
      {},
      'validation_failed',
      400,
    ],
    [
      'a proposal without a time',
      execute('propose', { ...cardData, proposedDate: '2026-11-24' }),
      {},
      'validation_failed',
      400,
    ],
  ])('refuses %s with a card-safe error and changes nothing', async (_case, value, from, code, status) => {
    const answer = await answerOf(await invoke(value, from));
    expect(answer).toMatchObject({ statusCode: status, type: 'application/vnd.microsoft.error', value: { code } });
    expect(calls.filter((call) => call.action !== 'rescheduleOptions')).toEqual([]);
  });

  it('Accept proposed time moves the same meeting there, guarded by the version the card showed', async () => {
    const answer = await answerOf(await invoke(execute('accept-proposal', acceptData)));
    expect(answer).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    expect(adaptiveCardProblems(answer.value)).toEqual([]);
    expect(JSON.stringify(answer.value)).toContain('Moved to Wed 25 Nov, 14:00–14:45. Everyone has the new time.');
    expect(calls).toEqual([
      {
        action: 'reschedule',
        user: { tenantId, userId: meganTeams.aadObjectId, name: meganTeams.name },
        args: ['m-2', 3, proposed],
      },
    ]);
  });

  it.each([
    ['a proposal the attendee has since replaced', { newStart: '2026-11-26T19:00:00.000Z' }, 'version_conflict', 409],
    ['a card from before the meeting moved', { start: '2026-11-22T19:00:00.000Z' }, 'version_conflict', 409],
    ['a proposal without its attendee', { attendeeEmail: undefined }, 'invalid_action', 400],
    ['an attendee accepting a proposal', { meetingId: 'm-1' }, 'forbidden', 403],
  ])('Accept proposed time refuses %s and changes nothing', async (_case, change, code, status) => {
    const answer = await answerOf(await invoke(execute('accept-proposal', { ...acceptData, ...change })));
    expect(answer).toMatchObject({ statusCode: status, type: 'application/vnd.microsoft.error', value: { code } });
    expect(calls).toEqual([]);
  });

  it('a stale proposal card (the meeting changed since) is refused, and its refresh shows the meeting as it is', async () => {
    const stale = await answerOf(await invoke(execute('accept-proposal', { ...acceptData, version: 2 })));
    expect(stale).toMatchObject({ statusCode: 409, value: { code: 'version_conflict' } });
    const refreshed = await answerOf(
      await invoke({
        ...execute('refresh', { ...acceptData, card: 'proposal', verb: 'refresh' }),
        trigger: 'automatic',
      }),
    );
    expect(refreshed.type).toBe('application/vnd.microsoft.card.adaptive');
    // Rebuilt from the meeting as it is now (version 3), where Adele's proposal still stands.
    expect(executeVerbsOf(refreshed.value)).toEqual(['accept-proposal']);
    expect(JSON.stringify(refreshed.value)).toContain('"meetingId":"m-2","version":3');
    expect(adaptiveCardProblems(refreshed.value)).toEqual([]);
  });

  it('a refresh returns the current card, read-only once the meeting is cancelled', async () => {
    const answer = await answerOf(
      await invoke({ ...execute('refresh', { ...cardData, card: 'invitation' }), trigger: 'automatic' }),
    );
    expect(answer.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(JSON.stringify(answer.value)).toContain('"verb":"accept"');
  });

  it('the Action.Submit fallback runs the same action and answers with the updated card', async () => {
    const response = await bot.post({
      ...message(connector.serviceUrl, ''),
      text: undefined,
      value: { ...cardData, verb: 'decline' },
    });
    expect(response.status).toBe(200);
    expect(calls[0]?.args[1]).toEqual({ response: 'decline' });
    const [update] = await connector.waitForSent(1);
    expect(JSON.stringify(update?.body)).toContain('You answered: **declined**');
  });

  it('a refused Action.Submit says why in plain words', async () => {
    await bot.post({
      ...message(connector.serviceUrl, ''),
      text: undefined,
      value: { ...cardData, tenantId: 'x', verb: 'accept' },
    });
    const [reply] = await connector.waitForSent(1);
    expect(reply?.body.text).toBe('This card belongs to another organisation. Nothing was changed.');
    expect(calls).toEqual([]);
  });
});
