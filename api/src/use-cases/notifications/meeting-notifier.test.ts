import type { OutboundMessage, OutboundQueue } from '@confer/bot/ports';
import { describe, expect, it } from 'vitest';
import type { Meeting, MeetingAttendee } from '../../domain/scheduling/meeting.ts';
import { aMeeting, guest, megan, TENANT_A } from '../../ports/store-fixtures.contract.ts';
import { createMeetingNotifier, type PlanReminders } from './meeting-notifier.ts';

const now = new Date('2026-11-20T12:00:00.000Z');
const adele: MeetingAttendee = {
  ...megan,
  email: 'adelev@contoso.onmicrosoft.com',
  userId: 'oid-adele',
  displayName: 'Adele Vance',
  response: 'none',
};
const invited = (meeting: Partial<Meeting> = {}) =>
  aMeeting({
    attendees: [{ ...megan, response: 'none', proposedStart: null, proposedEnd: null }, adele, guest],
    ...meeting,
  });

/** A queue that keeps what it is given, ignoring keys it has seen (like the real one). */
function recordingQueue() {
  const messages: OutboundMessage[] = [];
  const cancelled: string[] = [];
  const queue: OutboundQueue = {
    async enqueue(batch) {
      for (const message of batch) if (!messages.some((m) => m.key === message.key)) messages.push(message);
    },
    async cancelPending(prefix) {
      cancelled.push(prefix);
      return 0;
    },
  };
  return { queue, messages, cancelled };
}

function setup(options: { planReminders?: PlanReminders } = {}) {
  const recorded = recordingQueue();
  const notifier = createMeetingNotifier({
    queue: recorded.queue,
    clock: { now: () => now },
    ...(options.planReminders ? { planReminders: options.planReminders } : {}),
  });
  return { notifier, ...recorded };
}

const summary = (messages: OutboundMessage[]) => messages.map((m) => [m.kind, m.key, m.userId]);

describe('meeting notifier', () => {
  it('invites every attendee with an Entra id once (chat or not: delivery opens one), and plans the reminders', async () => {
    const reminder: OutboundMessage = {
      key: 'reminder:meeting-1:2026-11-23T10:00:00.000Z:oid-megan:15',
      tenantId: TENANT_A,
      userId: 'oid-megan',
      kind: 'reminder',
      payload: { meetingId: 'meeting-1' },
      notBefore: new Date('2026-11-23T09:45:00.000Z'),
    };
    const { notifier, messages } = setup({ planReminders: async () => [reminder] });
    await notifier.meetingCreated(invited());
    await notifier.meetingCreated(invited());
    // The guest has no Entra id in the tenant, so no Teams chat with this bot.
    expect(summary(messages)).toEqual([
      ['invitation', 'invitation:meeting-1:oid-megan', 'oid-megan'],
      ['invitation', 'invitation:meeting-1:oid-adele', 'oid-adele'],
      ['reminder', reminder.key, 'oid-megan'],
    ]);
    expect(messages[0]).toMatchObject({ tenantId: TENANT_A, payload: { meetingId: 'meeting-1' }, notBefore: now });
  });

  it('a move tells each attendee once per version (new people get an invitation) and re-plans reminders', async () => {
    const { notifier, messages, cancelled } = setup();
    const before = aMeeting({ attendees: [megan, guest], version: 4 });
    const after = invited({
      start: new Date('2026-11-24T10:00:00.000Z'),
      end: new Date('2026-11-24T10:45:00.000Z'),
      version: 5,
    });
    await notifier.meetingChanged(before, after);
    await notifier.meetingChanged(before, after);
    expect(summary(messages)).toEqual([
      ['change-notice', 'change:meeting-1:5:oid-megan', 'oid-megan'],
      ['invitation', 'invitation:meeting-1:oid-adele', 'oid-adele'],
    ]);
    expect(messages[0]?.payload).toEqual({
      meetingId: 'meeting-1',
      change: 'rescheduled',
      version: 5,
      previousStart: '2026-11-23T10:00:00.000Z',
    });
    expect(cancelled).toContain('reminder:meeting-1:');
  });

  it('a change made in Outlook says so in each notice; one made in Confer does not', async () => {
    const { notifier, messages } = setup();
    const before = aMeeting({ attendees: [megan], version: 4 });
    await notifier.meetingChanged(before, { ...before, agenda: 'New agenda', version: 5 }, 'outlook');
    await notifier.meetingChanged(before, { ...before, agenda: 'Newer agenda', version: 6 }, 'confer');
    await notifier.meetingChanged(before, { ...before, agenda: 'Newest agenda', version: 7 });
    expect(messages.map((m) => m.payload)).toEqual([
      { meetingId: 'meeting-1', change: 'updated', version: 5, origin: 'outlook' },
      { meetingId: 'meeting-1', change: 'updated', version: 6 },
      { meetingId: 'meeting-1', change: 'updated', version: 7 },
    ]);
  });

  it('a change of answers or change key alone is no news', async () => {
    const { notifier, messages, cancelled } = setup();
    const before = invited();
    await notifier.meetingChanged(before, { ...before, changeKey: 'ck-2', version: 2 });
    expect(messages).toEqual([]);
    expect(cancelled).toEqual([]);
  });

  it('a cancellation tells the attendees and drops pending invitations and reminders', async () => {
    const { notifier, messages, cancelled } = setup();
    await notifier.meetingCancelled(invited({ status: 'cancelled', version: 7 }));
    expect(summary(messages)).toEqual([
      ['change-notice', 'change:meeting-1:7:oid-megan', 'oid-megan'],
      ['change-notice', 'change:meeting-1:7:oid-adele', 'oid-adele'],
    ]);
    expect(cancelled).toEqual(['invitation:meeting-1:', 'reminder:meeting-1:']);
  });

  it('an answer reaches the organizer; a decline also brings reschedule options', async () => {
    const { notifier, messages } = setup();
    await notifier.attendeeResponded(
      invited({ attendees: [{ ...megan, response: 'accepted' }], version: 3 }),
      'MeganB@contoso.onmicrosoft.com',
    );
    await notifier.attendeeResponded(
      invited({ attendees: [{ ...megan, response: 'declined' }], version: 4 }),
      megan.email,
    );
    expect(summary(messages)).toEqual([
      ['organizer-update', 'response:meeting-1:3:oid-megan', 'oid-alex'],
      ['organizer-update', 'response:meeting-1:4:oid-megan', 'oid-alex'],
      ['reschedule-options', 'reschedule:meeting-1:4:oid-megan', 'oid-alex'],
    ]);
    expect(messages[2]?.payload).toEqual({ meetingId: 'meeting-1', attendeeEmail: megan.email, version: 4 });
  });

  it('a proposed new time reaches the organizer once per proposal; a different time is a new card', async () => {
    const { notifier, messages } = setup();
    const proposing = (start: string, end: string, version: number) =>
      invited({
        attendees: [
          { ...megan, response: 'tentativelyAccepted', proposedStart: new Date(start), proposedEnd: new Date(end) },
        ],
        version,
      });
    await notifier.timeProposed(proposing('2026-11-24T14:00:00.000Z', '2026-11-24T14:45:00.000Z', 3), megan.email);
    // Seen again (a later version, the same proposal): nothing new.
    await notifier.timeProposed(
      proposing('2026-11-24T14:00:00.000Z', '2026-11-24T14:45:00.000Z', 4),
      'MeganB@contoso.onmicrosoft.com',
    );
    await notifier.timeProposed(proposing('2026-11-25T09:00:00.000Z', '2026-11-25T09:45:00.000Z', 5), megan.email);
    expect(summary(messages)).toEqual([
      ['time-proposal', 'proposal:meeting-1:oid-megan:2026-11-24T14:00:00.000Z', 'oid-alex'],
      ['time-proposal', 'proposal:meeting-1:oid-megan:2026-11-25T09:00:00.000Z', 'oid-alex'],
    ]);
    expect(messages[0]).toMatchObject({
      tenantId: TENANT_A,
      notBefore: now,
      payload: {
        meetingId: 'meeting-1',
        attendeeEmail: megan.email,
        proposedStart: '2026-11-24T14:00:00.000Z',
        proposedEnd: '2026-11-24T14:45:00.000Z',
        version: 3,
      },
    });
  });

  it('a proposal from a guest without an Entra id is keyed by their address', async () => {
    const { notifier, messages } = setup();
    const proposal = {
      proposedStart: new Date('2026-11-24T14:00:00.000Z'),
      proposedEnd: new Date('2026-11-24T14:45:00.000Z'),
    };
    await notifier.timeProposed(invited({ attendees: [{ ...guest, ...proposal }] }), guest.email);
    expect(summary(messages)).toEqual([
      ['time-proposal', `proposal:meeting-1:${guest.email}:2026-11-24T14:00:00.000Z`, 'oid-alex'],
    ]);
  });

  it('no proposal card without a proposal, for an unknown address, or for a meeting that no longer stands', async () => {
    const { notifier, messages } = setup();
    const none = { proposedStart: null, proposedEnd: null };
    await notifier.timeProposed(invited({ attendees: [{ ...megan, ...none }] }), megan.email);
    await notifier.timeProposed(invited(), 'nobody@contoso.onmicrosoft.com');
    await notifier.timeProposed(aMeeting({ status: 'cancelled' }), megan.email);
    expect(messages).toEqual([]);
  });

  it('says nothing for an unknown address or a non-answer', async () => {
    const { notifier, messages } = setup();
    await notifier.attendeeResponded(invited(), 'nobody@contoso.onmicrosoft.com');
    await notifier.attendeeResponded(invited({ attendees: [{ ...megan, response: 'notResponded' }] }), megan.email);
    expect(messages).toEqual([]);
  });

  it('one occurrence moved or cancelled: a notice per attendee and that occurrence reminders dropped', async () => {
    const { notifier, messages, cancelled } = setup();
    const series = invited({ recurrence: { kind: 'weekly', count: 6 } });
    const originalStart = new Date('2026-11-30T10:00:00.000Z');
    await notifier.occurrenceChanged(series, {
      meetingId: 'meeting-1',
      originalStart,
      start: originalStart,
      end: originalStart,
      cancelled: true,
      graphEventId: 'i-1',
    });
    expect(summary(messages).map(([kind, key]) => [kind, key])).toEqual([
      ['change-notice', 'occurrence:meeting-1:2026-11-30T10:00:00.000Z:cancelled:oid-megan'],
      ['change-notice', 'occurrence:meeting-1:2026-11-30T10:00:00.000Z:cancelled:oid-adele'],
    ]);
    expect(messages[0]?.payload).toMatchObject({
      change: 'occurrence-cancelled',
      occurrenceStart: '2026-11-30T10:00:00.000Z',
    });
    expect(cancelled).toEqual(['reminder:meeting-1:2026-11-30T10:00:00.000Z:']);
  });
});
