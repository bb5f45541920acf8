import type { MeetingDto } from '@confer/contracts';
import { describe, expect, it } from 'vitest';
import { englishTranslator } from '../../i18n/catalogues.ts';
import { meetingsText, partnerIn } from './together-model.ts';

const attendee = (userId: string | null, displayName: string): MeetingDto['attendees'][number] => ({
  email: `${displayName}@contoso.onmicrosoft.com`,
  userId,
  displayName,
  type: 'required',
  response: 'none',
  respondedAt: null,
  proposedStart: null,
  proposedEnd: null,
  addedInOutlook: false,
});

const meeting = (attendees: MeetingDto['attendees']): MeetingDto => ({
  id: 'm1',
  title: '1:1',
  outlookSubject: null,
  agenda: '',
  typeId: null,
  organizer: { userId: 'adele', email: 'adelev@contoso.onmicrosoft.com', displayName: 'Adele Vance' },
  isOrganizer: true,
  start: '2026-11-23T09:00:00.000Z',
  end: '2026-11-23T09:30:00.000Z',
  timeZone: 'Europe/London',
  recurrence: null,
  online: true,
  joinUrl: null,
  location: null,
  status: 'scheduled',
  attendees,
  myResponse: 'organizer',
  version: 1,
  webUrl: '',
  occurrences: [],
});

describe('the other person of a one-to-one', () => {
  it('is the attendee for the organizer, and the organizer for the attendee', () => {
    const oneToOne = meeting([attendee('alex', 'Alex Wilber')]);
    expect(partnerIn(oneToOne, 'adele')).toEqual({ userId: 'alex', displayName: 'Alex Wilber' });
    expect(partnerIn(oneToOne, 'alex')).toEqual({ userId: 'adele', displayName: 'Adele Vance' });
  });

  it('leaves guests without a Confer account out', () => {
    expect(partnerIn(meeting([attendee('alex', 'Alex Wilber'), attendee(null, 'Guest')]), 'adele')?.userId).toBe(
      'alex',
    );
  });

  it('is nobody in a group, or when the viewer is not known', () => {
    expect(partnerIn(meeting([attendee('alex', 'Alex Wilber'), attendee('megan', 'Megan Bowen')]), 'adele')).toBeNull();
    expect(partnerIn(meeting([attendee('alex', 'Alex Wilber')]), null)).toBeNull();
  });

  it('counts meetings in words', () => {
    expect(meetingsText(englishTranslator(), 1)).toBe('1 meeting');
    expect(meetingsText(englishTranslator(), 0)).toBe('0 meetings');
  });
});
