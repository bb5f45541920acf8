import { describe, expect, it } from 'vitest';
import { MemoryConversationStore } from '../../test/memory-conversation-store.ts';
import { adaptiveCardProblems } from '../../test/parse-adaptive-card.ts';
import { afterTheMeeting, attendeeFollowUpView, followUpView, nudgeView } from '../cards/follow-up-view.fixture.ts';
import type { FollowUpView, NudgeView, OutboundMessage } from '../ports.ts';
import { createOutboundRenderer } from './outbound-renderer.ts';
import { fakeSchedulingActions } from './scheduling-actions.fake.ts';

const occurrenceStart = '2026-11-23T19:00:00.000Z';
const followUpPayload = { meetingId: 'm-1', occurrenceStart };
const nudgePayload = { partnerId: 'alex', lastHeldEnd: '2026-11-09T19:30:00.000Z' };

async function renderer(
  followUps: Record<string, FollowUpView>,
  nudges: Record<string, NudgeView> = {},
  now = afterTheMeeting,
) {
  const conversations = new MemoryConversationStore();
  for (const person of ['alex', 'megan']) {
    await conversations.save({
      tenantId: 't-1',
      aadObjectId: person,
      userId: `29:${person}`,
      userName: person,
      conversationId: `a:${person}`,
      serviceUrl: 'http://connector',
      channelId: 'msteams',
      reference: { locale: 'en-GB' },
      updatedAt: now.toISOString(),
    });
  }
  const fake = fakeSchedulingActions({}, { followUps, nudges });
  const render = createOutboundRenderer({
    actions: fake.actions,
    conversations,
    clock: { now: () => now },
    tabUrl: 'http://localhost:3978',
  });
  return { render, reads: fake.reads };
}

const message = (kind: OutboundMessage['kind'], userId: string, payload: Record<string, unknown>): OutboundMessage => ({
  key: `${kind}:${userId}`,
  tenantId: 't-1',
  userId,
  kind,
  payload,
  notBefore: afterTheMeeting,
});

/** Alex's and Megan's views of the occurrence, in one state. */
function both(change: Partial<FollowUpView>): Record<string, FollowUpView> {
  return {
    [`alex:m-1:${occurrenceStart}`]: followUpView(change),
    [`megan:m-1:${occurrenceStart}`]: attendeeFollowUpView(change),
  };
}

/** The verbs of a card's buttons, its refresh aside. */
function verbsOf(card: Record<string, unknown> | undefined): string[] {
  const json = JSON.stringify({ ...card, refresh: undefined });
  return [...json.matchAll(/"type":"Action.Execute","title":"[^"]*","verb":"([^"]+)"/g)].map((match) => match[1] ?? '');
}

describe('follow-up messages', () => {
  it('a held meeting: the follow-up for the organizer, read with three times, refreshing for them', async () => {
    const { render, reads } = await renderer(both({ state: 'held' }));
    const rendered = await render(message('follow-up', 'alex', followUpPayload));
    expect(rendered?.summary).toBe('How did "Mentoring: Megan and Alex" go?');
    expect(adaptiveCardProblems(rendered?.card)).toEqual([]);
    expect(JSON.stringify(rendered?.card)).toContain('You met Megan Bowen for 42 minutes.');
    expect(verbsOf(rendered?.card)).toEqual(['book-next', 'book-next', 'book-next', 'add-note', 'add-action']);
    expect(rendered?.card.refresh).toMatchObject({ userIds: ['29:alex'] });
    expect(reads).toEqual([
      {
        action: 'followUpFor',
        user: expect.objectContaining({ userId: 'alex' }),
        args: ['m-1', new Date(occurrenceStart), 3],
      },
    ]);
  });

  it.each([
    ['held', 'held' as const],
    ['partly attended', 'partly_attended' as const],
  ])('%s: the attendee gets the follow-up too', async (_case, state) => {
    const { render } = await renderer(both({ state }));
    const rendered = await render(message('follow-up', 'megan', followUpPayload));
    expect(rendered?.summary).toBe('How did "Mentoring: Megan and Alex" go?');
    expect(JSON.stringify(rendered?.card)).toContain('You met Alex Wilber for 42 minutes.');
    expect(adaptiveCardProblems(rendered?.card)).toEqual([]);
  });

  it('a no-show: the organizer gets three times to book it again; the attendee nothing', async () => {
    const { render } = await renderer(both({ state: 'no_show' }));
    const organizer = await render(message('follow-up', 'alex', followUpPayload));
    expect(organizer?.summary).toBe(`"Mentoring: Megan and Alex" didn't take place`);
    expect(verbsOf(organizer?.card)).toEqual(['book-next', 'book-next', 'book-next']);
    expect(adaptiveCardProblems(organizer?.card)).toEqual([]);
    expect(await render(message('follow-up', 'megan', followUpPayload))).toBeNull();
  });

  it('pending in person: the organizer is asked whether it took place; the attendee gets nothing', async () => {
    const { render } = await renderer(both({ state: 'pending', online: false, participants: [] }));
    const organizer = await render(message('follow-up', 'alex', followUpPayload));
    expect(organizer?.summary).toBe('Did "Mentoring: Megan and Alex" take place?');
    expect(verbsOf(organizer?.card)).toEqual(['mark-held', 'mark-held']);
    expect(adaptiveCardProblems(organizer?.card)).toEqual([]);
    expect(await render(message('follow-up', 'megan', followUpPayload))).toBeNull();
  });

  it.each([
    ['pending online (Teams has not answered yet)', both({ state: 'pending', online: true }), followUpPayload],
    ['unknown (never guessed)', both({ state: 'unknown', online: false }), followUpPayload],
    ['the occurrence is not theirs', {}, followUpPayload],
    ['the payload has no occurrence', both({ state: 'held' }), { meetingId: 'm-1' }],
    ['the payload has no meeting', both({ state: 'held' }), { occurrenceStart }],
  ])('nothing when %s', async (_case, followUps, payload) => {
    const { render } = await renderer(followUps);
    expect(await render(message('follow-up', 'alex', payload))).toBeNull();
    expect(await render(message('follow-up', 'megan', payload))).toBeNull();
  });
});

describe('cadence nudges', () => {
  it('a pair overdue: when they last met, three times, another time and a way to stop', async () => {
    const { render, reads } = await renderer({}, { 'megan:alex': nudgeView() });
    const rendered = await render(message('cadence-nudge', 'megan', nudgePayload));
    expect(rendered?.summary).toBe('Time to meet Alex Wilber again?');
    expect(JSON.stringify(rendered?.card)).toContain('last met on Mon, 9 Nov 2026 — you meet every 2 weeks.');
    expect(verbsOf(rendered?.card)).toEqual(['book-pair', 'book-pair', 'book-pair', 'nudges-off']);
    expect(adaptiveCardProblems(rendered?.card)).toEqual([]);
    expect(reads).toEqual([
      { action: 'nudgeFor', user: expect.objectContaining({ userId: 'megan' }), args: ['alex', 3] },
    ]);
  });

  const past = [{ start: new Date('2026-11-23T19:45:00Z'), end: new Date('2026-11-23T20:15:00Z') }];
  it.each([
    ['a meeting is booked between them', { booked: true }, nudgePayload],
    ['the recipient turned nudges off', { nudgesOn: false }, nudgePayload],
    ['no time suits them both', { slots: [] }, nudgePayload],
    ['every time found has passed', { slots: past }, nudgePayload],
    ['they met since it was planned', { lastHeldAt: new Date('2026-11-20T19:30:00Z') }, nudgePayload],
    ['the payload has no partner', {}, { lastHeldEnd: nudgePayload.lastHeldEnd }],
    ['the payload has no last meeting', {}, { partnerId: 'alex' }],
  ])('skipped when %s', async (_case, change, payload) => {
    const { render } = await renderer({}, { 'megan:alex': nudgeView(change) });
    expect(await render(message('cadence-nudge', 'megan', payload))).toBeNull();
  });

  it('skipped for someone not in the pair', async () => {
    const { render } = await renderer({}, { 'megan:alex': nudgeView() });
    expect(await render(message('cadence-nudge', 'adele', nudgePayload))).toBeNull();
  });
});
