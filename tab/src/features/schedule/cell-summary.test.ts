import type { AvailabilityResponse } from '@confer/contracts';
import { describe, expect, it } from 'vitest';
import { englishTranslator } from '../../i18n/catalogues.ts';
import { stateAt, toPeopleViews } from './availability-model.ts';
import { summarize } from './cell-summary.ts';

const person = (email: string, name: string) => ({ userId: null, email, displayName: name });
const hours = { days: ['monday'], start: '09:00', end: '17:00', timeZone: 'Europe/London' };
const response: AvailabilityResponse = {
  window: { start: '2026-11-22T00:00:00Z', end: '2026-11-30T00:00:00Z' },
  people: [
    {
      person: person('adelev@contoso.onmicrosoft.com', 'Adele Vance'),
      isOrganizer: true,
      status: 'ok',
      message: null,
      timeZone: 'Europe/London',
      workingHours: hours,
      blocks: [{ start: '2026-11-23T10:00:00Z', end: '2026-11-23T11:00:00Z', status: 'busy', subject: 'Team sync' }],
    },
    {
      person: person('alexw@contoso.onmicrosoft.com', 'Alex Wilber'),
      isOrganizer: false,
      status: 'ok',
      message: null,
      timeZone: 'America/New_York',
      workingHours: { ...hours, timeZone: 'America/New_York' },
      blocks: [
        { start: '2026-11-23T15:00:00Z', end: '2026-11-23T15:30:00Z', status: 'tentative' },
        { start: '2026-11-23T16:00:00Z', end: '2026-11-23T16:30:00Z', status: 'oof' },
        { start: '2026-11-23T16:00:00Z', end: '2026-11-23T17:00:00Z', status: 'busy' },
        { start: '2026-11-23T14:00:00Z', end: '2026-11-23T14:30:00Z', status: 'workingElsewhere' },
      ],
    },
    {
      person: person('noraf@contoso.onmicrosoft.com', 'Nora Field'),
      isOrganizer: false,
      status: 'mailbox_not_enabled',
      message: 'Nora Field has no Outlook calendar.',
      timeZone: 'Europe/London',
      workingHours: null,
      blocks: [],
    },
  ],
};
const people = toPeopleViews(response, ['2026-11-23']);
const readable = people.slice(0, 2);
const slot = (from: string, to: string) => ({
  start: new Date(`2026-11-23T${from}:00Z`),
  end: new Date(`2026-11-23T${to}:00Z`),
});
const summaryOf = (who: typeof people, from: string, to: string) =>
  summarize(
    englishTranslator(),
    who.map((p) => stateAt(p, slot(from, to))),
  );

describe('what a slot means for everyone', () => {
  it.each([
    ['14:00', '14:30', 'free', 'free for everyone'],
    ['10:00', '10:30', 'busy', 'you have Team sync; outside working hours: Alex Wilber'],
    ['15:00', '15:30', 'busy', 'tentative: Alex Wilber'],
    ['16:00', '16:30', 'busy', 'out of office: Alex Wilber'],
    ['16:30', '17:00', 'busy', 'busy: Alex Wilber'],
    ['17:00', '17:30', 'outside-hours', 'outside working hours: you'],
  ])('%s–%s is %s: "%s"', (from, to, verdict, text) => {
    expect(summaryOf(readable, from, to)).toEqual({ verdict, text });
  });

  it('never calls an unreadable calendar free', () => {
    expect(summaryOf(people, '14:00', '14:30')).toEqual({ verdict: 'unknown', text: 'calendar unknown: Nora Field' });
    expect(summaryOf(people, '16:30', '17:00').text).toBe('busy: Alex Wilber; calendar unknown: Nora Field');
  });

  it('keeps the organizer’s titles and the message for the unreadable person', () => {
    expect(people[0]?.blocks[0]?.subject).toBe('Team sync');
    expect(people[2]?.message).toBe('Nora Field has no Outlook calendar.');
    expect(people[2]?.working).toBeNull();
  });
});
