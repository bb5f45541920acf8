import { randomUUID } from 'node:crypto';
import type { MeetingDto, SuggestionsResponse } from '@confer/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs } from '../support/api-client.ts';
import { PEOPLE, type Stack, startStack } from '../support/stack.ts';
import { devtenantGraph } from './support/devtenant-graph.ts';
import { type Api, bodyOf, listMeetings, mail } from './support/scheduling-api.ts';
import { servedRoutes } from './support/served-routes.ts';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const NOBODY = 'nobody@contoso.onmicrosoft.com';
/** 20 people besides the organizer: 21 in all, one more than getSchedule reads in one request. */
const TWENTY = Array.from({ length: 20 }, (_, i) => `person${i}@fabrikam.example`);
const long = (n: number) => 'x'.repeat(n);

interface Case {
  name: string;
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  path: string;
  body?: unknown;
  status: number;
  code: string;
  as?: 'adele' | 'alex' | 'isaiah';
}

/**
 * Every endpoint refuses bad input with a 4xx and a machine-readable code, and writes nothing: the
 * organizer's meetings, notes, actions and history, and the events in devtenant, are the same after.
 */
describe('bad input on every scheduling endpoint', () => {
  let stack: Stack;
  let users: Record<NonNullable<Case['as']>, Api>;
  let meeting: MeetingDto;
  let times: { start: string; end: string };
  let snapshot: () => Promise<unknown>;
  let before: unknown;

  beforeAll(async () => {
    stack = await startStack({ tabDir: null });
    users = {
      adele: apiAs(stack, PEOPLE.adele.id),
      alex: apiAs(stack, PEOPLE.alex.id),
      isaiah: apiAs(stack, PEOPLE.isaiah.id),
    };
    const slot = bodyOf<SuggestionsResponse>(
      await users.adele.post('/api/suggestions', { attendees: [mail('alexw')], durationMinutes: 30 }),
      200,
    ).suggestions[0];
    if (!slot) throw new Error('no free time');
    meeting = bodyOf<MeetingDto>(
      await users.adele.post('/api/meetings', {
        title: 'Coaching',
        attendees: [mail('alexw')],
        start: slot.start,
        end: slot.end,
        timeZone: 'Europe/London',
      }),
      201,
    );
    bodyOf(
      await users.adele.post(`/api/meetings/${meeting.id}/notes`, { visibility: 'shared', body: 'Kick-off' }),
      201,
    );
    const now = stack.devtenant.clock.now().getTime();
    const start = Math.ceil((now + 3 * DAY) / HOUR) * HOUR;
    times = { start: new Date(start).toISOString(), end: new Date(start + 0.5 * HOUR).toISOString() };
    const graph = devtenantGraph(stack);
    const view = [new Date(now - DAY), new Date(now + 30 * DAY)] as const;
    snapshot = async () => ({
      adeleMeetings: await listMeetings(users.adele),
      alexMeetings: await listMeetings(users.alex),
      isaiahMeetings: await listMeetings(users.isaiah),
      notes: bodyOf(await users.adele.get(`/api/meetings/${meeting.id}/notes`), 200),
      actions: bodyOf(await users.adele.get(`/api/meetings/${meeting.id}/actions`), 200),
      history: bodyOf(await users.adele.get(`/api/meetings/${meeting.id}/history`), 200),
      adeleEvents: (await graph.calendarView(PEOPLE.adele.id, ...view)).length,
      alexEvents: (await graph.calendarView(PEOPLE.alex.id, ...view)).length,
    });
    before = await snapshot();
  });
  afterAll(async () => {
    await stack?.stop();
  });

  const m = () => `/api/meetings/${meeting.id}`;
  const create = (extra: object) => ({
    title: 'Career chat',
    attendees: [mail('alexw')],
    timeZone: 'Europe/London',
    ...times,
    ...extra,
  });
  const later = (ms: number) => new Date(Date.parse(times.start) + ms).toISOString();

  const cases = (): Case[] => [
    // POST /api/availability
    {
      name: 'availability: malformed JSON',
      method: 'POST',
      path: '/api/availability',
      body: '{"attendees": [',
      status: 400,
      code: 'bad_request',
    },
    {
      name: 'availability: a JSON string, not an object',
      method: 'POST',
      path: '/api/availability',
      body: '"alexw"',
      status: 400,
      code: 'bad_request',
    },
    {
      name: 'availability: an array, not an object',
      method: 'POST',
      path: '/api/availability',
      body: '[1, 2]',
      status: 400,
      code: 'validation_failed',
    },
    {
      name: 'availability: attendees as a string',
      method: 'POST',
      path: '/api/availability',
      body: { attendees: mail('alexw') },
      status: 400,
      code: 'validation_failed',
    },
    {
      name: 'availability: not an address',
      method: 'POST',
      path: '/api/availability',
      body: { attendees: ['alex wilber'] },
      status: 400,
      code: 'validation_failed',
    },
    {
      name: 'availability: unknown field',
      method: 'POST',
      path: '/api/availability',
      body: { attendees: [], people: [] },
      status: 400,
      code: 'validation_failed',
    },
    {
      name: 'availability: end before start',
      method: 'POST',
      path: '/api/availability',
      body: { attendees: [], start: times.end, end: times.start },
      status: 400,
      code: 'validation_failed',
    },
    {
      name: 'availability: a 62-day window',
      method: 'POST',
      path: '/api/availability',
      body: { attendees: [], start: times.start, end: later(62 * DAY) },
      status: 400,
      code: 'validation_failed',
    },
    {
      name: 'availability: a date without a zone',
      method: 'POST',
      path: '/api/availability',
      body: { attendees: [], start: '2026-12-01T09:00:00' },
      status: 400,
      code: 'validation_failed',
    },
    {
      name: 'availability: 21 people',
      method: 'POST',
      path: '/api/availability',
      body: { attendees: TWENTY },
      status: 400,
      code: 'validation_failed',
    },
    {
      name: 'availability: the same person twice',
      method: 'POST',
      path: '/api/availability',
      body: { attendees: [mail('alexw'), mail('alexw').toUpperCase()] },
      status: 400,
      code: 'validation_failed',
    },
    {
      name: 'availability: the organizer as an attendee',
      method: 'POST',
      path: '/api/availability',
      body: { attendees: [mail('adelev')] },
      status: 400,
      code: 'validation_failed',
    },
    {
      name: 'availability: an unknown colleague',
      method: 'POST',
      path: '/api/availability',
      body: { attendees: [mail('alexw'), NOBODY] },
      status: 400,
      code: 'unknown_person',
    },
    // POST /api/suggestions
    {
      name: 'suggestions: duration as a string',
      method: 'POST',
      path: '/api/suggestions',
      body: { attendees: [mail('alexw')], durationMinutes: '30' },
      status: 400,
      code: 'validation_failed',
    },
    {
      name: 'suggestions: duration 0',
      method: 'POST',
      path: '/api/suggestions',
      body: { attendees: [mail('alexw')], durationMinutes: 0 },
      status: 400,
      code: 'validation_failed',
    },
    {
      name: 'suggestions: duration over 8 hours',
      method: 'POST',
      path: '/api/suggestions',
      body: { attendees: [mail('alexw')], durationMinutes: 481 },
      status: 400,
      code: 'validation_failed',
    },
    {
      name: 'suggestions: a 70-day window',
      method: 'POST',
      path: '/api/suggestions',
      body: { attendees: [mail('alexw')], durationMinutes: 30, start: times.start, end: later(70 * DAY) },
      status: 400,
      code: 'validation_failed',
    },
    {
      name: 'suggestions: end before start',
      method: 'POST',
      path: '/api/suggestions',
      body: { attendees: [mail('alexw')], durationMinutes: 30, start: times.end, end: times.start },
      status: 400,
      code: 'validation_failed',
    },
    {
      name: 'suggestions: 21 people',
      method: 'POST',
      path: '/api/suggestions',
      body: { attendees: TWENTY, durationMinutes: 30 },
      status: 400,
      code: 'validation_failed',
    },
    {
      name: 'suggestions: an unknown colleague',
      method: 'POST',
      path: '/api/suggestions',
      body: { attendees: [NOBODY], durationMinutes: 30 },
      status: 400,
      code: 'unknown_person',
    },
    {
      name: 'suggestions: an unknown recurrence',
      method: 'POST',
      path: '/api/suggestions',
      body: { attendees: [mail('alexw')], durationMinutes: 30, recurrence: { kind: 'daily', count: 3 } },
      status: 400,
      code: 'validation_failed',
    },
    {
      name: 'suggestions: too many suggestions',
      method: 'POST',
      path: '/api/suggestions',
      body: { attendees: [mail('alexw')], durationMinutes: 30, maxSuggestions: 11 },
      status: 400,
      code: 'validation_failed',
    },
    {
      name: 'suggestions: unknown field',
      method: 'POST',
      path: '/api/suggestions',
      body: { attendees: [mail('alexw')], durationMinutes: 30, duration: 30 },
      status: 400,
      code: 'validation_failed',
    },
    // POST /api/conflicts
    {
      name: 'conflicts: end before start',
      method: 'POST',
      path: '/api/conflicts',
      body: { attendees: [mail('alexw')], start: times.end, end: times.start, timeZone: 'Europe/London' },
      status: 400,
      code: 'validation_failed',
    },
    {
      name: 'conflicts: over 8 hours',
      method: 'POST',
      path: '/api/conflicts',
      body: {
        attendees: [mail('alexw')],
        start: times.start,
        end: later(8 * HOUR + 60_000),
        timeZone: 'Europe/London',
      },
      status: 400,
      code: 'validation_failed',
    },
    {
      name: 'conflicts: an unknown time zone',
      method: 'POST',
      path: '/api/conflicts',
      body: { attendees: [mail('alexw')], ...times, timeZone: 'Mars/Olympus_Mons' },
      status: 400,
      code: 'validation_failed',
    },
    {
      name: 'conflicts: a series too long',
      method: 'POST',
      path: '/api/conflicts',
      body: {
        attendees: [mail('alexw')],
        ...times,
        timeZone: 'Europe/London',
        recurrence: { kind: 'weekly', count: 53 },
      },
      status: 400,
      code: 'validation_failed',
    },
    {
      name: 'conflicts: a malformed meeting id',
      method: 'POST',
      path: '/api/conflicts',
      body: { attendees: [mail('alexw')], ...times, timeZone: 'Europe/London', meetingId: '../etc' },
      status: 400,
      code: 'validation_failed',
    },
    {
      name: 'conflicts: someone else’s meeting id',
      as: 'isaiah',
      method: 'POST',
      path: '/api/conflicts',
      body: { attendees: [mail('alexw')], ...times, timeZone: 'Europe/London', meetingId: meeting.id },
      status: 404,
      code: 'not_found',
    },
    {
      name: 'conflicts: an unknown colleague',
      method: 'POST',
      path: '/api/conflicts',
      body: { attendees: [NOBODY], ...times, timeZone: 'Europe/London' },
      status: 400,
      code: 'unknown_person',
    },
    // GET /api/people
    { name: 'people: no search text', method: 'GET', path: '/api/people', status: 400, code: 'validation_failed' },
    {
      name: 'people: blank search text',
      method: 'GET',
      path: '/api/people?search=%20%20',
      status: 400,
      code: 'validation_failed',
    },
    {
      name: 'people: search text too long',
      method: 'GET',
      path: `/api/people?search=${long(101)}`,
      status: 400,
      code: 'validation_failed',
    },
    {
      name: 'people: limit out of range',
      method: 'GET',
      path: '/api/people?search=al&limit=26',
      status: 400,
      code: 'validation_failed',
    },
    // POST /api/meetings
    {
      name: 'create: malformed JSON',
      method: 'POST',
      path: '/api/meetings',
      body: '{"title": "x",',
      status: 400,
      code: 'bad_request',
    },
    {
      name: 'create: an array body',
      method: 'POST',
      path: '/api/meetings',
      body: '[]',
      status: 400,
      code: 'validation_failed',
    },
    {
      name: 'create: empty title',
      method: 'POST',
      path: '/api/meetings',
      body: create({ title: '   ' }),
      status: 400,
      code: 'validation_failed',
    },
    {
      name: 'create: title too long',
      method: 'POST',
      path: '/api/meetings',
      body: create({ title: long(256) }),
      status: 400,
      code: 'validation_failed',
    },
    {
      name: 'create: agenda too long',
      method: 'POST',
      path: '/api/meetings',
      body: create({ agenda: long(4_001) }),
      status: 400,
      code: 'validation_failed',
    },
    {
      name: 'create: end before start',
      method: 'POST',
      path: '/api/meetings',
      body: create({ start: times.end, end: times.start }),
      status: 400,
      code: 'validation_failed',
    },
    {
      name: 'create: duration 0',
      method: 'POST',
      path: '/api/meetings',
      body: create({ end: times.start }),
      status: 400,
      code: 'validation_failed',
    },
    {
      name: 'create: over 8 hours',
      method: 'POST',
      path: '/api/meetings',
      body: create({ end: later(8 * HOUR + 15 * 60_000) }),
      status: 400,
      code: 'validation_failed',
    },
    {
      name: 'create: in the past',
      method: 'POST',
      path: '/api/meetings',
      body: create({ start: later(-10 * DAY), end: later(-10 * DAY + HOUR) }),
      status: 400,
      code: 'validation_failed',
    },
    {
      name: 'create: nobody invited',
      method: 'POST',
      path: '/api/meetings',
      body: create({ attendees: [] }),
      status: 400,
      code: 'validation_failed',
    },
    {
      name: 'create: 21 people',
      method: 'POST',
      path: '/api/meetings',
      body: create({ attendees: TWENTY }),
      status: 400,
      code: 'validation_failed',
    },
    {
      name: 'create: the same person twice',
      method: 'POST',
      path: '/api/meetings',
      body: create({ attendees: [mail('alexw'), mail('alexw')] }),
      status: 400,
      code: 'validation_failed',
    },
    {
      name: 'create: the organizer as an attendee',
      method: 'POST',
      path: '/api/meetings',
      body: create({ attendees: [mail('alexw'), mail('adelev')] }),
      status: 400,
      code: 'validation_failed',
    },
    {
      name: 'create: an unknown colleague',
      method: 'POST',
      path: '/api/meetings',
      body: create({ attendees: [NOBODY], acceptConflicts: true }),
      status: 400,
      code: 'unknown_person',
    },
    {
      name: 'create: an unknown meeting type',
      method: 'POST',
      path: '/api/meetings',
      body: create({ typeId: 'speed-dating' }),
      status: 400,
      code: 'validation_failed',
    },
    {
      name: 'create: online as a string',
      method: 'POST',
      path: '/api/meetings',
      body: create({ online: 'yes' }),
      status: 400,
      code: 'validation_failed',
    },
    {
      name: 'create: unknown field',
      method: 'POST',
      path: '/api/meetings',
      body: create({ isOnlineMeeting: true }),
      status: 400,
      code: 'validation_failed',
    },
    // GET /api/meetings
    {
      name: 'list: unknown scope',
      method: 'GET',
      path: '/api/meetings?scope=future',
      status: 400,
      code: 'validation_failed',
    },
    { name: 'list: limit 0', method: 'GET', path: '/api/meetings?limit=0', status: 400, code: 'validation_failed' },
    // /api/meetings/{id}
    { name: 'get: a dot-dot id', method: 'GET', path: '/api/meetings/%2e%2e', status: 404, code: 'not_found' },
    {
      name: 'get: a malformed id',
      method: 'GET',
      path: '/api/meetings/not-a-valid-id!',
      status: 404,
      code: 'not_found',
    },
    {
      name: 'get: an id too long',
      method: 'GET',
      path: `/api/meetings/${'a'.repeat(65)}`,
      status: 404,
      code: 'not_found',
    },
    {
      name: 'patch: a malformed id',
      method: 'PATCH',
      path: '/api/meetings/not-a-valid-id!',
      body: { version: 1, title: 'x' },
      status: 404,
      code: 'not_found',
    },
    {
      name: 'patch: title too long',
      method: 'PATCH',
      path: m(),
      body: { version: meeting.version, title: long(256) },
      status: 400,
      code: 'validation_failed',
    },
    {
      name: 'patch: start without end',
      method: 'PATCH',
      path: m(),
      body: { version: meeting.version, start: times.start },
      status: 400,
      code: 'validation_failed',
    },
    {
      name: 'patch: no version',
      method: 'PATCH',
      path: m(),
      body: { title: 'x' },
      status: 400,
      code: 'validation_failed',
    },
    {
      name: 'patch: a stale version',
      method: 'PATCH',
      path: m(),
      body: { version: meeting.version - 1, title: 'x' },
      status: 409,
      code: 'version_conflict',
    },
    {
      name: 'patch: end before start',
      method: 'PATCH',
      path: m(),
      body: { version: meeting.version, start: times.end, end: times.start },
      status: 400,
      code: 'validation_failed',
    },
    {
      name: 'patch: 21 people',
      method: 'PATCH',
      path: m(),
      body: { version: meeting.version, attendees: TWENTY },
      status: 400,
      code: 'validation_failed',
    },
    {
      name: 'patch: an unknown colleague, clashes accepted',
      method: 'PATCH',
      path: m(),
      body: { version: meeting.version, attendees: [mail('alexw'), NOBODY], acceptConflicts: true },
      status: 400,
      code: 'unknown_person',
    },
    {
      name: 'patch: the organizer as an attendee, clashes accepted',
      method: 'PATCH',
      path: m(),
      body: { version: meeting.version, attendees: [mail('alexw'), mail('adelev')], acceptConflicts: true },
      status: 400,
      code: 'validation_failed',
    },
    {
      name: 'patch: unknown field',
      method: 'PATCH',
      path: m(),
      body: { version: meeting.version, subject: 'x' },
      status: 400,
      code: 'validation_failed',
    },
    {
      name: 'patch: by an attendee',
      as: 'alex',
      method: 'PATCH',
      path: m(),
      body: { version: meeting.version, title: 'Mine now' },
      status: 403,
      code: 'forbidden',
    },
    // cancel, respond
    {
      name: 'cancel: message too long',
      method: 'POST',
      path: `${m()}/cancel`,
      body: { version: meeting.version, message: long(1_001) },
      status: 400,
      code: 'validation_failed',
    },
    {
      name: 'cancel: no version',
      method: 'POST',
      path: `${m()}/cancel`,
      body: { message: 'Bye' },
      status: 400,
      code: 'validation_failed',
    },
    {
      name: 'cancel: a stale version',
      method: 'POST',
      path: `${m()}/cancel`,
      body: { version: meeting.version + 5 },
      status: 409,
      code: 'version_conflict',
    },
    {
      name: 'respond: by the organizer',
      method: 'POST',
      path: `${m()}/respond`,
      body: { response: 'accept' },
      status: 403,
      code: 'forbidden',
    },
    {
      name: 'respond: an unknown answer',
      as: 'alex',
      method: 'POST',
      path: `${m()}/respond`,
      body: { response: 'maybe' },
      status: 400,
      code: 'validation_failed',
    },
    {
      name: 'respond: comment too long',
      as: 'alex',
      method: 'POST',
      path: `${m()}/respond`,
      body: { response: 'decline', comment: long(1_001) },
      status: 400,
      code: 'validation_failed',
    },
    {
      name: 'respond: accept with a new time',
      as: 'alex',
      method: 'POST',
      path: `${m()}/respond`,
      body: { response: 'accept', proposedStart: times.start, proposedEnd: times.end },
      status: 400,
      code: 'validation_failed',
    },
    {
      name: 'respond: a proposal ending before it starts',
      as: 'alex',
      method: 'POST',
      path: `${m()}/respond`,
      body: { response: 'tentative', proposedStart: times.end, proposedEnd: times.start },
      status: 400,
      code: 'validation_failed',
    },
    // occurrences
    {
      name: 'occurrence move: not a series',
      method: 'PATCH',
      path: `${m()}/occurrences/${encodeURIComponent(meeting.start)}`,
      body: times,
      status: 400,
      code: 'validation_failed',
    },
    {
      name: 'occurrence move: unknown field',
      method: 'PATCH',
      path: `${m()}/occurrences/${encodeURIComponent(meeting.start)}`,
      body: { ...times, title: 'x' },
      status: 400,
      code: 'validation_failed',
    },
    {
      name: 'occurrence cancel: not a series',
      method: 'POST',
      path: `${m()}/occurrences/${encodeURIComponent(meeting.start)}/cancel`,
      body: {},
      status: 400,
      code: 'validation_failed',
    },
    {
      name: 'occurrence cancel: message too long',
      method: 'POST',
      path: `${m()}/occurrences/yesterday/cancel`,
      body: { message: long(1_001) },
      status: 400,
      code: 'validation_failed',
    },
    // notes
    {
      name: 'note: too long',
      method: 'POST',
      path: `${m()}/notes`,
      body: { visibility: 'shared', body: long(20_001) },
      status: 400,
      code: 'validation_failed',
    },
    {
      name: 'note: unknown visibility',
      method: 'POST',
      path: `${m()}/notes`,
      body: { visibility: 'public', body: 'x' },
      status: 400,
      code: 'validation_failed',
    },
    {
      name: 'note: not this meeting’s occurrence',
      method: 'POST',
      path: `${m()}/notes`,
      body: { visibility: 'shared', body: 'x', occurrenceStart: later(7 * DAY) },
      status: 400,
      code: 'validation_failed',
    },
    {
      name: 'note: change a note that does not exist',
      method: 'PUT',
      path: `${m()}/notes/${randomUUID()}`,
      body: { visibility: 'shared', body: 'x', version: 1 },
      status: 404,
      code: 'not_found',
    },
    {
      name: 'note: delete a note that does not exist',
      method: 'DELETE',
      path: `${m()}/notes/${randomUUID()}`,
      status: 404,
      code: 'not_found',
    },
    // actions
    {
      name: 'action: title too long',
      method: 'POST',
      path: `${m()}/actions`,
      body: { title: long(501), ownerEmail: mail('alexw') },
      status: 400,
      code: 'validation_failed',
    },
    {
      name: 'action: owner outside the meeting',
      method: 'POST',
      path: `${m()}/actions`,
      body: { title: 'x', ownerEmail: mail('isaiahl') },
      status: 400,
      code: 'validation_failed',
    },
    {
      name: 'action: an impossible due date',
      method: 'POST',
      path: `${m()}/actions`,
      body: { title: 'x', ownerEmail: mail('alexw'), dueDate: '2026-13-45' },
      status: 400,
      code: 'validation_failed',
    },
    {
      name: 'action: list for a malformed occurrence',
      method: 'GET',
      path: `${m()}/actions?occurrenceStart=tomorrow`,
      status: 400,
      code: 'validation_failed',
    },
    {
      name: 'action: change one that does not exist',
      method: 'PATCH',
      path: `${m()}/actions/${randomUUID()}`,
      body: { version: 1, done: true },
      status: 404,
      code: 'not_found',
    },
    {
      name: 'action: delete one that does not exist',
      method: 'DELETE',
      path: `${m()}/actions/${randomUUID()}`,
      status: 404,
      code: 'not_found',
    },
    // no such endpoint
    {
      name: 'an endpoint that does not exist',
      method: 'GET',
      path: `${m()}/attachments`,
      status: 404,
      code: 'not_found',
    },
  ];

  it('refuses each bad request with a 4xx and a code', async () => {
    const failures: string[] = [];
    for (const c of cases()) {
      const api = users[c.as ?? 'adele'];
      const answer =
        c.method === 'GET' || c.method === 'DELETE'
          ? await api[c.method === 'GET' ? 'get' : 'delete'](c.path)
          : await api[c.method.toLowerCase() as 'post' | 'patch' | 'put'](c.path, c.body);
      const error = (answer.body as { error?: { code?: string; message?: string } } | null)?.error;
      if (answer.status !== c.status || error?.code !== c.code || !error?.message) {
        failures.push(`${c.name}: ${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('answers someone else’s meeting exactly as a meeting that does not exist, on every meeting endpoint', async () => {
    const otherTenant = randomUUID();
    // The same meeting stored under another tenant: ids are scoped by tenant, whoever asks.
    const record = await stack.composed.scheduling.meetings.get(stack.config.tenantId, meeting.id);
    if (!record) throw new Error('meeting not stored');
    await stack.composed.scheduling.meetings.insert({ ...record, id: otherTenant, tenantId: 'another-tenant-0000' });
    const requests: [Case['method'], string, unknown?][] = [
      ['GET', ''],
      ['PATCH', '', { version: meeting.version, title: 'Taken over' }],
      ['POST', '/cancel', { version: meeting.version, message: 'Gone' }],
      ['POST', '/respond', { response: 'decline' }],
      ['GET', '/notes'],
      ['POST', '/notes', { visibility: 'shared', body: 'Hello' }],
      ['GET', '/actions'],
      ['POST', '/actions', { title: 'x', ownerEmail: mail('isaiahl') }],
      ['GET', '/history'],
      ['PATCH', `/occurrences/${encodeURIComponent(meeting.start)}`, times],
    ];
    const ask = async (who: Api, id: string, [method, suffix, body]: (typeof requests)[number]) => {
      const path = `/api/meetings/${id}${suffix}`;
      const answer =
        method === 'GET' ? await who.get(path) : await who[method.toLowerCase() as 'post' | 'patch'](path, body);
      return { status: answer.status, body: answer.body };
    };
    for (const request of requests) {
      const missing = await ask(users.isaiah, randomUUID(), request);
      expect(missing.status, `${request[0]} ${request[1]}`).toBe(404);
      expect((missing.body as { error: { code: string } }).error.code).toBe('not_found');
      expect(await ask(users.isaiah, meeting.id, request), `${request[0]} ${request[1]} as a third person`).toEqual(
        missing,
      );
      expect(await ask(users.adele, otherTenant, request), `${request[0]} ${request[1]} across tenants`).toEqual(
        missing,
      );
    }
  });

  it('refuses a token for another tenant with 401, whatever the id', async () => {
    const token = await stack.tabTokenFor(PEOPLE.adele.id);
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
    const forged = [
      header,
      Buffer.from(JSON.stringify({ ...claims, tid: '11111111-2222-3333-4444-555555555555' })).toString('base64url'),
      signature,
    ].join('.');
    for (const path of [`/api/meetings/${meeting.id}`, `/api/meetings/${randomUUID()}`, '/api/meetings']) {
      const response = await fetch(`${stack.appUrl}${path}`, { headers: { authorization: `Bearer ${forged}` } });
      expect(response.status).toBe(401);
      const body = (await response.json()) as { error: { code: string } };
      expect(body.error.code).toMatch(/^token_/);
      expect(JSON.stringify(body)).not.toContain(meeting.title);
    }
    const anonymous = await fetch(`${stack.appUrl}/api/meetings/${meeting.id}`);
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as { error: { code: string } }).error.code).toBe('token_missing');
  });

  it('wrote nothing: meetings, notes, actions, history and Outlook events are as they were', async () => {
    expect(await snapshot()).toEqual(before);
    const stored = bodyOf<MeetingDto>(await users.adele.get(m()), 200);
    expect(stored).toMatchObject({ title: 'Coaching', status: 'scheduled' });
    expect(stored.attendees.map((a) => a.email)).toEqual([mail('alexw')]);
  });

  it('documents every route the API serves in /api/openapi.json', async () => {
    const response = await fetch(`${stack.appUrl}/api/openapi.json`);
    expect(response.status).toBe(200);
    const document = (await response.json()) as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(document.openapi).toMatch(/^3\./);
    const documented = Object.entries(document.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`),
    );
    const served = servedRoutes(stack);
    expect(served.length).toBeGreaterThan(20);
    expect(documented.sort()).toEqual(expect.arrayContaining(served));
    expect([...served].sort()).toEqual(expect.arrayContaining(documented));
  });
});
