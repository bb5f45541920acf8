import { describe, expect, it } from 'vitest';
import { MemoryConversationStore } from '../../test/memory-conversation-store.ts';
import { adaptiveCardProblems } from '../../test/parse-adaptive-card.ts';
import { beforeTheMeeting, meetingView, organizerView } from '../cards/meeting-view.fixture.ts';
import type { MeetingCardView, OutboundMessage } from '../ports.ts';
import { createOutboundRenderer } from './outbound-renderer.ts';
import { fakeSchedulingActions } from './scheduling-actions.fake.ts';

/** Alex organizes; his chat with the bot last spoke `locale`. */
async function renderer(views: Record<string, MeetingCardView>, locale: string) {
  const conversations = new MemoryConversationStore();
  await conversations.save({
    tenantId: 't-1',
    aadObjectId: 'alex',
    userId: '29:alex',
    userName: 'Alex Wilber',
    conversationId: 'a:alex',
    serviceUrl: 'http://connector',
    channelId: 'msteams',
    reference: { locale },
    updatedAt: beforeTheMeeting.toISOString(),
  });
  const { actions } = fakeSchedulingActions(views, { slots: [] });
  return createOutboundRenderer({
    actions,
    conversations,
    clock: { now: () => beforeTheMeeting },
    tabUrl: 'http://localhost:3978',
  });
}

const answer = (kind: 'guest-picked' | 'guest-proposed', userId = 'alex'): OutboundMessage => ({
  key: `guest:t-1:offer-1`,
  tenantId: 't-1',
  userId,
  kind,
  payload: {
    meetingId: 'm-1',
    offerId: 'offer-1',
    attendeeEmail: 'MeganB@contoso.onmicrosoft.com',
    start: '2026-11-25T19:00:00.000Z',
    end: '2026-11-25T19:30:00.000Z',
    message: 'Later suits me',
  },
  notBefore: beforeTheMeeting,
});

describe('guest answer renderer', () => {
  it('writes to the organizer in the language of their chat, naming the guest as the meeting does', async () => {
    const render = await renderer({ 'alex:m-1': organizerView() }, 'fr-FR');
    const picked = await render(answer('guest-picked'));
    expect(picked?.summary).toBe('Megan Bowen a choisi un horaire pour Mentoring: Megan and Alex');
    // The activity says which language the card is in.
    expect(picked?.locale).toBe('fr-FR');
    expect(adaptiveCardProblems(picked?.card)).toEqual([]);
    const proposed = await render(answer('guest-proposed'));
    expect(proposed?.summary).toBe('Megan Bowen propose un autre horaire pour Mentoring: Megan and Alex');
    expect(JSON.stringify(proposed?.card)).toContain('Accepter');
  });

  it('sends nothing to anyone but the organizer, nor about a cancelled meeting or a malformed payload', async () => {
    const render = await renderer(
      { 'alex:m-1': organizerView({ status: 'cancelled' }), 'megan:m-1': meetingView() },
      'en-GB',
    );
    expect(await render(answer('guest-picked'))).toBeNull();
    expect(await render(answer('guest-picked', 'megan'))).toBeNull();
    expect(await render({ ...answer('guest-proposed'), payload: { meetingId: 'm-1', start: 'soon' } })).toBeNull();
  });
});
