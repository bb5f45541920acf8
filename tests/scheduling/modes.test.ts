import type { AvailabilityResponse, MeetingDto, SuggestionsResponse } from '@confer/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs } from '../support/api-client.ts';
import { CLIENT_ID, PEOPLE, type Stack, startStack, TENANT_ID } from '../support/stack.ts';
import { devtenantGraph } from './support/devtenant-graph.ts';
import { type Api, bodyOf, expectError, listMeetings, mail, uniqueTitle } from './support/scheduling-api.ts';

const DAY = 86_400_000;
const EXTERNAL = 'sam.guest@fabrikam.example';
/** Grady Archie has a mailbox but is not in the Confer Users group (devtenant/src/directory/seed-groups.ts). */
const GRADY = mail('gradya');

const personOf = (body: AvailabilityResponse, email: string) => {
  const person = body.people.find((p) => p.person.email === email);
  if (!person) throw new Error(`${email} missing from the availability answer`);
  return person;
};

describe('tenant-wide mode (application permissions)', () => {
  let stack: Stack;
  let adele: Api;
  let alex: Api;

  beforeAll(async () => {
    stack = await startStack({ tabDir: null, connectionMode: 'tenant' });
    adele = apiAs(stack, PEOPLE.adele.id);
    alex = apiAs(stack, PEOPLE.alex.id);
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('runs the core flow: availability, create, the attendee answers, the organizer sees it, cancel', async () => {
    const availability = bodyOf<AvailabilityResponse>(
      await adele.post('/api/availability', { attendees: [mail('alexw')] }),
      200,
    );
    expect(availability.people.map((p) => [p.person.email, p.status])).toEqual([
      [mail('adelev'), 'ok'],
      [mail('alexw'), 'ok'],
    ]);
    expect(availability.people[0]?.blocks.some((b) => b.subject)).toBe(true);
    expect(availability.people[1]?.blocks.every((b) => b.subject === undefined)).toBe(true);

    const slot = bodyOf<SuggestionsResponse>(
      await adele.post('/api/suggestions', { attendees: [mail('alexw')], durationMinutes: 45 }),
      200,
    ).suggestions[0];
    if (!slot) throw new Error('no suggestion');
    const title = uniqueTitle('Mentoring, tenant-wide');
    const meeting = bodyOf<MeetingDto>(
      await adele.post('/api/meetings', {
        title,
        agenda: 'Career plan',
        attendees: [mail('alexw')],
        start: slot.start,
        end: slot.end,
        timeZone: 'Europe/London',
        typeId: 'mentoring-session',
      }),
      201,
    );
    expect(meeting.status).toBe('scheduled');
    expect(meeting.joinUrl).toMatch(/^https:\/\/teams\.microsoft\.com\//);
    const graph = devtenantGraph(stack);
    const around = [new Date(Date.parse(slot.start) - DAY), new Date(Date.parse(slot.end) + DAY)] as const;
    expect(await graph.withSubject(PEOPLE.adele.id, title, ...around)).toHaveLength(1);
    expect(await graph.withSubject(PEOPLE.alex.id, title, ...around)).toHaveLength(1);

    expect((await listMeetings(alex)).find((m) => m.id === meeting.id)?.myResponse).toBe('none');
    bodyOf(await alex.post(`/api/meetings/${meeting.id}/respond`, { response: 'accept', comment: 'See you' }), 200);
    const seen = bodyOf<MeetingDto>(await adele.get(`/api/meetings/${meeting.id}`), 200);
    expect(seen.attendees[0]?.response).toBe('accepted');
    const [event] = await graph.withSubject(PEOPLE.adele.id, title, ...around);
    expect(event?.attendees[0]?.status.response).toBe('accepted');

    const cancelled = bodyOf<MeetingDto>(
      await adele.post(`/api/meetings/${meeting.id}/cancel`, { version: seen.version, message: 'Rain check' }),
      200,
    );
    expect(cancelled.status).toBe('cancelled');
    const copies = await graph.withICalUId(PEOPLE.alex.id, event?.iCalUId ?? '', ...around);
    expect(copies.map((c) => c.isCancelled)).toEqual([true]);
    expect(bodyOf<MeetingDto>(await alex.get(`/api/meetings/${meeting.id}`), 200).status).toBe('cancelled');
  });

  it('names every calendar it cannot read, with what to do, and never shows it as free', async () => {
    const body = bodyOf<AvailabilityResponse>(
      await adele.post('/api/availability', { attendees: [mail('alexw'), EXTERNAL, mail('noraf')] }),
      200,
    );
    const external = personOf(body, EXTERNAL);
    expect(external.status).toBe('external');
    expect(external.person.userId).toBeNull();
    expect(external.message).toMatch(/outside your organisation/);
    expect(external.blocks).toEqual([]);
    expect(external.workingHours).toBeNull();

    const nora = personOf(body, mail('noraf'));
    expect(nora.status).toBe('mailbox_not_enabled');
    expect(nora.person.displayName).toBe('Nora Field');
    expect(nora.message).toMatch(/no Outlook calendar/);
    expect(nora.blocks).toEqual([]);
    expect(personOf(body, mail('alexw')).status).toBe('ok');

    const suggestions = bodyOf<SuggestionsResponse>(
      await adele.post('/api/suggestions', {
        attendees: [mail('alexw'), EXTERNAL, mail('noraf')],
        durationMinutes: 30,
      }),
      200,
    );
    expect(suggestions.unreadable.map((u) => [u.person.email, u.status])).toEqual([
      [EXTERNAL, 'external'],
      [mail('noraf'), 'mailbox_not_enabled'],
    ]);
    expect(suggestions.unreadable.every((u) => (u.message ?? '').length > 0)).toBe(true);
  });

  it('reports people outside the admin’s access policy as outside_access_policy while it is on', async () => {
    // Each call asks from another quarter hour: the short-lived cache keys availability by the window
    // widened to whole quarter hours, and the admin's policy change is not a Confer write that drops it.
    const ask = async (laterMinutes: number) =>
      bodyOf<AvailabilityResponse>(
        await adele.post('/api/availability', {
          attendees: [mail('alexw'), GRADY],
          start: new Date(stack.devtenant.clock.now().getTime() + laterMinutes * 60_000).toISOString(),
        }),
        200,
      );
    expect(personOf(await ask(0), GRADY).status).toBe('ok');
    expect((await stack.devtenant.control('access-policy', { enabled: true })).status).toBe(200);
    try {
      const body = await ask(20);
      const grady = personOf(body, GRADY);
      expect(grady.status).toBe('outside_access_policy');
      expect(grady.message).toMatch(/outside the group your admin allowed/);
      expect(grady.blocks).toEqual([]);
      expect(personOf(body, mail('alexw')).status).toBe('ok');
      expect(personOf(body, mail('adelev')).status).toBe('ok');
    } finally {
      await stack.devtenant.control('access-policy', { enabled: false });
    }
  });
});

describe('per-user mode: the organizer’s own connection', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack({ tabDir: null, connectionMode: 'user' });
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('answers 403 consent_required when consent is withdrawn, and works again once granted', async () => {
    const adele = apiAs(stack, PEOPLE.adele.id);
    bodyOf(await adele.post('/api/availability', { attendees: [mail('alexw')] }), 200);
    await stack.devtenant.control('consent/admin', { clientId: CLIENT_ID, granted: false });
    try {
      // Tokens already issued stay valid until they expire (about an hour); the next Teams SSO token
      // Confer exchanges (On-Behalf-Of) meets the withdrawn consent.
      await stack.devtenant.control('clock/advance', { minutes: 61 });
      const later = apiAs(stack, PEOPLE.adele.id);
      const refused = await later.post('/api/availability', { attendees: [mail('alexw')] });
      expectError(refused, 403, 'consent_required');
      const create = await later.post('/api/meetings', {
        title: 'Without consent',
        attendees: [mail('alexw')],
        start: new Date(stack.devtenant.clock.now().getTime() + 2 * DAY).toISOString(),
        end: new Date(stack.devtenant.clock.now().getTime() + 2 * DAY + 1_800_000).toISOString(),
        timeZone: 'Europe/London',
      });
      expectError(create, 403, 'consent_required');
      expect(await listMeetings(later)).toEqual([]);
      const connection = bodyOf<{ status: string; message: string }>(await later.post('/api/me/connection'), 200);
      expect(connection.status).toBe('consent_required');
      expect(connection.message).toMatch(/permission/);
    } finally {
      await stack.devtenant.control('consent/admin', { clientId: CLIENT_ID, granted: true });
    }
    bodyOf(await apiAs(stack, PEOPLE.adele.id).post('/api/availability', { attendees: [mail('lynner')] }), 200);
  });

  it('knows who has connected: not_connected until a person first uses Confer, connected after', async () => {
    const check = stack.composed.graph.checkConnection;
    expect(await check(TENANT_ID, PEOPLE.patti.id, 'user')).toBe('not_connected');
    bodyOf(await apiAs(stack, PEOPLE.patti.id).get('/api/meeting-types'), 200);
    // Reading the meeting types needs no Graph call: still nothing stored for Patti.
    expect(await check(TENANT_ID, PEOPLE.patti.id, 'user')).toBe('not_connected');
    bodyOf(await apiAs(stack, PEOPLE.patti.id).post('/api/availability', { attendees: [mail('alexw')] }), 200);
    expect(await check(TENANT_ID, PEOPLE.patti.id, 'user')).toBe('connected');
    await stack.devtenant.control('refresh-tokens/revoke', { userId: PEOPLE.patti.id, clientId: CLIENT_ID });
    expect(await check(TENANT_ID, PEOPLE.patti.id, 'user')).toBe('expired');
  });

  it('shows a person who disconnected as not_connected, in the API and to background work', async () => {
    const isaiah = apiAs(stack, PEOPLE.isaiah.id);
    expect(bodyOf<{ status: string }>(await isaiah.post('/api/me/connection'), 200).status).toBe('connected');
    const gone = bodyOf<{ status: string; message: string }>(await isaiah.delete('/api/me/connection'), 200);
    expect(gone.status).toBe('not_connected');
    expect(gone.message).toMatch(/not connected/);
    expect(bodyOf<{ status: string }>(await isaiah.get('/api/me/connection'), 200).status).toBe('not_connected');
    expect(await stack.composed.graph.checkConnection(TENANT_ID, PEOPLE.isaiah.id, 'user')).toBe('not_connected');
  });

  it('reads other people’s free/busy with the organizer’s own authority: they need not have connected', async () => {
    const body = bodyOf<AvailabilityResponse>(
      await apiAs(stack, PEOPLE.megan.id).post('/api/availability', { attendees: [mail('isaiahl'), EXTERNAL] }),
      200,
    );
    expect(personOf(body, mail('isaiahl')).status).toBe('ok');
    expect(personOf(body, EXTERNAL).status).toBe('external');
  });
});
