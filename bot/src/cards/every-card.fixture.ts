import { commandNames } from '../commands.ts';
import { connectFirstCard } from '../handlers/connect-first.ts';
import { fakeSchedulingActions } from '../render/scheduling-actions.fake.ts';
import type { BotText } from '../text.ts';
import type { AdaptiveCard } from './adaptive-card.ts';
import { buildChangeNoticeCard, type MeetingChange } from './change-notice-card.ts';
import { buildConnectionCard, settingsUrl } from './connection-card.ts';
import { buildFollowUpCard } from './follow-up-card.ts';
import { afterTheMeeting, attendeeFollowUpView, followUpView, nudgeView } from './follow-up-view.fixture.ts';
import { buildHelpCard } from './help-card.ts';
import { buildIncidentCard } from './incident-card.ts';
import { buildInvitationCard } from './invitation-card.ts';
import { beforeTheMeeting, meetingView, organizerView } from './meeting-view.fixture.ts';
import { buildHeldQuestionCard, buildNoShowCard } from './no-show-card.ts';
import { buildNudgeCard, buildNudgesOffCard } from './nudge-card.ts';
import { buildOrganizerCard, buildOrganizerUpdateCard, buildRescheduleCard } from './organizer-cards.ts';
import { buildProposalCard } from './proposal-card.ts';
import { buildReminderCard } from './reminder-card.ts';
import { buildNoticeCard, buildScheduleCard } from './schedule-card.ts';
import { buildUpcomingCard } from './upcoming-card.ts';
import { buildWelcomeCard } from './welcome-card.ts';

const tabUrl = 'http://localhost:3978/';
const before = { tenantId: 't-1', now: beforeTheMeeting, refreshUserIds: ['29:megan'] };
const after = { ...before, now: afterTheMeeting, tabUrl };
const slots = [
  { start: new Date('2026-11-25T19:00:00Z'), end: new Date('2026-11-25T19:30:00Z') },
  { start: new Date('2026-11-26T20:00:00Z'), end: new Date('2026-11-26T20:30:00Z') },
];
const openActions = [
  { title: 'Send the plan', ownerName: 'Megan Bowen', dueDate: '2026-11-22' },
  { title: 'Book the room', ownerName: 'Alex Wilber', dueDate: null },
];
const changes: MeetingChange[] = ['rescheduled', 'updated', 'cancelled', 'occurrence-moved', 'occurrence-cancelled'];
const person = { userId: 'megan', email: 'meganb@contoso.onmicrosoft.com', name: 'Megan Bowen' };

/** Every card Confer's own builders make, each in its states that carry different words, for one reader. */
export async function everyCard(text: BotText): Promise<[string, AdaptiveCard][]> {
  const proposal = { attendeeEmail: person.email, slot: slots[0] ?? { start: new Date(), end: new Date() } };
  const proposed = organizerView({
    attendees: [{ ...person, response: 'tentativelyAccepted', proposed: proposal.slot }],
  });
  const schedule = { tenantId: 't-1', person, durationMinutes: 30, timeZone: 'Europe/Berlin', scheduleUrl: tabUrl };
  const notConnected = fakeSchedulingActions(
    {},
    { connection: { status: 'not_connected', message: '', expiresAt: null } },
  );
  const incident = {
    title: "Confer's consent is missing",
    summary: 'Confer can no longer read calendars.',
    advice: 'Grant admin consent again.',
    affected: 12,
    openedAt: new Date('2026-03-02T09:00:00Z'),
    pageUrl: tabUrl,
  };
  return [
    ['welcome', buildWelcomeCard({ userName: 'Megan Bowen', tabUrl }, text)],
    ['welcome, no name', buildWelcomeCard({ userName: null, tabUrl }, text)],
    ['help', buildHelpCard({ commands: commandNames, unrecognised: true, tabUrl }, text)],
    ['schedule', buildScheduleCard({ ...schedule, slots, unreadable: true }, text)],
    ['schedule, no time', buildScheduleCard({ ...schedule, slots: [], unreadable: false }, text)],
    ['several people', buildNoticeCard(text.schedule.several('Meg', 3), { title: text.openTab, url: tabUrl }, text)],
    [
      'upcoming',
      buildUpcomingCard([meetingView({ recurring: true }), meetingView({ status: 'cancelled' })], tabUrl, text),
    ],
    ['upcoming, none', buildUpcomingCard([], tabUrl, text)],
    ['invitation', buildInvitationCard(meetingView({ location: 'Room 4' }), text, before)],
    [
      'invitation, answered',
      buildInvitationCard(
        meetingView({ viewer: { userId: 'megan', role: 'attendee', response: 'tentativelyAccepted' } }),
        text,
        before,
      ),
    ],
    ['invitation, cancelled', buildInvitationCard(meetingView({ status: 'cancelled', agenda: '' }), text, before)],
    ['organizer', buildOrganizerCard(organizerView({ outlookSubject: 'Catch-up' }), text, before)],
    ['organizer, over', buildOrganizerCard(organizerView(), text, after)],
    [
      'organizer update',
      buildOrganizerUpdateCard(
        organizerView(),
        { name: 'Megan Bowen', response: 'tentativelyAccepted', proposed: proposal.slot },
        text,
      ),
    ],
    ['reschedule', buildRescheduleCard(organizerView(), 'Megan Bowen', slots, text, before)],
    ['reschedule, no time', buildRescheduleCard(organizerView(), 'Megan Bowen', [], text, before)],
    ['proposal', buildProposalCard(proposed, proposal, text, before)],
    ['proposal, gone', buildProposalCard(organizerView(), proposal, text, before)],
    ...[null, 0, 15, 120, 1440, 2880].map((lead): [string, AdaptiveCard] => [
      `reminder (${lead})`,
      buildReminderCard(meetingView({ openActions }), null, lead, text, before),
    ]),
    ...changes.map((kind): [string, AdaptiveCard] => [
      `change (${kind})`,
      buildChangeNoticeCard(
        meetingView({ status: kind === 'cancelled' ? 'cancelled' : 'scheduled' }),
        { kind, previousStart: new Date('2026-11-22T19:00:00Z'), occurrenceStart: null, inOutlook: kind === 'updated' },
        text,
        before,
      ),
    ]),
    [
      'reconnect',
      buildConnectionCard({ status: 'expired', message: '', expiresAt: null }, 'reconnect', settingsUrl(tabUrl), text),
    ],
    [
      'not allowed',
      buildConnectionCard(
        { status: 'outside_scope', message: '', expiresAt: null },
        'reconnect',
        settingsUrl(tabUrl),
        text,
      ),
    ],
    [
      'expiry warning',
      buildConnectionCard(
        { status: 'connected', message: '', expiresAt: new Date('2026-12-01T00:00:00Z') },
        'expiry-warning',
        settingsUrl(tabUrl),
        text,
      ),
    ],
    [
      'connect first',
      await connectFirstCard(
        { tenantId: 't-1', userId: 'megan', name: null },
        { actions: notConnected.actions, text, tabUrl },
        null,
      ),
    ],
    ['follow-up', buildFollowUpCard(followUpView({ notes: 1, actions: 3 }), text, after)],
    [
      'follow-up, partly attended',
      buildFollowUpCard(
        followUpView({
          state: 'partly_attended',
          participants: [
            ...followUpView().participants,
            {
              name: 'Adele Vance',
              email: 'adelev@contoso.onmicrosoft.com',
              role: 'attendee',
              joined: false,
              minutesPresent: 0,
            },
          ],
        }),
        text,
        after,
      ),
    ],
    [
      'follow-up, without you',
      buildFollowUpCard(
        attendeeFollowUpView({
          participants: followUpView().participants.map((p) => (p.role === 'attendee' ? { ...p, joined: false } : p)),
          slots: [],
        }),
        text,
        after,
      ),
    ],
    ['no-show', buildNoShowCard(followUpView({ state: 'no_show' }), text, after)],
    ['held?', buildHeldQuestionCard(followUpView({ state: 'pending', online: false, participants: [] }), text, after)],
    ['nudge', buildNudgeCard(nudgeView(), text, { ...before, tabUrl })],
    ['nudge, booked', buildNudgeCard(nudgeView({ booked: true }), text, { ...before, tabUrl })],
    ['nudges off', buildNudgesOffCard(text, tabUrl)],
    ['incident', buildIncidentCard({ ...incident, notice: 'opened', resolvedAt: null }, text)],
    [
      'incident, resolved',
      buildIncidentCard({ ...incident, notice: 'resolved', resolvedAt: new Date('2026-03-03T10:30:00Z') }, text),
    ],
  ];
}
