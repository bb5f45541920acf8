import type { MeetingDto } from '@confer/contracts';
import { describe, expect, it } from 'vitest';
import { englishTranslator } from '../../i18n/catalogues.ts';
import { addedPeople, changeOf, draftOf, hasChanges, problemsOf } from './details-edit.ts';

const attendee = (email: string, displayName: string) => ({
  email,
  userId: `id-${email}`,
  displayName,
  type: 'required' as const,
  response: 'accepted' as const,
  respondedAt: null,
  proposedStart: null,
  proposedEnd: null,
  addedInOutlook: false,
});

const meeting: MeetingDto = {
  id: 'm1',
  title: '1:1 Adele and Alex',
  outlookSubject: null,
  agenda: 'How the quarter went\nWhat next',
  typeId: null,
  organizer: { userId: 'adele', email: 'adelev@contoso.onmicrosoft.com', displayName: 'Adele Vance' },
  isOrganizer: true,
  start: '2026-11-23T09:00:00.000Z',
  end: '2026-11-23T09:30:00.000Z',
  timeZone: 'Europe/London',
  recurrence: null,
  online: true,
  joinUrl: 'https://teams.microsoft.com/l/meetup-join/x',
  location: null,
  status: 'scheduled',
  attendees: [attendee('alexw@contoso.onmicrosoft.com', 'Alex Wilber')],
  myResponse: 'organizer',
  version: 3,
  webUrl: 'https://outlook.office.com/x',
  occurrences: [],
};

const megan = { userId: 'megan', email: 'meganb@contoso.onmicrosoft.com', displayName: 'Megan Bowen' };

describe('changeOf', () => {
  it('is empty for an untouched draft, so nothing is sent', () => {
    expect(hasChanges(changeOf(meeting, draftOf(meeting)))).toBe(false);
  });

  it.each([
    ['a trimmed title', { title: '  Quarterly 1:1  ' }, { title: 'Quarterly 1:1' }],
    ['an agenda with its line breaks', { agenda: 'One\n\nTwo' }, { agenda: 'One\n\nTwo' }],
    [
      'an added person, as the whole list',
      { people: [...draftOf(meeting).people, megan] },
      { attendees: ['alexw@contoso.onmicrosoft.com', 'meganb@contoso.onmicrosoft.com'] },
    ],
    ['a removed-and-replaced person', { people: [megan] }, { attendees: ['meganb@contoso.onmicrosoft.com'] }],
  ])('sends only %s', (_, edit, expected) => {
    expect(changeOf(meeting, { ...draftOf(meeting), ...edit })).toEqual(expected);
  });

  it('ignores the same people in another order or letter case', () => {
    const two = { ...meeting, attendees: [...meeting.attendees, attendee(megan.email, megan.displayName)] };
    const people = [
      { ...megan, email: 'MeganB@Contoso.onmicrosoft.com' },
      { userId: null, email: 'AlexW@contoso.onmicrosoft.com', displayName: 'Alex Wilber' },
    ];
    expect(changeOf(two, { ...draftOf(two), people })).toEqual({});
  });

  it('never sends a place for a Teams meeting, whose place is its join link', () => {
    expect(changeOf(meeting, { ...draftOf(meeting), location: 'Room 4' })).toEqual({});
  });

  it('sends the place of an in-person meeting, and null when cleared', () => {
    const inPerson = { ...meeting, online: false, joinUrl: null, location: 'Room 4' };
    expect(changeOf(inPerson, { ...draftOf(inPerson), location: ' Café on the corner ' })).toEqual({
      location: 'Café on the corner',
    });
    expect(changeOf(inPerson, { ...draftOf(inPerson), location: '  ' })).toEqual({ location: null });
  });
});

describe('problemsOf', () => {
  it('accepts the meeting as it is', () => {
    expect(problemsOf(englishTranslator(), draftOf(meeting))).toEqual({});
  });

  it('names each field the API would refuse', () => {
    const problems = problemsOf(englishTranslator(), {
      title: '   ',
      agenda: 'x'.repeat(4001),
      people: [],
      location: 'y'.repeat(256),
    });
    expect(Object.keys(problems).sort()).toEqual(['agenda', 'location', 'people', 'title']);
  });
});

describe('addedPeople', () => {
  it('names who the saved meeting has that the old one did not', () => {
    const saved = { ...meeting, attendees: [...meeting.attendees, attendee(megan.email, megan.displayName)] };
    expect(addedPeople(meeting, saved)).toEqual(['Megan Bowen']);
  });
});
