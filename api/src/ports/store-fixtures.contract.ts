import { expect } from 'vitest';
import type { Meeting, MeetingAttendee } from '../domain/scheduling/meeting.ts';

/** Shared fixtures of the store contract suites: two tenants, Alex organizing with Megan and an external guest. */
export const TENANT_A = 'tenant-a';
export const TENANT_B = 'tenant-b';

export const megan: MeetingAttendee = {
  email: 'meganb@contoso.onmicrosoft.com',
  userId: 'oid-megan',
  displayName: 'Megan Bowen',
  type: 'required',
  response: 'tentativelyAccepted',
  respondedAt: new Date('2026-11-20T08:00:00.000Z'),
  proposedStart: new Date('2026-11-23T14:00:00.000Z'),
  proposedEnd: new Date('2026-11-23T14:30:00.000Z'),
  addedInOutlook: false,
};

export const guest: MeetingAttendee = {
  email: 'sam@fabrikam.example',
  userId: null,
  displayName: 'Sam (Fabrikam)',
  type: 'optional',
  response: 'none',
  respondedAt: null,
  proposedStart: null,
  proposedEnd: null,
  addedInOutlook: true,
};

/** A meeting Alex organizes with Megan and an external guest; every optional field set, to catch a lost column. */
export function aMeeting(overrides: Partial<Meeting> = {}): Meeting {
  const id = overrides.id ?? 'meeting-1';
  return {
    id,
    tenantId: TENANT_A,
    organizerId: 'oid-alex',
    organizerEmail: 'alexw@contoso.onmicrosoft.com',
    organizerName: 'Alex Wilber',
    typeId: 'mentoring-session',
    title: 'Mentoring: first steps',
    outlookSubject: 'Mentoring (moved)',
    agenda: 'Goals for the quarter\nWhat support helps',
    start: new Date('2026-11-23T10:00:00.000Z'),
    end: new Date('2026-11-23T10:45:00.000Z'),
    timeZone: 'Europe/London',
    recurrence: null,
    online: true,
    location: null,
    status: 'scheduled',
    transactionId: `tx-${id}`,
    graphEventId: `event-${id}`,
    iCalUId: `ical-${id}`,
    changeKey: 'ck-1',
    joinUrl: 'https://teams.microsoft.com/l/meetup-join/abc',
    attendees: [megan, guest],
    version: 1,
    createdAt: new Date('2026-11-20T09:00:00.000Z'),
    updatedAt: new Date('2026-11-20T09:00:00.000Z'),
    ...overrides,
  };
}

/** The store's own failure reason, as every implementation reports it. */
export function reasonOf(error: unknown): unknown {
  return (error as { details?: { reason?: unknown } }).details?.reason;
}

export async function failureOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.fail('expected the store to refuse the write'),
    (error: unknown) => reasonOf(error),
  );
}
