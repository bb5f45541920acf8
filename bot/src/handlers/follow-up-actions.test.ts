import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type BotServer, createMemoryLogger, startBotServer } from '../../test/bot-server.ts';
import { type FakeConnector, startFakeConnector } from '../../test/fake-connector.ts';
import { MemoryConversationStore } from '../../test/memory-conversation-store.ts';
import { adaptiveCardProblems } from '../../test/parse-adaptive-card.ts';
import { megan, message, tenantId } from '../../test/teams-activities.ts';
import {
  afterTheMeeting,
  attendeeFollowUpView,
  followUpView,
  nextSlots,
  nudgeView,
} from '../cards/follow-up-view.fixture.ts';
import { meetingView, organizerView } from '../cards/meeting-view.fixture.ts';
import type { SchedulingActions } from '../ports.ts';
import { fakeSchedulingActions } from '../render/scheduling-actions.fake.ts';

const occurrenceStart = '2026-11-23T19:00:00.000Z';
const me = megan.aadObjectId;
// Megan organises m-1 (held) and m-3 (in person, not yet said); she is an attendee of m-2 (in person).
const followUps = {
  [`${me}:m-1:${occurrenceStart}`]: followUpView({ state: 'held' }),
  [`${me}:m-2:${occurrenceStart}`]: attendeeFollowUpView({
    meeting: meetingView({ meetingId: 'm-2' }),
    state: 'pending',
    online: false,
  }),
  [`${me}:m-3:${occurrenceStart}`]: followUpView({
    meeting: organizerView({ meetingId: 'm-3' }),
    state: 'pending',
    online: false,
    participants: [],
  }),
};
const nudges = { [`${me}:alex`]: nudgeView() };
const slot = { newStart: '2026-12-07T19:00:00.000Z', newEnd: '2026-12-07T19:30:00.000Z' };
const occurrence = { tenantId, meetingId: 'm-1', occurrenceStart };
const pair = { tenantId, partnerId: 'alex' };

let connector: FakeConnector;
let bot: BotServer;
let fake: ReturnType<typeof fakeSchedulingActions>;

async function startBot(actions: SchedulingActions = fake.actions): Promise<void> {
  bot = await startBotServer({
    conversations: new MemoryConversationStore(),
    logger: createMemoryLogger(),
    clock: { now: () => afterTheMeeting },
    tabUrl: 'http://localhost:3978',
    actions,
  });
}

beforeEach(async () => {
  connector = await startFakeConnector();
  fake = fakeSchedulingActions({}, { followUps, nudges });
  await startBot();
});
afterEach(async () => {
  await bot.close();
  await connector.close();
});

async function click(verb: string, data: Record<string, unknown>, trigger = 'manual') {
  const base = message(connector.serviceUrl, '');
  const response = await bot.post({
    ...base,
    type: 'invoke',
    name: 'adaptiveCard/action',
    text: undefined,
    replyToId: 'card-1',
    value: { action: { type: 'Action.Execute', verb, data: { ...data, verb } }, trigger },
  });
  expect(response.status).toBe(200);
  return (await response.json()) as { statusCode: number; type: string; value: Record<string, unknown> };
}

async function cardOf(verb: string, data: Record<string, unknown>) {
  const answer = await click(verb, data);
  expect(answer).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
  expect(adaptiveCardProblems(answer.value)).toEqual([]);
  return { card: answer.value, json: JSON.stringify(answer.value) };
}

/** The verbs of a card's buttons, its refresh aside. */
function verbsOf(card: Record<string, unknown>): string[] {
  const json = JSON.stringify({ ...card, refresh: undefined });
  return [...json.matchAll(/"type":"Action.Execute","title":"[^"]*","verb":"([^"]+)"/g)].map((match) => match[1] ?? '');
}

const user = { tenantId, userId: me, name: megan.name };

describe('"was it held?"', () => {
  it('Yes: records it and answers with the follow-up, reading three times for the next meeting', async () => {
    const { card, json } = await cardOf('mark-held', { ...occurrence, meetingId: 'm-3', held: 'yes' });
    expect(fake.calls).toEqual([{ action: 'markHeld', user, args: ['m-3', new Date(occurrenceStart), true] }]);
    expect(json).toContain('How did it go?');
    expect(verbsOf(card)).toEqual(['book-next', 'book-next', 'book-next', 'add-note', 'add-action']);
    expect(fake.reads.map((read) => read.args[2])).toEqual([0, 3]);
  });

  it('No: records it and answers with the no-show card', async () => {
    const { card, json } = await cardOf('mark-held', { ...occurrence, meetingId: 'm-3', held: 'no' });
    expect(fake.calls[0]?.args).toEqual(['m-3', new Date(occurrenceStart), false]);
    expect(json).toContain(`didn't take place`);
    expect(verbsOf(card)).toEqual(['book-next', 'book-next', 'book-next']);
  });
});

describe('notes and actions', () => {
  // The clicked card offered one time; it travels with the note.
  const carried = `${nextSlots[0]?.start.toISOString()}/${nextSlots[0]?.end.toISOString()}`;

  it('Save note adds it, shared when toggled, and answers with the follow-up led by "Note added."', async () => {
    const { card, json } = await cardOf('add-note', {
      ...occurrence,
      slots: carried,
      note: '  We agreed on the Q1 plan.  ',
      noteShared: 'true',
    });
    expect(fake.calls).toEqual([
      {
        action: 'addNote',
        user,
        args: ['m-1', new Date(occurrenceStart), { body: 'We agreed on the Q1 plan.', shared: true }],
      },
    ]);
    expect((card.body as { text?: string }[])[0]?.text).toBe('Note added.');
    expect(json).toContain('So far: 1 note, 0 actions.');
    // The times the clicked card offered, without reading calendars again.
    expect(verbsOf(card).filter((verb) => verb === 'book-next')).toHaveLength(1);
    expect(fake.reads).toEqual([]);
  });

  it('a note is private unless shared', async () => {
    await cardOf('add-note', { ...occurrence, note: 'Just for me', noteShared: 'false' });
    expect(fake.calls[0]?.args[2]).toEqual({ body: 'Just for me', shared: false });
  });

  it('Save action adds it with its due date, or none', async () => {
    const { card } = await cardOf('add-action', {
      ...occurrence,
      actionTitle: 'Send the plan',
      actionDue: '2026-12-01',
    });
    expect(fake.calls[0]?.args[2]).toEqual({ title: 'Send the plan', dueDate: '2026-12-01' });
    expect((card.body as { text?: string }[])[0]?.text).toBe('Action added.');
    await cardOf('add-action', { ...occurrence, actionTitle: 'Book a room', actionDue: '' });
    expect(fake.calls[1]?.args[2]).toEqual({ title: 'Book a room', dueDate: null });
  });
});

describe('booking the next meeting', () => {
  it('Book the next one books a follow-on and answers with its organizer card, "Booked" on top', async () => {
    const { json } = await cardOf('book-next', { ...occurrence, ...slot });
    expect(fake.calls).toEqual([
      { action: 'bookFollowOn', user, args: ['m-1', { start: new Date(slot.newStart), end: new Date(slot.newEnd) }] },
    ]);
    expect(json).toContain('Booked for Mon 7 Dec, 14:00–14:30. Invitations are on their way.');
    expect(json).toContain('"meetingId":"m-next"');
  });

  it('a nudge time books a meeting with the partner', async () => {
    const { json } = await cardOf('book-pair', { ...pair, ...slot });
    expect(fake.calls).toEqual([
      {
        action: 'bookWithPartner',
        user,
        args: ['alex', { start: new Date(slot.newStart), end: new Date(slot.newEnd) }],
      },
    ]);
    expect(json).toContain('Booked for Mon 7 Dec, 14:00–14:30.');
  });

  it('Stop these reminders turns nudges off and says where to turn them back on', async () => {
    const { json } = await cardOf('nudges-off', { tenantId });
    expect(fake.calls).toEqual([{ action: 'setNudges', user, args: [false] }]);
    expect(json).toContain("You won't get reminders to meet again any more.");
    expect(json).toContain('http://localhost:3978/#/settings');
  });
});

describe('refused clicks change nothing', () => {
  const late = { newStart: '2026-11-23T19:45:00.000Z', newEnd: '2026-11-23T20:15:00.000Z' };
  const long = { newStart: '2026-12-07T19:00:00.000Z', newEnd: '2026-12-07T19:45:00.000Z' };
  it.each([
    ['mark-held by an attendee', 'mark-held', { ...occurrence, meetingId: 'm-2', held: 'yes' }, 'forbidden', 403],
    [
      'mark-held without an answer',
      'mark-held',
      { ...occurrence, meetingId: 'm-3', held: 'maybe' },
      'invalid_action',
      400,
    ],
    [
      'mark-held on a meeting not theirs',
      'mark-held',
      { ...occurrence, meetingId: 'm-9', held: 'yes' },
      'not_found',
      404,
    ],
    ['book-next on a tampered meeting', 'book-next', { ...occurrence, meetingId: 'm-9', ...slot }, 'not_found', 404],
    [
      'book-next on another occurrence',
      'book-next',
      { ...occurrence, occurrenceStart: '2026-11-16T19:00:00.000Z', ...slot },
      'not_found',
      404,
    ],
    [
      'book-next from another tenant',
      'book-next',
      { ...occurrence, tenantId: 'other-tenant', ...slot },
      'wrong_tenant',
      403,
    ],
    ['book-next at a time passed', 'book-next', { ...occurrence, ...late }, 'validation_failed', 400],
    ['book-next of another length', 'book-next', { ...occurrence, ...long }, 'validation_failed', 400],
    ['book-next without a time', 'book-next', { ...occurrence, newStart: slot.newStart }, 'invalid_action', 400],
    [
      'book-next with a malformed occurrence',
      'book-next',
      { ...occurrence, occurrenceStart: 'Monday', ...slot },
      'invalid_action',
      400,
    ],
    [
      'book-pair with someone not their partner',
      'book-pair',
      { ...pair, partnerId: 'adele', ...slot },
      'not_found',
      404,
    ],
    ['book-pair at a time passed', 'book-pair', { ...pair, ...late }, 'validation_failed', 400],
    ['book-pair of another length', 'book-pair', { ...pair, ...long }, 'validation_failed', 400],
    ['book-pair without a partner', 'book-pair', { tenantId, ...slot }, 'invalid_action', 400],
    ['book-pair from another tenant', 'book-pair', { ...pair, tenantId: 'other-tenant', ...slot }, 'wrong_tenant', 403],
    ['an empty note', 'add-note', { ...occurrence, note: '   ', noteShared: 'true' }, 'validation_failed', 400],
    ['a note without text', 'add-note', { ...occurrence }, 'validation_failed', 400],
    ['a note over the limit', 'add-note', { ...occurrence, note: 'x'.repeat(20_001) }, 'validation_failed', 400],
    ['a note far over any limit', 'add-note', { ...occurrence, note: 'x'.repeat(40_001) }, 'invalid_action', 400],
    ['a note that is a number', 'add-note', { ...occurrence, note: 42 }, 'invalid_action', 400],
    [
      'a note shared "perhaps"',
      'add-note',
      { ...occurrence, note: 'Hi', noteShared: 'perhaps' },
      'invalid_action',
      400,
    ],
    ['a note with unreadable times', 'add-note', { ...occurrence, note: 'Hi', slots: 'soon' }, 'invalid_action', 400],
    ['a note without its occurrence', 'add-note', { tenantId, meetingId: 'm-1', note: 'Hi' }, 'invalid_action', 400],
    ['an action without a title', 'add-action', { ...occurrence, actionTitle: ' ' }, 'validation_failed', 400],
    [
      'an action title too long',
      'add-action',
      { ...occurrence, actionTitle: 'x'.repeat(501) },
      'validation_failed',
      400,
    ],
    [
      'an action due "next week"',
      'add-action',
      { ...occurrence, actionTitle: 'Plan', actionDue: 'next week' },
      'invalid_action',
      400,
    ],
    [
      'an action from another tenant',
      'add-action',
      { ...occurrence, tenantId: 'x', actionTitle: 'Plan' },
      'wrong_tenant',
      403,
    ],
    ['nudges-off from another tenant', 'nudges-off', { tenantId: 'other-tenant' }, 'wrong_tenant', 403],
  ])('%s', async (_case, verb, data, code, status) => {
    const answer = await click(verb, data);
    expect(answer).toMatchObject({ statusCode: status, type: 'application/vnd.microsoft.error', value: { code } });
    expect(fake.calls).toEqual([]);
  });

  it('a note or action on a meeting not theirs is not found (the core answers for the clicker)', async () => {
    const note = await click('add-note', { ...occurrence, meetingId: 'm-9', note: 'Hi' });
    expect(note).toMatchObject({ statusCode: 404, value: { code: 'not_found' } });
    const action = await click('add-action', { ...occurrence, meetingId: 'm-9', actionTitle: 'Plan' });
    expect(action).toMatchObject({ statusCode: 404, value: { code: 'not_found' } });
  });
});

describe('a calendar Confer cannot use', () => {
  it('booking answers with the connect-first card instead of an error', async () => {
    await bot.close();
    const notConnected = { ok: false as const, code: 'not_connected' as const, message: 'Reconnect.' };
    await startBot({
      ...fake.actions,
      bookFollowOn: async () => notConnected,
      bookWithPartner: async () => notConnected,
    });
    for (const [verb, data] of [
      ['book-next', { ...occurrence, ...slot }],
      ['book-pair', { ...pair, ...slot }],
    ] as const) {
      const { json } = await cardOf(verb, data);
      expect(json).toContain('Confer cannot reach your calendar. Open Confer settings to reconnect.');
      expect(json).toContain('http://localhost:3978/#/settings');
    }
  });
});

describe('refresh', () => {
  it('a follow-up card comes back with the times it carries, without reading calendars again', async () => {
    const carried = `${slot.newStart}/${slot.newEnd}`;
    const answer = await click('refresh', { ...occurrence, card: 'follow-up', slots: carried }, 'automatic');
    expect(answer.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(verbsOf(answer.value).filter((verb) => verb === 'book-next')).toHaveLength(1);
    expect(fake.reads.map((read) => read.args[2])).toEqual([0]);
    expect(adaptiveCardProblems(answer.value)).toEqual([]);
  });

  it('a "was it held?" card that was answered in the tab becomes the follow-up, with times read once', async () => {
    fake = fakeSchedulingActions(
      {},
      {
        followUps: { [`${me}:m-3:${occurrenceStart}`]: followUpView({ meeting: organizerView({ meetingId: 'm-3' }) }) },
      },
    );
    await bot.close();
    await startBot();
    const answer = await click('refresh', { ...occurrence, meetingId: 'm-3', card: 'follow-up' }, 'automatic');
    expect(verbsOf(answer.value)).toEqual(['book-next', 'book-next', 'book-next', 'add-note', 'add-action']);
    expect(fake.reads.map((read) => read.args[2])).toEqual([0, 3]);
  });

  it('a nudge card comes back read-only once a meeting is booked; not found for another pair', async () => {
    fake = fakeSchedulingActions({}, { nudges: { [`${me}:alex`]: nudgeView({ booked: true }) } });
    await bot.close();
    await startBot();
    const answer = await click('refresh', { ...pair, card: 'nudge', slots: '' }, 'automatic');
    expect(JSON.stringify(answer.value)).toContain('You and Alex Wilber have a meeting booked.');
    expect(verbsOf(answer.value)).toEqual([]);
    const other = await click('refresh', { ...pair, partnerId: 'adele', card: 'nudge' }, 'automatic');
    expect(other).toMatchObject({ statusCode: 404, value: { code: 'not_found' } });
  });
});
