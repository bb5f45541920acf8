import type { MeetingDto, SuggestionsResponse } from '@confer/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs } from '../support/api-client.ts';
import { PEOPLE, type Stack, startStack, TENANT_ID } from '../support/stack.ts';

const DOMAIN = 'contoso.onmicrosoft.com';
const ALEX = `alexw@${DOMAIN}`;
const MEGAN = `meganb@${DOMAIN}`;

/**
 * Someone the organizer invited in Outlook rather than in Confer (sync records them with `addedInOutlook`):
 * they see the meeting, but its notes and actions stay closed to them — in the API and in the bot's cards —
 * until the organizer names them in Confer's own list of people.
 */
describe('an attendee added in Outlook', () => {
  let stack: Stack;
  let adele: ReturnType<typeof apiAs>;
  let alex: ReturnType<typeof apiAs>;
  let megan: ReturnType<typeof apiAs>;
  let meeting: MeetingDto;

  beforeAll(async () => {
    stack = await startStack({ tabDir: null });
    adele = apiAs(stack, PEOPLE.adele.id);
    alex = apiAs(stack, PEOPLE.alex.id);
    megan = apiAs(stack, PEOPLE.megan.id);
    const suggestions = await adele.post<SuggestionsResponse>('/api/suggestions', {
      attendees: [ALEX, MEGAN],
      durationMinutes: 30,
      maxSuggestions: 1,
    });
    const slot = suggestions.body.suggestions[0];
    if (!slot) throw new Error(`no suggestion: ${suggestions.status}`);
    const created = await adele.post<MeetingDto>('/api/meetings', {
      title: 'Quarterly check-in',
      attendees: [ALEX, MEGAN],
      start: slot.start,
      end: slot.end,
      timeZone: 'Europe/London',
      acceptConflicts: true,
    });
    expect(created.status).toBe(201);
    const action = await adele.post(`/api/meetings/${created.body.id}/actions`, {
      title: 'Send the plan',
      ownerEmail: ALEX,
    });
    expect(action.status).toBe(201);
    // What sync records when Megan is found on the Outlook event without Confer having invited her.
    const stored = await stack.composed.scheduling.meetings.get(TENANT_ID, created.body.id);
    if (!stored) throw new Error('the meeting was not stored');
    const marked = {
      ...stored,
      outlookSubject: 'Check-in (from Outlook)',
      attendees: stored.attendees.map((a) => (a.email === MEGAN ? { ...a, addedInOutlook: true } : a)),
      version: stored.version + 1,
    };
    expect(await stack.composed.scheduling.meetings.update(marked, stored.version)).toBe(true);
    // Read as an attendee: the organizer's read would apply Outlook's own copy of the event first.
    meeting = (await alex.get<MeetingDto>(`/api/meetings/${created.body.id}`)).body;
  }, 60_000);
  afterAll(async () => {
    await stack?.stop();
  });

  const path = (rest = '') => `/api/meetings/${meeting.id}${rest}`;

  it('the API shows who was added in Outlook and the Outlook subject', () => {
    expect(meeting.outlookSubject).toBe('Check-in (from Outlook)');
    expect(meeting.attendees.map((a) => [a.email, a.addedInOutlook])).toEqual([
      [ALEX, false],
      [MEGAN, true],
    ]);
  });

  it('sees the meeting in the list and in details', async () => {
    const list = await megan.get<{ meetings: MeetingDto[] }>('/api/meetings?scope=upcoming');
    expect(list.body.meetings.map((m) => m.id)).toContain(meeting.id);
    const details = await megan.get<MeetingDto>(path());
    expect(details.status).toBe(200);
    expect(details.body.myResponse).toBe('none');
  });

  it.each([
    ['read notes', 'get', '/notes', undefined],
    ['write a private note', 'post', '/notes', { visibility: 'private', body: 'mine' }],
    ['write a shared note', 'post', '/notes', { visibility: 'shared', body: 'for all' }],
    ['read actions', 'get', '/actions', undefined],
    ['raise an action', 'post', '/actions', { title: 'Mine', ownerEmail: MEGAN }],
  ] as const)('may not %s: 403 forbidden, with why', async (_case, method, rest, body) => {
    const answer =
      method === 'get' ? await megan.get<ErrorBody>(path(rest)) : await megan.post<ErrorBody>(path(rest), body);
    expect(answer.status).toBe(403);
    expect(answer.body.error.code).toBe('forbidden');
    expect(answer.body.error.message).toContain('invited to this meeting in Outlook');
  });

  it('people Confer invited keep their access', async () => {
    expect((await alex.get(path('/notes'))).status).toBe(200);
    expect((await alex.get(path('/actions'))).status).toBe(200);
  });

  it("the bot's cards show them no open actions, and the Outlook subject", async () => {
    const user = (id: string) => ({ tenantId: TENANT_ID, userId: id, name: null });
    const forMegan = await stack.composed.bot.actions.meetingFor(user(PEOPLE.megan.id), meeting.id);
    const forAlex = await stack.composed.bot.actions.meetingFor(user(PEOPLE.alex.id), meeting.id);
    expect(forMegan?.openActions).toEqual([]);
    expect(forMegan?.outlookSubject).toBe('Check-in (from Outlook)');
    expect(forAlex?.openActions.map((a) => a.title)).toEqual(['Send the plan']);
  });

  it('once the organizer names them in Confer, notes and actions open to them', async () => {
    const current = (await adele.get<MeetingDto>(path())).body;
    const changed = await adele.patch<MeetingDto>(path(), { version: current.version, attendees: [ALEX, MEGAN] });
    expect(changed.status).toBe(200);
    expect(changed.body.attendees.find((a) => a.email === MEGAN)?.addedInOutlook).toBe(false);
    expect((await megan.get(path('/notes'))).status).toBe(200);
    const actions = await megan.get<{ actions: { title: string }[] }>(path('/actions'));
    expect(actions.status).toBe(200);
    expect(actions.body.actions.map((a) => a.title)).toEqual(['Send the plan']);
  });
});

interface ErrorBody {
  error: { code: string; message: string };
}
