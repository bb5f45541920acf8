import type { MeetingCardView } from '../ports.ts';

/** A meeting as Megan (attendee, Los Angeles) sees it, for card and renderer tests. */
export function meetingView(overrides: Partial<MeetingCardView> = {}): MeetingCardView {
  return {
    meetingId: 'm-1',
    version: 3,
    title: 'Mentoring: Megan and Alex',
    outlookSubject: null,
    typeName: 'Mentoring session',
    agenda: 'Quarterly goals',
    start: new Date('2026-11-23T19:00:00Z'),
    end: new Date('2026-11-23T19:30:00Z'),
    timeZone: 'America/Los_Angeles',
    status: 'scheduled',
    recurring: false,
    joinUrl: 'https://teams.microsoft.com/l/meetup-join/abc',
    location: null,
    organizer: {
      userId: 'alex',
      email: 'alexw@contoso.onmicrosoft.com',
      name: 'Alex Wilber',
      response: 'organizer',
      proposed: null,
    },
    attendees: [
      {
        userId: 'megan',
        email: 'meganb@contoso.onmicrosoft.com',
        name: 'Megan Bowen',
        response: 'none',
        proposed: null,
      },
    ],
    viewer: { userId: 'megan', role: 'attendee', response: 'none' },
    webUrl: 'http://localhost:3978/#/meetings/m-1',
    openActions: [],
    overrides: [],
    ...overrides,
  };
}

/** The same meeting as Alex, its organizer (New York), sees it. */
export function organizerView(overrides: Partial<MeetingCardView> = {}): MeetingCardView {
  return meetingView({
    timeZone: 'America/New_York',
    viewer: { userId: 'alex', role: 'organizer', response: 'organizer' },
    ...overrides,
  });
}

export const beforeTheMeeting = new Date('2026-11-20T12:00:00Z');
