import type { AvailabilityResponse, ConflictsResponse, MeetingDto, SuggestionsResponse } from '@confer/contracts';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { apiAs } from '../support/api-client.ts';
import { PEOPLE, type Stack, startStack } from '../support/stack.ts';
import { type DevtenantGraph, devtenantGraph, utcInstant } from './support/devtenant-graph.ts';
import {
  type Api,
  blockingBlocks,
  bodyOf,
  expectError,
  insideWorkingHours,
  listMeetings,
  mail,
  overlaps,
  uniqueTitle,
} from './support/scheduling-api.ts';

const DAY = 86_400_000;

/**
 * The whole meeting lifecycle in the per-user mode (On-Behalf-Of), as Adele (London) and Alex (New York)
 * live it: see calendars, pick a suggested time, get a Teams meeting with real invitations, answer,
 * reschedule, cancel, and keep notes and actions in Confer. Each test schedules the meeting it needs, so any
 * one of them runs alone (`-t`) and in any order.
 */
describe('scheduling flows (per-user mode)', () => {
  let stack: Stack;
  let graph: DevtenantGraph;
  let adele: Api;
  let alex: Api;
  let isaiah: Api;

  beforeAll(async () => {
    stack = await startStack({ tabDir: null, connectionMode: 'user' });
  });
  beforeEach(() => {
    // Tokens are issued at first use, by the tenant's clock: a test that moved the clock does not leave the next
    // one holding expired tokens.
    graph = devtenantGraph(stack);
    adele = apiAs(stack, PEOPLE.adele.id);
    alex = apiAs(stack, PEOPLE.alex.id);
    isaiah = apiAs(stack, PEOPLE.isaiah.id);
  });
  afterAll(async () => {
    await stack?.stop();
  });

  /** The next two weeks by the tenant's clock. */
  const nextTwoWeeks = () => {
    const now = stack.devtenant.clock.now().getTime();
    return { start: new Date(now).toISOString(), end: new Date(now + 14 * DAY).toISOString() };
  };

  /** A time both are free, as Confer suggests it (reads the calendars as they are now). */
  const suggestedSlot = async (attendees: string[], durationMinutes = 30) => {
    const body = bodyOf<SuggestionsResponse>(
      await adele.post('/api/suggestions', { attendees, durationMinutes, maxSuggestions: 10 }),
      200,
    );
    const slot = body.suggestions[0];
    if (!slot) throw new Error('no suggestion to schedule into');
    return slot;
  };
  const createWith = (attendees: string[], slot: { start: string; end: string }, extra: object = {}) =>
    adele.post('/api/meetings', {
      title: uniqueTitle('1:1 Adele and Alex'),
      agenda: 'Quarterly goals and the Fabrikam launch',
      attendees,
      start: slot.start,
      end: slot.end,
      timeZone: 'Europe/London',
      ...extra,
    });
  /** Adele's 1:1 with Alex (Teams, the check-in type) at the first time Confer suggests. */
  const scheduleOneToOne = async () =>
    bodyOf<MeetingDto>(
      await createWith([mail('alexw')], await suggestedSlot([mail('alexw')]), { typeId: 'one-to-one-check-in' }),
      201,
    );
  const answerAs = async (who: Api, m: MeetingDto, answer: object) =>
    bodyOf<MeetingDto>(await who.post(`/api/meetings/${m.id}/respond`, answer), 200);
  /** The 1:1 once Alex has accepted, as Adele reads it then (the version a reschedule must name). */
  const acceptedOneToOne = async () => {
    const scheduled = await scheduleOneToOne();
    await answerAs(alex, scheduled, { response: 'accept' });
    return bodyOf<MeetingDto>(await adele.get(`/api/meetings/${scheduled.id}`), 200);
  };
  const organizerEvent = async (m: MeetingDto) => {
    const events = await graph.withSubject(
      PEOPLE.adele.id,
      m.title,
      new Date(new Date(m.start).getTime() - DAY),
      new Date(new Date(m.end).getTime() + DAY),
    );
    expect(events).toHaveLength(1);
    return events[0] as NonNullable<(typeof events)[number]>;
  };
  const attendeeCopy = async (userId: string, m: MeetingDto) =>
    graph.withSubject(
      userId,
      m.title,
      new Date(new Date(m.start).getTime() - DAY),
      new Date(new Date(m.end).getTime() + DAY),
    );

  it('shows the organizer her own titles, others only as busy blocks, with everyone’s working hours and zone', async () => {
    const body = bodyOf<AvailabilityResponse>(
      await adele.post('/api/availability', { attendees: [mail('alexw')], ...nextTwoWeeks() }),
      200,
    );
    const [own, other] = body.people;
    expect(own?.isOrganizer).toBe(true);
    expect(own?.person.email).toBe(mail('adelev'));
    expect(own?.status).toBe('ok');
    expect(own?.timeZone).toBe('Europe/London');
    expect(own?.workingHours).toMatchObject({ start: '09:00', end: '17:30', timeZone: 'Europe/London' });
    expect(own?.blocks.length).toBeGreaterThan(0);
    expect(own?.blocks.some((b) => typeof b.subject === 'string' && b.subject.length > 0)).toBe(true);

    expect(other?.isOrganizer).toBe(false);
    expect(other?.person).toMatchObject({ email: mail('alexw'), userId: PEOPLE.alex.id, displayName: 'Alex Wilber' });
    expect(other?.status).toBe('ok');
    expect(other?.message).toBeNull();
    expect(other?.timeZone).toBe('America/New_York');
    expect(other?.workingHours).toMatchObject({ start: '08:00', end: '17:00', timeZone: 'America/New_York' });
    expect(other?.blocks.length).toBeGreaterThan(0);
    for (const block of other?.blocks ?? []) expect(block).not.toHaveProperty('subject');
  });

  it('suggests only times inside both people’s working hours that overlap none of their busy time', async () => {
    const availability = bodyOf<AvailabilityResponse>(
      await adele.post('/api/availability', { attendees: [mail('alexw')], ...nextTwoWeeks() }),
      200,
    );
    const body = bodyOf<SuggestionsResponse>(
      await adele.post('/api/suggestions', {
        attendees: [mail('alexw')],
        durationMinutes: 30,
        maxSuggestions: 10,
        ...nextTwoWeeks(),
      }),
      200,
    );
    expect(body.suggestions.length).toBeGreaterThan(0);
    expect(body.unreadable).toEqual([]);
    for (const s of body.suggestions) {
      const slot = { start: new Date(s.start), end: new Date(s.end) };
      expect(slot.end.getTime() - slot.start.getTime()).toBe(30 * 60_000);
      for (const person of availability.people) {
        const hours = person.workingHours;
        if (!hours) throw new Error(`${person.person.email} has no working hours`);
        expect(insideWorkingHours(slot.start, slot.end, hours), `${s.start} for ${person.person.email}`).toBe(true);
        for (const block of blockingBlocks(person)) {
          expect(overlaps(slot, block), `${s.start} clashes with ${person.person.email}'s ${block.status}`).toBe(false);
        }
      }
      expect(s.reasons.map((r) => r.code)).toContain('within_working_hours');
      expect(s.reasons.every((r) => r.text.length > 0)).toBe(true);
    }
  });

  it('creates a Teams meeting from a suggestion: the organizer’s event with the attendee, a copy for the attendee, agenda and link back', async () => {
    const slot = await suggestedSlot([mail('alexw')]);
    const created = await createWith([mail('alexw')], slot, { typeId: 'one-to-one-check-in' });
    const meeting = bodyOf<MeetingDto>(created, 201);
    expect(created.headers.get('location')).toBe(`/api/meetings/${meeting.id}`);
    expect(meeting).toMatchObject({
      status: 'scheduled',
      isOrganizer: true,
      online: true,
      start: slot.start,
      end: slot.end,
      typeId: 'one-to-one-check-in',
      myResponse: 'organizer',
    });
    expect(meeting.joinUrl).toMatch(/^https:\/\/teams\.microsoft\.com\/l\/meetup-join\//);
    expect(meeting.webUrl).toContain(meeting.id);

    const event = await organizerEvent(meeting);
    expect(event.isOrganizer).toBe(true);
    expect(event.isOnlineMeeting).toBe(true);
    expect(event.onlineMeeting?.joinUrl).toBe(meeting.joinUrl);
    expect(utcInstant(event.start).toISOString()).toBe(slot.start);
    expect(utcInstant(event.end).toISOString()).toBe(slot.end);
    expect(event.attendees.map((a) => a.emailAddress.address.toLowerCase())).toEqual([mail('alexw')]);
    expect(event.body.content).toContain('Quarterly goals and the Fabrikam launch');
    expect(event.body.content).toContain(meeting.webUrl);
    expect(event.body.content).toContain('1:1 check-in');

    const copies = await attendeeCopy(PEOPLE.alex.id, meeting);
    expect(copies).toHaveLength(1);
    expect(copies[0]?.isOrganizer).toBe(false);
    expect(copies[0]?.iCalUId).toBe(event.iCalUId);
    expect(copies[0]?.organizer.emailAddress.address.toLowerCase()).toBe(mail('adelev'));
  });

  it('lists the meeting as upcoming for both people and shows each attendee’s response', async () => {
    const meeting = await scheduleOneToOne();
    const mine = await listMeetings(adele);
    expect(mine.map((m) => m.id)).toContain(meeting.id);
    const theirs = await listMeetings(alex);
    const seen = theirs.find((m) => m.id === meeting.id);
    expect(seen).toMatchObject({ isOrganizer: false, myResponse: 'none', joinUrl: meeting.joinUrl });
    expect((await listMeetings(adele, 'past')).map((m) => m.id)).not.toContain(meeting.id);

    const read = bodyOf<MeetingDto>(await adele.get(`/api/meetings/${meeting.id}`), 200);
    expect(read.attendees).toEqual([
      expect.objectContaining({ email: mail('alexw'), userId: PEOPLE.alex.id, response: 'none' }),
    ]);
    expect(read.organizer).toMatchObject({ userId: PEOPLE.adele.id, email: mail('adelev') });
  });

  it('warns of a clash instead of booking over busy time, and writes nothing', async () => {
    const window = nextTwoWeeks();
    const availability = bodyOf<AvailabilityResponse>(
      await adele.post('/api/availability', { attendees: [mail('alexw')], ...window }),
      200,
    );
    const alexBusy = availability.people[1]?.blocks.find(
      (b) => b.status === 'busy' && new Date(b.start).getTime() > Date.parse(window.start) + DAY,
    );
    if (!alexBusy) throw new Error('Alex has no busy time to clash with');
    const start = new Date(alexBusy.start);
    const slot = { start: start.toISOString(), end: new Date(start.getTime() + 30 * 60_000).toISOString() };
    const before = await listMeetings(adele);
    const title = uniqueTitle('Clashing 1:1');

    const refused = await adele.post('/api/meetings', {
      title,
      attendees: [mail('alexw')],
      ...slot,
      timeZone: 'Europe/London',
    });
    const error = expectError(refused, 409, 'conflicts_found');
    const details = error.details as ConflictsResponse;
    expect(details.conflicts.length).toBeGreaterThan(0);
    const alexClash = details.conflicts.find((c) => c.person.email === mail('alexw'));
    expect(alexClash).toMatchObject({ status: expect.stringMatching(/busy|tentative|oof/) });
    expect(alexClash).not.toHaveProperty('subject');
    expect(alexClash?.occurrence.start).toBe(slot.start);

    expect(await listMeetings(adele)).toEqual(before);
    const around = [new Date(start.getTime() - DAY), new Date(start.getTime() + DAY)] as const;
    expect(await graph.withSubject(PEOPLE.adele.id, title, ...around)).toEqual([]);
    expect(await graph.withSubject(PEOPLE.alex.id, title, ...around)).toEqual([]);
  });

  it('records the attendee’s acceptance on the organizer’s event and in Confer', async () => {
    const meeting = await scheduleOneToOne();
    const answered = await answerAs(alex, meeting, { response: 'accept' });
    expect(answered.myResponse).toBe('accepted');
    const seen = bodyOf<MeetingDto>(await adele.get(`/api/meetings/${meeting.id}`), 200);
    expect(seen.attendees[0]?.response).toBe('accepted');
    expect(seen.attendees[0]?.respondedAt).not.toBeNull();
    const event = await organizerEvent(seen);
    expect(event.attendees[0]?.status.response).toBe('accepted');
  });

  it('reschedules with the version seen: same Teams link, responses asked again; a stale version is refused', async () => {
    const meeting = await acceptedOneToOne();
    const slot = await suggestedSlot([mail('alexw')]);
    expect(slot.start).not.toBe(meeting.start);
    const moved = bodyOf<MeetingDto>(
      await adele.patch(`/api/meetings/${meeting.id}`, { version: meeting.version, start: slot.start, end: slot.end }),
      200,
    );
    expect(moved).toMatchObject({ start: slot.start, end: slot.end, joinUrl: meeting.joinUrl, status: 'scheduled' });
    expect(moved.version).toBeGreaterThan(meeting.version);
    expect(moved.attendees[0]?.response).toBe('none');
    const event = await organizerEvent(moved);
    expect(utcInstant(event.start).toISOString()).toBe(slot.start);
    expect(event.onlineMeeting?.joinUrl).toBe(meeting.joinUrl);
    expect(event.body.content).toContain(meeting.joinUrl ?? 'join url');

    const stale = await adele.patch(`/api/meetings/${meeting.id}`, { version: meeting.version, title: 'Renamed' });
    expectError(stale, 409, 'version_conflict');
    expect(bodyOf<MeetingDto>(await adele.get(`/api/meetings/${meeting.id}`), 200).title).toBe(meeting.title);
  });

  it('records a tentative answer with a proposed new time, then a decline, on the organizer’s side', async () => {
    const meeting = await scheduleOneToOne();
    const proposedStart = new Date(new Date(meeting.start).getTime() + DAY);
    const proposal = {
      response: 'tentative',
      comment: 'Could we do the next day?',
      proposedStart: proposedStart.toISOString(),
      proposedEnd: new Date(proposedStart.getTime() + 30 * 60_000).toISOString(),
    };
    await answerAs(alex, meeting, proposal);
    const seen = bodyOf<MeetingDto>(await adele.get(`/api/meetings/${meeting.id}`), 200);
    expect(seen.attendees[0]).toMatchObject({
      response: 'tentativelyAccepted',
      proposedStart: proposal.proposedStart,
      proposedEnd: proposal.proposedEnd,
    });
    expect((await organizerEvent(seen)).attendees[0]?.status.response).toBe('tentativelyAccepted');

    await answerAs(alex, meeting, { response: 'decline' });
    const declined = bodyOf<MeetingDto>(await adele.get(`/api/meetings/${meeting.id}`), 200);
    expect(declined.attendees[0]?.response).toBe('declined');
    expect(declined.status).toBe('scheduled');
    expect((await organizerEvent(declined)).attendees[0]?.status.response).toBe('declined');
  });

  it('changes the agenda and adds a person: the Teams join block stays, the newcomer is invited, answers are kept', async () => {
    const meeting = await scheduleOneToOne();
    await answerAs(alex, meeting, { response: 'decline' });
    const current = bodyOf<MeetingDto>(await adele.get(`/api/meetings/${meeting.id}`), 200);
    const changed = bodyOf<MeetingDto>(
      await adele.patch(`/api/meetings/${meeting.id}`, {
        version: current.version,
        agenda: 'Launch plan, then hiring',
        attendees: [mail('alexw'), mail('lynner')],
        // The organizer has seen Lynne's clashes, if any, in the picker.
        acceptConflicts: true,
      }),
      200,
    );
    expect(changed.agenda).toBe('Launch plan, then hiring');
    expect(changed.joinUrl).toBe(meeting.joinUrl);
    expect(changed.attendees.map((a) => [a.email, a.response])).toEqual([
      [mail('alexw'), 'declined'],
      [mail('lynner'), 'none'],
    ]);
    const event = await organizerEvent(changed);
    expect(event.body.content).toContain('Launch plan, then hiring');
    expect(event.body.content).not.toContain('Quarterly goals');
    expect(event.body.content).toContain(meeting.joinUrl ?? 'join url');
    expect(event.onlineMeeting?.joinUrl).toBe(meeting.joinUrl);
    expect(event.attendees.map((a) => a.emailAddress.address.toLowerCase()).sort()).toEqual([
      mail('alexw'),
      mail('lynner'),
    ]);
    expect(await attendeeCopy(PEOPLE.lynne.id, changed)).toHaveLength(1);
  });

  it('creates an in-person meeting with a place and no Teams link', async () => {
    const slot = await suggestedSlot([mail('alexw')]);
    const inPerson = bodyOf<MeetingDto>(
      await createWith([mail('alexw')], slot, { online: false, location: 'London office, room 4.02' }),
      201,
    );
    expect(inPerson).toMatchObject({ online: false, joinUrl: null, location: 'London office, room 4.02' });
    const event = await organizerEvent(inPerson);
    expect(event.isOnlineMeeting).toBe(false);
    expect(event.location?.displayName).toBe('London office, room 4.02');
    expect(event.body.content).not.toContain('teams.microsoft.com');
  });

  it('lets an attendee “cancel” only by declining: the meeting stays for the organizer', async () => {
    const slot = await suggestedSlot([mail('alexw')]);
    const other = bodyOf<MeetingDto>(await createWith([mail('alexw')], slot), 201);
    const answer = bodyOf<MeetingDto>(
      await alex.post(`/api/meetings/${other.id}/cancel`, { version: other.version, message: 'Sorry, away' }),
      200,
    );
    expect(answer.myResponse).toBe('declined');
    expect(answer.status).toBe('scheduled');
    const seen = bodyOf<MeetingDto>(await adele.get(`/api/meetings/${other.id}`), 200);
    expect(seen.status).toBe('scheduled');
    expect(seen.attendees[0]?.response).toBe('declined');
    const event = await organizerEvent(seen);
    expect(event.isCancelled).toBe(false);
    expect(event.attendees[0]?.status.response).toBe('declined');
  });

  it('cancels with a message: cancelled in Confer and on the attendee’s copy', async () => {
    const slot = await suggestedSlot([mail('lynner')]);
    const doomed = bodyOf<MeetingDto>(await createWith([mail('lynner')], slot), 201);
    const copyBefore = await attendeeCopy(PEOPLE.lynne.id, doomed);
    expect(copyBefore.map((e) => e.isCancelled)).toEqual([false]);
    const iCalUId = copyBefore[0]?.iCalUId ?? '';

    const cancelled = bodyOf<MeetingDto>(
      await adele.post(`/api/meetings/${doomed.id}/cancel`, { version: doomed.version, message: 'Plans changed' }),
      200,
    );
    expect(cancelled.status).toBe('cancelled');
    expect(bodyOf<MeetingDto>(await adele.get(`/api/meetings/${doomed.id}`), 200).status).toBe('cancelled');
    const lynne = apiAs(stack, PEOPLE.lynne.id);
    expect(bodyOf<MeetingDto>(await lynne.get(`/api/meetings/${doomed.id}`), 200).status).toBe('cancelled');
    const around = [new Date(Date.parse(doomed.start) - DAY), new Date(Date.parse(doomed.end) + DAY)] as const;
    const copyAfter = await graph.withICalUId(PEOPLE.lynne.id, iCalUId, ...around);
    expect(copyAfter.map((e) => [e.isCancelled, e.subject])).toEqual([[true, `Canceled: ${doomed.title}`]]);
    const organizerAfter = await graph.withICalUId(PEOPLE.adele.id, iCalUId, ...around);
    expect(organizerAfter.every((e) => e.isCancelled)).toBe(true);
    expectError(
      await adele.patch(`/api/meetings/${doomed.id}`, { version: cancelled.version, title: 'Revived?' }),
      409,
      'meeting_not_editable',
    );
  });

  it('keeps private notes private, shows shared notes to both, and lets only the author edit', async () => {
    const meeting = await scheduleOneToOne();
    const base = `/api/meetings/${meeting.id}/notes`;
    const privateNote = bodyOf<{ id: string; version: number }>(
      await adele.post(base, { visibility: 'private', body: 'Alex seems stretched; ask about workload' }),
      201,
    );
    const shared = bodyOf<{ id: string; version: number; authorId: string }>(
      await adele.post(base, { visibility: 'shared', body: 'Goals: ship the launch plan by Friday' }),
      201,
    );
    expect(shared.authorId).toBe(PEOPLE.adele.id);

    type Notes = { notes: { id: string; body: string; visibility: string }[] };
    const alexNotes = bodyOf<Notes>(await alex.get(base), 200).notes;
    expect(alexNotes.map((n) => n.id)).toEqual([shared.id]);
    const adeleNotes = bodyOf<Notes>(await adele.get(base), 200).notes;
    expect(adeleNotes.map((n) => n.id).sort()).toEqual([privateNote.id, shared.id].sort());

    const edit = { visibility: 'shared', body: 'Goals: ship it Monday', version: shared.version };
    expectError(await alex.put(`${base}/${shared.id}`, edit), 403, 'forbidden');
    expectError(await alex.put(`${base}/${privateNote.id}`, { ...edit, version: 1 }), 404, 'not_found');
    const edited = bodyOf<{ body: string; version: number }>(await adele.put(`${base}/${shared.id}`, edit), 200);
    expect(edited).toMatchObject({ body: 'Goals: ship it Monday', version: shared.version + 1 });
    expect(bodyOf<Notes>(await alex.get(base), 200).notes.map((n) => n.body)).toEqual(['Goals: ship it Monday']);
    expectError(await isaiah.get(base), 404, 'not_found');
  });

  it('tracks actions with an owner, a due date and a done state', async () => {
    const meeting = await scheduleOneToOne();
    const base = `/api/meetings/${meeting.id}/actions`;
    const action = bodyOf<{ id: string; version: number; ownerName: string; done: boolean; dueDate: string }>(
      await adele.post(base, { title: 'Draft the launch plan', ownerEmail: mail('alexw'), dueDate: '2030-01-15' }),
      201,
    );
    expect(action).toMatchObject({ ownerName: 'Alex Wilber', done: false, dueDate: '2030-01-15' });
    expectError(
      await adele.post(base, { title: 'Someone else’s job', ownerEmail: mail('isaiahl') }),
      400,
      'validation_failed',
    );
    const done = bodyOf<{ done: boolean }>(
      await alex.patch(`${base}/${action.id}`, { version: action.version, done: true }),
      200,
    );
    expect(done.done).toBe(true);
    const listed = bodyOf<{ actions: { id: string; done: boolean; ownerEmail: string }[] }>(await adele.get(base), 200);
    expect(listed.actions).toEqual([expect.objectContaining({ id: action.id, done: true, ownerEmail: mail('alexw') })]);
  });

  it('keeps a history of every change', async () => {
    const accepted = await acceptedOneToOne();
    const slot = await suggestedSlot([mail('alexw')]);
    const moved = bodyOf<MeetingDto>(
      await adele.patch(`/api/meetings/${accepted.id}`, {
        version: accepted.version,
        start: slot.start,
        end: slot.end,
      }),
      200,
    );
    await answerAs(alex, moved, { response: 'decline' });
    const meeting = bodyOf<MeetingDto>(await adele.get(`/api/meetings/${moved.id}`), 200);
    bodyOf<MeetingDto>(
      await adele.patch(`/api/meetings/${meeting.id}`, { version: meeting.version, agenda: 'Hiring first' }),
      200,
    );
    const history = bodyOf<{ history: { kind: string; actorId: string | null; summary: string }[] }>(
      await adele.get(`/api/meetings/${meeting.id}/history`),
      200,
    ).history;
    expect(history.map((h) => h.kind).sort()).toEqual(['created', 'rescheduled', 'responded', 'responded', 'updated']);
    expect(history.find((h) => h.kind === 'created')?.actorId).toBe(PEOPLE.adele.id);
    expect(history.every((h) => h.summary.length > 0)).toBe(true);
    expectError(await isaiah.get(`/api/meetings/${meeting.id}/history`), 404, 'not_found');
  });

  it('offers the four default meeting types', async () => {
    const types = bodyOf<{
      meetingTypes: { id: string; name: string; durationMinutes: number; agendaPrompts: string[] }[];
    }>(await adele.get('/api/meeting-types'), 200).meetingTypes;
    expect(types.map((t) => t.name)).toEqual(
      expect.arrayContaining([
        'Mentoring session',
        '1:1 check-in',
        'Wellbeing conversation',
        'Performance conversation',
      ]),
    );
    expect(types).toHaveLength(4);
    for (const type of types) {
      expect(type.durationMinutes).toBeGreaterThan(0);
      expect(type.agendaPrompts.length).toBeGreaterThan(0);
    }
  });

  it('finds colleagues by name in the people picker, without the caller', async () => {
    const people = bodyOf<{ people: { email: string; displayName: string }[] }>(
      await adele.get('/api/people?search=Al'),
      200,
    ).people;
    expect(people.map((p) => p.email)).toContain(mail('alexw'));
    expect(bodyOf<{ people: { email: string }[] }>(await adele.get('/api/people?search=Adele'), 200).people).toEqual(
      [],
    );
  });

  it('moves meetings from upcoming to past once they have ended', async () => {
    const meeting = await scheduleOneToOne();
    const end = new Date(meeting.end).getTime();
    const now = stack.devtenant.clock.now().getTime();
    await stack.devtenant.control('clock/advance', { ms: end - now + 60_000 });
    // Tab tokens live about an hour; days later the tab asks Teams for fresh ones.
    const [adeleLater, alexLater] = [apiAs(stack, PEOPLE.adele.id), apiAs(stack, PEOPLE.alex.id)];
    expect((await listMeetings(adeleLater, 'past')).map((m) => m.id)).toContain(meeting.id);
    expect((await listMeetings(adeleLater)).map((m) => m.id)).not.toContain(meeting.id);
    expect((await listMeetings(alexLater, 'past')).map((m) => m.id)).toContain(meeting.id);
  });
});
