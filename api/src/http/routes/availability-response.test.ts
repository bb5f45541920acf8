import { availabilityResponseSchema } from '@confer/contracts';
import { describe, expect, it } from 'vitest';
import type { AvailabilityResult } from '../../use-cases/scheduling/load-availability.ts';
import { availabilityResponse } from './availability-response.ts';

const at = (iso: string) => new Date(iso);
const hours = { days: ['monday', 'tuesday'] as const, start: '09:00', end: '17:00', timeZone: 'Europe/London' };

function result(): AvailabilityResult {
  const meeting = { start: at('2026-11-23T10:00:00Z'), end: at('2026-11-23T10:30:00Z') };
  return {
    window: { start: at('2026-11-23T00:00:00Z'), end: at('2026-12-07T00:00:00Z') },
    people: [
      {
        person: { userId: 'u1', email: 'alexw@contoso.onmicrosoft.com', displayName: 'Alex Wilber' },
        isOrganizer: true,
        status: 'ok',
        message: null,
        timeZone: 'America/New_York',
        workingHours: hours,
        blocks: [
          { ...meeting, status: 'busy', subject: 'Team sync', isConferMeeting: true },
          { start: at('2026-11-23T16:00:00Z'), end: at('2026-11-23T16:15:00Z'), status: 'free', subject: 'Expenses' },
        ],
      },
      {
        person: { userId: 'u2', email: 'meganb@contoso.onmicrosoft.com', displayName: 'Megan Bowen' },
        isOrganizer: false,
        status: 'ok',
        message: null,
        timeZone: 'America/Los_Angeles',
        workingHours: null,
        blocks: [
          { ...meeting, status: 'tentative', subject: 'Not for the organizer to read' },
          { start: at('2026-11-23T10:30:00Z'), end: at('2026-11-23T11:00:00.250Z'), status: 'oof' },
          { start: at('2026-11-23T12:00:00Z'), end: at('2026-11-23T12:30:00Z'), status: 'free' },
          { start: at('2026-11-23T13:00:00Z'), end: at('2026-11-23T14:00:00Z'), status: 'workingElsewhere' },
        ],
      },
      {
        person: { userId: null, email: 'guest@fabrikam.com', displayName: 'guest@fabrikam.com' },
        isOrganizer: false,
        status: 'external',
        message: 'Calendar not shared.',
        timeZone: 'America/New_York',
        workingHours: null,
        blocks: [],
      },
    ],
  };
}

describe('availabilityResponse', () => {
  it('fits the contract and writes instants as ISO 8601 UTC, shared ones identically', () => {
    const answer = availabilityResponse(result());
    expect(availabilityResponseSchema.parse(answer)).toEqual(answer);
    expect(answer.window).toEqual({ start: '2026-11-23T00:00:00.000Z', end: '2026-12-07T00:00:00.000Z' });
    expect(answer.people[1]?.blocks).toEqual([
      { start: '2026-11-23T10:00:00.000Z', end: '2026-11-23T10:30:00.000Z', status: 'tentative' },
      { start: '2026-11-23T10:30:00.000Z', end: '2026-11-23T11:00:00.250Z', status: 'oof' },
      { start: '2026-11-23T13:00:00.000Z', end: '2026-11-23T14:00:00.000Z', status: 'workingElsewhere' },
    ]);
  });

  it("passes on the organizer's free items but not other people's", () => {
    const [organizer, other] = availabilityResponse(result()).people;
    expect(organizer?.blocks.map((b) => [b.status, b.subject])).toEqual([
      ['busy', 'Team sync'],
      ['free', 'Expenses'],
    ]);
    expect(other?.blocks.map((b) => b.status)).toEqual(['tentative', 'oof', 'workingElsewhere']);
  });

  it("keeps titles only on the organizer's own blocks and marks Confer meetings", () => {
    const [organizer, other] = availabilityResponse(result()).people;
    expect(organizer?.blocks[0]).toEqual({
      start: '2026-11-23T10:00:00.000Z',
      end: '2026-11-23T10:30:00.000Z',
      status: 'busy',
      subject: 'Team sync',
      isConferMeeting: true,
    });
    expect(other?.blocks[0]).not.toHaveProperty('subject');
    expect(other?.blocks[0]).not.toHaveProperty('isConferMeeting');
  });

  it('copies working hours and passes unreadable calendars through with their message', () => {
    const source = result();
    const answer = availabilityResponse(source);
    expect(answer.people[0]?.workingHours).toEqual({ ...hours, days: ['monday', 'tuesday'] });
    expect(answer.people[0]?.workingHours?.days).not.toBe(source.people[0]?.workingHours?.days);
    expect(answer.people[2]).toMatchObject({ status: 'external', message: 'Calendar not shared.', blocks: [] });
  });
});
