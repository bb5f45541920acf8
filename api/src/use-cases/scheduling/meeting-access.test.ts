import { describe, expect, it } from 'vitest';
import { AppError } from '../../domain/app-error.ts';
import type { Meeting, MeetingStatus } from '../../domain/scheduling/meeting.ts';
import { aMeeting, megan, TENANT_A, TENANT_B } from '../../ports/store-fixtures.contract.ts';
import { backgroundCaller, type Caller } from './caller.ts';
import {
  accessTo,
  findMeetingFor,
  loadMeetingFor,
  loadNotesFor,
  type MeetingAccess,
  mayUseNotes,
  requireOrganizer,
  requireScheduled,
} from './meeting-access.ts';

// Alex (oid-alex) organises meeting-1 with Megan (oid-megan) and a guest without an object id.
function storeOf(...meetings: Meeting[]) {
  return {
    get: async (tenantId: string, id: string) => meetings.find((m) => m.tenantId === tenantId && m.id === id),
  };
}

const callerFor = (userId: string, tenantId = TENANT_A): Caller =>
  backgroundCaller({ tenantId, userId, email: `${userId}@contoso.example`, displayName: userId });

async function refusalOf(work: () => unknown): Promise<AppError> {
  const error = await Promise.resolve()
    .then(work)
    .then(
      () => null,
      (e: unknown) => e,
    );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

describe('who sees a meeting', () => {
  it.each<[MeetingStatus, string, 'organizer' | 'attendee' | null]>([
    ['scheduled', 'oid-alex', 'organizer'],
    ['scheduled', 'oid-megan', 'attendee'],
    ['scheduled', 'oid-isaiah', null],
    ['cancelled', 'oid-megan', 'attendee'],
    ['creating', 'oid-alex', 'organizer'],
    ['creating', 'oid-megan', 'attendee'],
    ['failed', 'oid-alex', null],
    ['failed', 'oid-megan', null],
  ])('a %s meeting, for %s: %s', (status, userId, role) => {
    expect(accessTo(aMeeting({ status }), userId)).toBe(role);
  });

  it('finds a meeting of the viewer by id in their tenant, with their part in it', async () => {
    const meeting = aMeeting();
    const found = await findMeetingFor(storeOf(meeting), { tenantId: TENANT_A, userId: 'oid-megan' }, meeting.id);
    expect(found).toEqual<MeetingAccess>({ meeting, role: 'attendee' });
  });

  it.each([
    ['a malformed id', TENANT_A, 'oid-alex', '../meeting-1'],
    ['an overlong id', TENANT_A, 'oid-alex', 'm'.repeat(65)],
    ['an unknown id', TENANT_A, 'oid-alex', 'meeting-2'],
    ["someone else's meeting", TENANT_A, 'oid-isaiah', 'meeting-1'],
    ["another tenant's id", TENANT_B, 'oid-alex', 'meeting-1'],
  ])('finds nothing for %s', async (_case, tenantId, userId, meetingId) => {
    expect(await findMeetingFor(storeOf(aMeeting()), { tenantId, userId }, meetingId)).toBeNull();
  });

  it('never asks the store about a malformed id', async () => {
    const asked: string[] = [];
    const store = { get: async (_tenant: string, id: string) => void asked.push(id) };
    await findMeetingFor(store, { tenantId: TENANT_A, userId: 'oid-alex' }, 'a b');
    expect(asked).toEqual([]);
  });

  it('answers the API caller the same 404 for every meeting that is not theirs, so existence never leaks', async () => {
    const deps = { meetings: storeOf(aMeeting(), aMeeting({ id: 'failed-1', status: 'failed' })) };
    const refusals = await Promise.all([
      refusalOf(() => loadMeetingFor(deps, callerFor('oid-isaiah'), 'meeting-1')),
      refusalOf(() => loadMeetingFor(deps, callerFor('oid-alex', TENANT_B), 'meeting-1')),
      refusalOf(() => loadMeetingFor(deps, callerFor('oid-alex'), 'failed-1')),
      refusalOf(() => loadMeetingFor(deps, callerFor('oid-alex'), 'no such id!')),
    ]);
    expect(refusals.map((e) => [e.code, e.message])).toEqual(Array(4).fill(['not_found', 'No such meeting.']));
    expect(await loadMeetingFor(deps, callerFor('oid-alex'), 'meeting-1')).toMatchObject({ role: 'organizer' });
  });
});

describe('what may be changed', () => {
  it('lets only the organizer change a meeting', async () => {
    expect(() => requireOrganizer('organizer')).not.toThrow();
    expect(await refusalOf(() => requireOrganizer('attendee'))).toMatchObject({ code: 'forbidden' });
  });

  it('changes only a scheduled meeting; one still being created asks to wait, not to give up', async () => {
    expect(() => requireScheduled(aMeeting({ status: 'scheduled' }))).not.toThrow();
    expect(await refusalOf(() => requireScheduled(aMeeting({ status: 'creating' })))).toMatchObject({
      code: 'meeting_not_editable',
      message: 'This meeting is still being created in Outlook. Try again in a minute.',
    });
    expect(await refusalOf(() => requireScheduled(aMeeting({ status: 'cancelled' })))).toMatchObject({
      code: 'meeting_not_editable',
      message: 'This meeting is cancelled and cannot be changed.',
    });
  });
});

describe('who may use notes and actions', () => {
  const fromOutlook = aMeeting({ attendees: [{ ...megan, addedInOutlook: true }] });

  it('the organizer and people invited through Confer; not someone invited in Outlook only', () => {
    expect(mayUseNotes(aMeeting(), 'oid-alex')).toBe(true);
    expect(mayUseNotes(aMeeting(), 'oid-megan')).toBe(true);
    expect(mayUseNotes(fromOutlook, 'oid-alex')).toBe(true);
    expect(mayUseNotes(fromOutlook, 'oid-megan')).toBe(false);
    expect(mayUseNotes(aMeeting(), 'oid-isaiah')).toBe(false);
  });

  it('someone invited in Outlook sees the meeting but gets 403 with why on its notes; a stranger still gets 404', async () => {
    const deps = { meetings: storeOf(fromOutlook) };
    expect(await loadMeetingFor(deps, callerFor('oid-megan'), 'meeting-1')).toMatchObject({ role: 'attendee' });
    expect(await refusalOf(() => loadNotesFor(deps, callerFor('oid-megan'), 'meeting-1'))).toMatchObject({
      code: 'forbidden',
      message:
        'You were invited to this meeting in Outlook. Its notes and actions open to you once the organizer adds you in Confer.',
    });
    expect(await refusalOf(() => loadNotesFor(deps, callerFor('oid-isaiah'), 'meeting-1'))).toMatchObject({
      code: 'not_found',
    });
    expect(await loadNotesFor(deps, callerFor('oid-alex'), 'meeting-1')).toMatchObject({ role: 'organizer' });
  });
});
