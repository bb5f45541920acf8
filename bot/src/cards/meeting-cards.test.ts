import { describe, expect, it } from 'vitest';
import { adaptiveCardProblems } from '../../test/parse-adaptive-card.ts';
import { botText } from '../i18n/bot-text.ts';
import type { AdaptiveCard } from './adaptive-card.ts';
import { buildChangeNoticeCard, type MeetingChange } from './change-notice-card.ts';
import { buildConnectionCard, settingsUrl } from './connection-card.ts';
import { buildInvitationCard } from './invitation-card.ts';
import { beforeTheMeeting, meetingView, organizerView } from './meeting-view.fixture.ts';
import {
  buildOrganizerCard,
  buildOrganizerUpdateCard,
  buildRescheduleCard,
  decodeSlots,
  encodeSlots,
} from './organizer-cards.ts';
import { buildProposalCard } from './proposal-card.ts';
import { buildReminderCard } from './reminder-card.ts';
import { buildNoticeCard, buildScheduleCard, scheduleUrl } from './schedule-card.ts';
import { buildUpcomingCard } from './upcoming-card.ts';

const text = botText('en-GB');
const context = { tenantId: 't-1', now: beforeTheMeeting, refreshUserIds: ['29:megan'] };
const slots = [
  { start: new Date('2026-11-25T19:00:00Z'), end: new Date('2026-11-25T19:30:00Z') },
  { start: new Date('2026-11-26T19:00:00Z'), end: new Date('2026-11-26T19:30:00Z') },
  { start: new Date('2026-11-27T19:00:00Z'), end: new Date('2026-11-27T19:30:00Z') },
];

/** The id and value of every input on a card, wherever it sits. */
function inputValues(card: unknown): Record<string, unknown> {
  const found: Record<string, unknown> = {};
  const visit = (node: unknown): void => {
    if (typeof node !== 'object' || node === null) return;
    const record = node as Record<string, unknown>;
    if (typeof record.type === 'string' && record.type.startsWith('Input.') && typeof record.id === 'string') {
      found[record.id] = record.value;
    }
    for (const value of Object.values(record)) visit(value);
  };
  visit(card);
  return found;
}

/** Every Action.Execute verb on a card, wherever it sits (ActionSets, ShowCard sub-cards). */
function verbs(card: unknown): string[] {
  const found: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) visit(item);
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    const record = node as Record<string, unknown>;
    if (record.type === 'Action.Execute' && typeof record.verb === 'string') found.push(record.verb);
    for (const [key, value] of Object.entries(record)) if (key !== 'refresh') visit(value);
  };
  visit(card);
  return found;
}

const past = new Date('2026-11-24T00:00:00Z');
/** Megan proposed Wednesday 11:00–11:45 (Los Angeles) instead; Alex, the organizer, is in New York. */
const proposed = { start: new Date('2026-11-25T19:00:00Z'), end: new Date('2026-11-25T19:45:00Z') };
const proposal = { attendeeEmail: 'meganb@contoso.onmicrosoft.com', slot: proposed };
const proposing = (overrides: Parameters<typeof organizerView>[0] = {}) =>
  organizerView({
    attendees: [{ ...meetingView().attendees[0]!, response: 'tentativelyAccepted', proposed }],
    ...overrides,
  });
const cards: [string, AdaptiveCard][] = [
  ['proposed time', buildProposalCard(proposing(), proposal, text, context)],
  ['proposed time, no longer standing', buildProposalCard(organizerView(), proposal, text, context)],
  ['proposed time, meeting cancelled', buildProposalCard(proposing({ status: 'cancelled' }), proposal, text, context)],
  [
    'change notice from Outlook, renamed there',
    buildChangeNoticeCard(
      meetingView({ outlookSubject: 'Catch-up (moved)' }),
      { kind: 'updated', previousStart: null, occurrenceStart: null, inOutlook: true },
      text,
      context,
    ),
  ],
  [
    'organizer card, renamed in Outlook',
    buildOrganizerCard(organizerView({ outlookSubject: 'Catch-up' }), text, context),
  ],
  ['invitation', buildInvitationCard(meetingView(), text, context)],
  [
    'answered invitation',
    buildInvitationCard(
      meetingView({ viewer: { userId: 'megan', role: 'attendee', response: 'accepted' } }),
      text,
      context,
    ),
  ],
  ['cancelled invitation', buildInvitationCard(meetingView({ status: 'cancelled' }), text, context)],
  ['past invitation', buildInvitationCard(meetingView(), text, { ...context, now: past })],
  ['organizer card', buildOrganizerCard(organizerView(), text, context)],
  [
    'organizer update',
    buildOrganizerUpdateCard(
      organizerView(),
      { name: 'Megan Bowen', response: 'declined', proposed: slots[0] ?? null },
      text,
    ),
  ],
  ['reschedule options', buildRescheduleCard(organizerView(), 'Megan Bowen', slots, text, context)],
  ['reschedule, no time found', buildRescheduleCard(organizerView(), 'Megan Bowen', [], text, context)],
  [
    'reminder',
    buildReminderCard(
      meetingView({ openActions: [{ title: 'Send the plan', ownerName: 'Megan Bowen', dueDate: '2026-11-22' }] }),
      null,
      15,
      text,
      context,
    ),
  ],
  [
    'schedule',
    buildScheduleCard(
      {
        tenantId: 't-1',
        person: { userId: 'megan', email: 'meganb@contoso.onmicrosoft.com', name: 'Megan Bowen' },
        durationMinutes: 30,
        slots,
        timeZone: 'America/New_York',
        unreadable: true,
        scheduleUrl: scheduleUrl('http://localhost:3978/', 'meganb@contoso.onmicrosoft.com'),
      },
      text,
    ),
  ],
  [
    'schedule, no time',
    buildScheduleCard(
      {
        tenantId: 't-1',
        person: { userId: 'megan', email: 'm@x', name: 'Megan Bowen' },
        durationMinutes: 30,
        slots: [],
        timeZone: 'UTC',
        unreadable: false,
        scheduleUrl: 'http://localhost:3978/#/schedule',
      },
      text,
    ),
  ],
  [
    'upcoming',
    buildUpcomingCard(
      [meetingView(), meetingView({ meetingId: 'm-2', status: 'cancelled' })],
      'http://localhost:3978/',
      text,
    ),
  ],
  ['upcoming, none', buildUpcomingCard([], 'http://localhost:3978/', text)],
  ['notice', buildNoticeCard(text.schedule.noMatch('Zed'), { title: 'Open', url: 'http://localhost:3978/' }, text)],
  [
    'reconnect',
    buildConnectionCard(
      { status: 'expired', message: 'Reconnect.', expiresAt: null },
      'reconnect',
      settingsUrl('http://localhost:3978/'),
      text,
    ),
  ],
  [
    'expiry warning',
    buildConnectionCard(
      { status: 'connected', message: 'Connected.', expiresAt: new Date('2026-12-01T00:00:00Z') },
      'expiry-warning',
      settingsUrl('http://localhost:3978'),
      text,
    ),
  ],
  ...(['rescheduled', 'updated', 'cancelled', 'occurrence-moved', 'occurrence-cancelled'] as MeetingChange[]).map(
    (kind): [string, AdaptiveCard] => [
      `change notice (${kind})`,
      buildChangeNoticeCard(
        meetingView({ status: kind === 'cancelled' ? 'cancelled' : 'scheduled' }),
        {
          kind,
          previousStart: new Date('2026-11-22T19:00:00Z'),
          occurrenceStart: kind.startsWith('occurrence') ? new Date('2026-11-30T19:00:00Z') : null,
          inOutlook: false,
        },
        text,
        context,
      ),
    ],
  ),
];

describe('meeting cards', () => {
  it.each(cards)('%s is a clean Adaptive Card 1.5', (_name, card) => {
    expect(adaptiveCardProblems(card)).toEqual([]);
    expect(card.version).toBe('1.5');
  });

  it('every Action.Execute has an Action.Submit fallback with the same verb and data', () => {
    for (const [, card] of cards) {
      const json = JSON.stringify(card);
      const executes = json.match(/"type":"Action.Execute"/g)?.length ?? 0;
      const fallbacks = json.match(/"fallback":\{"type":"Action.Submit"/g)?.length ?? 0;
      const refreshes = card.refresh ? 1 : 0;
      expect(fallbacks).toBe(executes - refreshes);
    }
    const accept = JSON.stringify(buildInvitationCard(meetingView(), text, context));
    expect(accept).toContain(
      '"data":{"tenantId":"t-1","meetingId":"m-1","version":3,"start":"2026-11-23T19:00:00.000Z","verb":"accept"}',
    );
  });

  it('an invitation shows the time in the attendee zone, the organizer, the agenda, Join, and the four answers', () => {
    const card = buildInvitationCard(meetingView(), text, context);
    const json = JSON.stringify(card);
    expect(json).toContain('Mon, 23 Nov 2026, 11:00–11:30 (America/Los_Angeles)');
    expect(json).toContain('Alex Wilber (organizer)');
    expect(json).toContain('Quarterly goals');
    expect(json).toContain('https://teams.microsoft.com/l/meetup-join/abc');
    expect(verbs(card)).toEqual(['accept', 'tentative', 'decline', 'propose']);
    expect(card.refresh).toMatchObject({ action: { verb: 'refresh' }, userIds: ['29:megan'] });
  });

  it.each([
    ['cancelled', meetingView({ status: 'cancelled' }), beforeTheMeeting, 'This meeting was cancelled.'],
    ['over', meetingView(), past, 'This meeting is over.'],
  ])('a %s meeting turns every card read-only', (_case, view, now, notice) => {
    const readOnly = [
      buildInvitationCard(view, text, { ...context, now }),
      buildRescheduleCard({ ...view, viewer: organizerView().viewer }, 'Megan Bowen', slots, text, { ...context, now }),
      buildReminderCard(view, null, 15, text, { ...context, now }),
      buildChangeNoticeCard(
        view,
        { kind: 'rescheduled', previousStart: null, occurrenceStart: null, inOutlook: false },
        text,
        {
          ...context,
          now,
        },
      ),
    ];
    for (const card of readOnly) {
      expect(verbs(card)).toEqual([]);
      expect(JSON.stringify(card)).not.toContain('"title":"Join"');
    }
    expect(JSON.stringify(readOnly[0])).toContain(notice);
  });

  it('a move asks an attendee again, but not the organizer', () => {
    const change = {
      kind: 'rescheduled' as const,
      previousStart: new Date('2026-11-22T19:00:00Z'),
      occurrenceStart: null,
      inOutlook: false,
    };
    expect(verbs(buildChangeNoticeCard(meetingView(), change, text, context))).toEqual([
      'accept',
      'tentative',
      'decline',
    ]);
    expect(verbs(buildChangeNoticeCard(organizerView(), change, text, context))).toEqual([]);
    expect(JSON.stringify(buildChangeNoticeCard(meetingView(), change, text, context))).toContain(
      'Was: Sun, 22 Nov 2026, 11:00–11:30',
    );
  });

  it('reschedule options: one button per future slot, the slots kept for a refresh', () => {
    const later = organizerView({ start: new Date('2026-11-30T19:00:00Z'), end: new Date('2026-11-30T19:30:00Z') });
    const card = buildRescheduleCard(later, 'Megan Bowen', slots, text, {
      ...context,
      now: new Date('2026-11-25T20:00:00Z'),
    });
    expect(verbs(card)).toEqual(['reschedule', 'reschedule']);
    expect(decodeSlots(String(card.refresh?.action.data.slots))).toEqual(slots);
  });

  it('the refresh list is capped at the 60 users Teams refreshes', () => {
    const many = Array.from({ length: 80 }, (_, i) => `29:user-${i}`);
    expect(
      buildInvitationCard(meetingView(), text, { ...context, refreshUserIds: many }).refresh?.userIds,
    ).toHaveLength(60);
  });

  it('a reminder lists open actions and links to the notes', () => {
    const card = buildReminderCard(
      meetingView({ openActions: [{ title: 'Send the plan', ownerName: 'Megan Bowen', dueDate: '2026-11-22' }] }),
      null,
      1440,
      text,
      context,
    );
    const json = JSON.stringify(card);
    expect(json).toContain('Tomorrow: Mentoring: Megan and Alex');
    expect(json).toContain('Send the plan — Megan Bowen, due 22 Nov 2026');
    expect(card.actions?.map((a) => a.title)).toEqual(['Join', 'Notes and actions']);
  });

  it('slot encoding round-trips and refuses what it did not write', () => {
    expect(decodeSlots(encodeSlots(slots))).toEqual(slots);
    expect(decodeSlots('')).toEqual([]);
    expect(decodeSlots('nonsense')).toBeNull();
    expect(
      decodeSlots(
        Array(6)
          .fill(encodeSlots(slots.slice(0, 1)))
          .join(','),
      ),
    ).toBeNull();
  });

  it.each([
    ['2026-11-23T19:00:00Z', 'America/Los_Angeles', '2026-11-23', '11:00'],
    ['2026-11-24T02:00:00Z', 'America/Los_Angeles', '2026-11-23', '18:00'],
    ['2026-03-29T00:30:00Z', 'Europe/London', '2026-03-29', '00:30'],
  ])('propose defaults to the meeting time in the attendee zone (%s in %s)', (start, timeZone, date, time) => {
    const at = new Date(start);
    const view = meetingView({ start: at, end: new Date(at.getTime() + 30 * 60_000), timeZone });
    const card = buildInvitationCard(view, text, { ...context, now: new Date('2026-01-01T00:00:00Z') });
    expect(inputValues(card)).toEqual({ proposedDate: date, proposedTime: time });
  });
});

describe('a time proposed in Outlook', () => {
  it("says who proposed what, in the organizer's zone, with Accept and Open in Confer", () => {
    const card = buildProposalCard(proposing(), proposal, text, context);
    const json = JSON.stringify(card);
    expect(json).toContain('Megan Bowen proposed a new time for \\"Mentoring: Megan and Alex\\"');
    expect(json).toContain('Proposed: **Wed, 25 Nov 2026, 14:00–14:45 (America/New_York)**');
    expect(json).toContain('Now: Mon, 23 Nov 2026, 14:00–14:30 (America/New_York)');
    expect(card.actions?.map((a) => a.title)).toEqual(['Accept proposed time', 'Open in Confer']);
    expect(verbs(card)).toEqual(['accept-proposal']);
    expect(json).toContain(
      '"data":{"tenantId":"t-1","meetingId":"m-1","version":3,"start":"2026-11-23T19:00:00.000Z",' +
        '"attendeeEmail":"meganb@contoso.onmicrosoft.com","newStart":"2026-11-25T19:00:00.000Z",' +
        '"newEnd":"2026-11-25T19:45:00.000Z","verb":"accept-proposal"}',
    );
    expect(card.refresh?.action.data).toMatchObject({ card: 'proposal', newStart: '2026-11-25T19:00:00.000Z' });
  });

  it.each([
    ['the attendee answered again', organizerView(), beforeTheMeeting, text.proposal.gone],
    ['the meeting was cancelled', proposing({ status: 'cancelled' }), beforeTheMeeting, text.meeting.cancelled],
    [
      'the proposed time has passed',
      proposing({ start: new Date('2026-11-30T19:00:00Z'), end: new Date('2026-11-30T19:30:00Z') }),
      new Date('2026-11-25T19:30:00Z'),
      text.proposal.gone,
    ],
  ])('offers no button once %s', (_case, view, now, notice) => {
    const card = buildProposalCard(view, proposal, text, { ...context, now });
    expect(verbs(card)).toEqual([]);
    expect(JSON.stringify(card)).toContain(notice);
    expect(card.actions?.map((a) => a.title)).toEqual(['Open in Confer']);
  });
});

describe('changes made in Outlook', () => {
  const updated = { kind: 'updated' as const, previousStart: null, occurrenceStart: null };

  it('a notice of a change made in Outlook says the organizer made it there; one made in Confer does not', () => {
    const fromOutlook = JSON.stringify(
      buildChangeNoticeCard(meetingView(), { ...updated, inOutlook: true }, text, context),
    );
    const fromConfer = JSON.stringify(
      buildChangeNoticeCard(meetingView(), { ...updated, inOutlook: false }, text, context),
    );
    expect(fromOutlook).toContain('Alex Wilber changed this meeting in Outlook.');
    expect(fromConfer).not.toContain('in Outlook');
    expect(
      buildChangeNoticeCard(meetingView(), { ...updated, inOutlook: true }, text, context).refresh?.action.data,
    ).toMatchObject({ card: 'change', origin: 'outlook' });
  });

  it('cards that show the title add the Outlook subject when it was renamed there', () => {
    const renamed = meetingView({ outlookSubject: 'Catch-up (moved)' });
    const shown = [
      buildInvitationCard(renamed, text, context),
      buildOrganizerCard({ ...renamed, viewer: organizerView().viewer }, text, context),
      buildReminderCard(renamed, null, 15, text, context),
      buildChangeNoticeCard(renamed, { ...updated, inOutlook: true }, text, context),
      buildProposalCard({ ...proposing(), outlookSubject: 'Catch-up (moved)' }, proposal, text, context),
      buildUpcomingCard([renamed], 'http://localhost:3978/', text),
    ];
    for (const card of shown) expect(JSON.stringify(card)).toContain('In Outlook: “Catch-up (moved)”');
    expect(JSON.stringify(buildInvitationCard(meetingView(), text, context))).not.toContain('In Outlook');
  });
});

describe('agenda on meeting cards', () => {
  it('keeps each agenda line as its own line, since renderers fold newlines inside a TextBlock', () => {
    const card = buildInvitationCard(
      meetingView({ agenda: 'Goals for the quarter\n\nBlockers\r\nNext steps' }),
      text,
      context,
    );
    const texts = JSON.stringify(card);
    expect(texts).toContain('"text":"Goals for the quarter"');
    expect(texts).toContain('"text":"Blockers"');
    expect(texts).toContain('"text":"Next steps"');
    expect(texts).not.toContain('Goals for the quarter\\n');
    expect(adaptiveCardProblems(card)).toEqual([]);
  });
});
