import { describe, expect, it } from 'vitest';
import { MemoryConversationStore } from '../../test/memory-conversation-store.ts';
import { adaptiveCardProblems } from '../../test/parse-adaptive-card.ts';
import { beforeTheMeeting, meetingView, organizerView } from '../cards/meeting-view.fixture.ts';
import type { MeetingCardView, OutboundMessage } from '../ports.ts';
import { createOutboundRenderer } from './outbound-renderer.ts';
import { fakeSchedulingActions } from './scheduling-actions.fake.ts';

const slots = [{ start: new Date('2026-11-25T19:00:00Z'), end: new Date('2026-11-25T19:30:00Z') }];

async function renderer(views: Record<string, MeetingCardView>, now = beforeTheMeeting, options = {}) {
  const conversations = new MemoryConversationStore();
  await conversations.save({
    tenantId: 't-1',
    aadObjectId: 'megan',
    userId: '29:megan',
    userName: 'Megan Bowen',
    conversationId: 'a:megan',
    serviceUrl: 'http://connector',
    channelId: 'msteams',
    reference: { locale: 'en-GB' },
    updatedAt: now.toISOString(),
  });
  const { actions } = fakeSchedulingActions(views, { slots, ...options });
  return createOutboundRenderer({ actions, conversations, clock: { now: () => now }, tabUrl: 'http://localhost:3978' });
}

const message = (kind: OutboundMessage['kind'], userId: string, payload: Record<string, unknown>): OutboundMessage => ({
  key: `${kind}:m-1:${userId}`,
  tenantId: 't-1',
  userId,
  kind,
  payload,
  notBefore: beforeTheMeeting,
});

describe('outbound renderer', () => {
  it('renders an invitation for the attendee, refreshing for their Teams id', async () => {
    const render = await renderer({ 'megan:m-1': meetingView() });
    const rendered = await render(message('invitation', 'megan', { meetingId: 'm-1' }));
    expect(rendered?.summary).toBe('Alex Wilber invited you: Mentoring: Megan and Alex');
    expect(adaptiveCardProblems(rendered?.card)).toEqual([]);
    expect(rendered?.card.refresh).toMatchObject({ userIds: ['29:megan'] });
  });

  it.each([
    ['the meeting is gone for them', {}, beforeTheMeeting],
    ['the meeting was cancelled', { 'megan:m-1': meetingView({ status: 'cancelled' }) }, beforeTheMeeting],
    ['the meeting is over', { 'megan:m-1': meetingView() }, new Date('2026-11-24T00:00:00Z')],
  ])('skips an invitation when %s', async (_case, views, now) => {
    const render = await renderer(views as Record<string, MeetingCardView>, now);
    expect(await render(message('invitation', 'megan', { meetingId: 'm-1' }))).toBeNull();
  });

  it('renders a reminder with the open actions, and skips it for someone who declined or a cancelled occurrence', async () => {
    const view = meetingView({ openActions: [{ title: 'Send the plan', ownerName: 'Megan Bowen', dueDate: null }] });
    const render = await renderer({ 'megan:m-1': view });
    const rendered = await render(message('reminder', 'megan', { meetingId: 'm-1', leadMinutes: 15 }));
    expect(rendered?.summary).toBe('In 15 minutes: Mentoring: Megan and Alex');
    expect(JSON.stringify(rendered?.card)).toContain('Send the plan');
    expect(adaptiveCardProblems(rendered?.card)).toEqual([]);

    const declined = await renderer({
      'megan:m-1': meetingView({ viewer: { userId: 'megan', role: 'attendee', response: 'declined' } }),
    });
    expect(await declined(message('reminder', 'megan', { meetingId: 'm-1', leadMinutes: 15 }))).toBeNull();

    const occurrence = new Date('2026-11-30T19:00:00Z');
    const series = await renderer({
      'megan:m-1': meetingView({
        recurring: true,
        overrides: [{ originalStart: occurrence, start: occurrence, end: occurrence, cancelled: true }],
      }),
    });
    expect(
      await series(message('reminder', 'megan', { meetingId: 'm-1', occurrenceStart: occurrence.toISOString() })),
    ).toBeNull();
    const next = new Date('2026-12-07T19:00:00Z');
    const shown = await series(message('reminder', 'megan', { meetingId: 'm-1', occurrenceStart: next.toISOString() }));
    expect(JSON.stringify(shown?.card)).toContain('Mon, 7 Dec 2026, 11:00–11:30');
  });

  it('skips a reminder once the meeting has started', async () => {
    const render = await renderer({ 'megan:m-1': meetingView() }, new Date('2026-11-23T19:05:00Z'));
    expect(await render(message('reminder', 'megan', { meetingId: 'm-1' }))).toBeNull();
  });

  it('organizer update and reschedule options for the organizer; options skipped once the attendee answers again', async () => {
    const declinedBy = organizerView({ attendees: [{ ...meetingView().attendees[0]!, response: 'declined' }] });
    const render = await renderer({ 'alex:m-1': declinedBy });
    const update = await render(
      message('organizer-update', 'alex', {
        meetingId: 'm-1',
        attendeeEmail: 'meganb@contoso.onmicrosoft.com',
        response: 'declined',
      }),
    );
    expect(update?.summary).toBe('Megan Bowen declined "Mentoring: Megan and Alex".');
    const options = await render(
      message('reschedule-options', 'alex', {
        meetingId: 'm-1',
        attendeeEmail: 'meganb@contoso.onmicrosoft.com',
        version: 3,
      }),
    );
    expect(JSON.stringify(options?.card)).toContain('"verb":"reschedule"');
    expect(adaptiveCardProblems(options?.card)).toEqual([]);

    const accepted = await renderer({
      'alex:m-1': organizerView({ attendees: [{ ...meetingView().attendees[0]!, response: 'accepted' }] }),
    });
    expect(
      await accepted(
        message('reschedule-options', 'alex', {
          meetingId: 'm-1',
          attendeeEmail: 'meganb@contoso.onmicrosoft.com',
          version: 3,
        }),
      ),
    ).toBeNull();
  });

  it('change notices: a move overtaken by a cancellation is not sent; the cancellation is', async () => {
    const render = await renderer({ 'megan:m-1': meetingView({ status: 'cancelled' }) });
    expect(
      await render(message('change-notice', 'megan', { meetingId: 'm-1', change: 'rescheduled', version: 4 })),
    ).toBeNull();
    const cancelled = await render(
      message('change-notice', 'megan', { meetingId: 'm-1', change: 'cancelled', version: 5 }),
    );
    expect(cancelled?.summary).toContain('was cancelled');
    expect(adaptiveCardProblems(cancelled?.card)).toEqual([]);
  });

  it('a change notice made in Outlook says so; the same change made in Confer does not', async () => {
    const render = await renderer({ 'megan:m-1': meetingView() });
    const outlook = await render(
      message('change-notice', 'megan', { meetingId: 'm-1', change: 'updated', version: 4, origin: 'outlook' }),
    );
    const confer = await render(message('change-notice', 'megan', { meetingId: 'm-1', change: 'updated', version: 4 }));
    expect(JSON.stringify(outlook?.card)).toContain('Alex Wilber changed this meeting in Outlook.');
    expect(JSON.stringify(confer?.card)).not.toContain('in Outlook');
    expect(adaptiveCardProblems(outlook?.card)).toEqual([]);
  });

  describe('a time proposed in Outlook', () => {
    const proposed = { start: new Date('2026-11-25T19:00:00Z'), end: new Date('2026-11-25T19:30:00Z') };
    const proposal = {
      meetingId: 'm-1',
      attendeeEmail: 'meganb@contoso.onmicrosoft.com',
      proposedStart: proposed.start.toISOString(),
      proposedEnd: proposed.end.toISOString(),
      version: 3,
    };
    const proposing = (overrides: Parameters<typeof organizerView>[0] = {}) =>
      organizerView({
        attendees: [{ ...meetingView().attendees[0]!, response: 'tentativelyAccepted', proposed }],
        ...overrides,
      });

    it('reaches the organizer as a card with Accept proposed time', async () => {
      const render = await renderer({ 'alex:m-1': proposing() });
      const rendered = await render(message('time-proposal', 'alex', proposal));
      expect(rendered?.summary).toBe('Megan Bowen proposed a new time for "Mentoring: Megan and Alex"');
      expect(JSON.stringify(rendered?.card)).toContain('"verb":"accept-proposal"');
      expect(adaptiveCardProblems(rendered?.card)).toEqual([]);
    });

    it.each([
      ['the attendee answered again (the proposal is gone)', { 'alex:m-1': organizerView() }, proposal],
      ['the meeting was cancelled', { 'alex:m-1': proposing({ status: 'cancelled' }) }, proposal],
      ['the recipient is not the organizer', { 'alex:m-1': proposing({ viewer: meetingView().viewer }) }, proposal],
      ['the payload has no proposed time', { 'alex:m-1': proposing() }, { ...proposal, proposedStart: 'soon' }],
    ])('is skipped when %s', async (_case, views, payload) => {
      const render = await renderer(views as Record<string, MeetingCardView>);
      expect(await render(message('time-proposal', 'alex', payload))).toBeNull();
    });
  });

  it('reconnect prompts: one card to Confer settings, none once reconnected', async () => {
    const expired = await renderer({}, beforeTheMeeting, {
      connection: { status: 'expired', message: 'Your calendar connection has expired.', expiresAt: null },
    });
    const card = await expired(message('reconnect', 'megan', {}));
    expect(JSON.stringify(card?.card)).toContain('http://localhost:3978/#/settings');
    expect(JSON.stringify(card?.card)).toContain('Your calendar connection has expired.');
    const fine = await renderer({});
    expect(await fine(message('reconnect', 'megan', {}))).toBeNull();
  });

  it('a calendar the access policy leaves out: the prompt says Confer cannot use it, not to reconnect', async () => {
    const render = await renderer({}, beforeTheMeeting, {
      connection: {
        status: 'outside_scope',
        message: "Your admin hasn't allowed Confer to use your calendar. Ask your Teams admin.",
        expiresAt: null,
      },
    });
    const card = await render(message('reconnect', 'megan', {}));
    expect(card?.summary).toBe('Confer cannot use your calendar');
    expect(JSON.stringify(card?.card)).toContain('Ask your Teams admin.');
    expect(JSON.stringify(card?.card)).not.toContain('reconnect your calendar');
  });

  it('a payload without a meeting id renders nothing', async () => {
    const render = await renderer({ 'megan:m-1': meetingView() });
    expect(await render(message('invitation', 'megan', {}))).toBeNull();
    expect(await render(message('change-notice', 'megan', { meetingId: 'm-1', change: 'exploded' }))).toBeNull();
  });
});
