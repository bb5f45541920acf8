import type { FollowUpView, NudgeView } from '../ports.ts';
import { meetingView, organizerView } from './meeting-view.fixture.ts';

/** Half an hour after Alex and Megan's meeting (Mon 23 Nov, 19:00–19:30 UTC) ended. */
export const afterTheMeeting = new Date('2026-11-23T20:00:00Z');

/** Three 30-minute times two weeks on (11:00 in Los Angeles, 14:00 in New York). */
export const nextSlots = [
  { start: new Date('2026-12-07T19:00:00Z'), end: new Date('2026-12-07T19:30:00Z') },
  { start: new Date('2026-12-08T19:00:00Z'), end: new Date('2026-12-08T19:30:00Z') },
  { start: new Date('2026-12-09T19:00:00Z'), end: new Date('2026-12-09T19:30:00Z') },
];

const participants: FollowUpView['participants'] = [
  { name: 'Alex Wilber', email: 'alexw@contoso.onmicrosoft.com', role: 'organizer', joined: true, minutesPresent: 44 },
  { name: 'Megan Bowen', email: 'meganb@contoso.onmicrosoft.com', role: 'attendee', joined: true, minutesPresent: 42 },
];

/** The held Teams meeting as Alex, its organizer (New York), sees it afterwards. */
export function followUpView(overrides: Partial<FollowUpView> = {}): FollowUpView {
  const meeting = organizerView();
  return {
    meeting,
    occurrenceStart: meeting.start,
    occurrenceEnd: meeting.end,
    online: true,
    state: 'held',
    participants,
    slots: nextSlots,
    rhythmDays: 14,
    notes: 0,
    actions: 0,
    ...overrides,
  };
}

/** The same occurrence as Megan, the attendee (Los Angeles), sees it. */
export function attendeeFollowUpView(overrides: Partial<FollowUpView> = {}): FollowUpView {
  return followUpView({ meeting: meetingView(), ...overrides });
}

/** Megan is nudged to meet Alex again: they last met on Mon 9 Nov and meet every two weeks. */
export function nudgeView(overrides: Partial<NudgeView> = {}): NudgeView {
  return {
    partner: { userId: 'alex', name: 'Alex Wilber', email: 'alexw@contoso.onmicrosoft.com' },
    lastHeldAt: new Date('2026-11-09T19:30:00Z'),
    rhythmDays: 14,
    typeId: 'type-mentoring',
    typeName: 'Mentoring session',
    durationMinutes: 30,
    slots: nextSlots,
    timeZone: 'America/Los_Angeles',
    booked: false,
    nudgesOn: true,
    ...overrides,
  };
}
