import type { MeetingDto } from '@confer/contracts';
import {
  AuthenticationHandler,
  Client,
  type Context,
  type FetchOptions,
  HTTPMessageHandler,
  type Middleware,
} from '@microsoft/microsoft-graph-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGraphSchedulingGateway } from '../../api/src/adapters/graph/graph-scheduling-gateway.ts';
import { createTrustedHttp, type TrustedHttp } from '../../api/src/adapters/http/trusted-fetch.ts';
import { createLogger } from '../../api/src/logging/logger.ts';
import { createControllableClock } from '../../devtenant/src/index.ts';
import { devtenantGraph } from '../scheduling/support/devtenant-graph.ts';
import {
  type Api,
  bodyOf,
  expectError,
  listMeetings,
  mail,
  uniqueTitle,
} from '../scheduling/support/scheduling-api.ts';
import { apiAs } from '../support/api-client.ts';
import { PEOPLE, type Stack, startStack, TENANT_ID } from '../support/stack.ts';

/** Monday 23 November 2026, 08:00 UTC: every meeting below is on Wednesday the 25th, whatever day the test runs. */
const NOW = new Date('2026-11-23T08:00:00Z');
const DAY = 86_400_000;

/**
 * The API's holes, each closed: records reached through another meeting, OData injection through people
 * search, access by a renamed address, and join links that are not Teams meetings. Everything runs against
 * devtenant through the real app; each refusal carries a code and changes nothing.
 */
describe('API holes', () => {
  let stack: Stack;
  let adele: Api;
  let alex: Api;
  let isaiah: Api;
  let slot = 0;

  beforeAll(async () => {
    stack = await startStack({ tabDir: null, clock: createControllableClock(NOW) });
    adele = apiAs(stack, PEOPLE.adele.id);
    alex = apiAs(stack, PEOPLE.alex.id);
    isaiah = apiAs(stack, PEOPLE.isaiah.id);
  });
  afterAll(async () => {
    await stack?.stop();
  });

  /** A meeting on Wednesday afternoon (London), a fresh half hour each time, created whatever the calendars hold. */
  const createMeeting = async (organizer: Api, attendees: string[], title = uniqueTitle('1:1')) => {
    const start = new Date(Date.UTC(2026, 10, 25, 13, 0) + slot++ * 30 * 60_000);
    const answer = await organizer.post('/api/meetings', {
      title,
      attendees,
      start: start.toISOString(),
      end: new Date(start.getTime() + 30 * 60_000).toISOString(),
      timeZone: 'Europe/London',
      acceptConflicts: true,
    });
    return answer;
  };
  const created = async (organizer: Api, attendees: string[]) =>
    bodyOf<MeetingDto>(await createMeeting(organizer, attendees), 201);

  describe('notes and actions are reached only through their own meeting', () => {
    it("refuses to delete or change another meeting's action or note through a meeting the caller is in", async () => {
      const theirs = await created(adele, [mail('alexw')]);
      const mine = await created(isaiah, [mail('adelev')]);
      const action = bodyOf<{ id: string }>(
        await alex.post(`/api/meetings/${theirs.id}/actions`, { title: 'Send the plan', ownerEmail: mail('alexw') }),
        201,
      );
      const note = bodyOf<{ id: string }>(
        await adele.post(`/api/meetings/${theirs.id}/notes`, { visibility: 'shared', body: 'Kept.' }),
        201,
      );

      // Isaiah takes part in his own meeting only; Adele takes part in both, but the note is not of this one.
      expectError(await isaiah.delete(`/api/meetings/${mine.id}/actions/${action.id}`), 404, 'not_found');
      expectError(
        await isaiah.patch(`/api/meetings/${mine.id}/actions/${action.id}`, { version: 1, done: true }),
        404,
        'not_found',
      );
      expectError(await adele.delete(`/api/meetings/${mine.id}/actions/${action.id}`), 404, 'not_found');
      expectError(await adele.delete(`/api/meetings/${mine.id}/notes/${note.id}`), 404, 'not_found');

      const actions = bodyOf<{ actions: { id: string; done: boolean }[] }>(
        await alex.get(`/api/meetings/${theirs.id}/actions`),
        200,
      ).actions;
      expect(actions.map((a) => [a.id, a.done])).toEqual([[action.id, false]]);
      const notes = bodyOf<{ notes: { id: string }[] }>(await alex.get(`/api/meetings/${theirs.id}/notes`), 200).notes;
      expect(notes.map((n) => n.id)).toEqual([note.id]);
      // Through its own meeting the same delete works.
      expect((await alex.delete(`/api/meetings/${theirs.id}/actions/${action.id}`)).status).toBe(204);
    });
  });

  describe('people search', () => {
    const search = async (text: string) =>
      bodyOf<{ people: { displayName: string }[] }>(
        await adele.get(`/api/people?search=${encodeURIComponent(text)}`),
        200,
      ).people.map((p) => p.displayName);

    it("finds O'Brien by the name as typed, quote and all", async () => {
      expect(await search("O'Brien")).toEqual(["Liam O'Brien"]);
      expect(await search("Liam O'B")).toEqual(["Liam O'Brien"]);
    });

    it.each([
      'a&b',
      'x#y',
      '%27) or (1 eq 1',
      'x%27) or startswith(displayName,%27',
      "x') or startswith(displayName,'",
    ])('searches for %j as text: nobody matches, and the filter is never rewritten', async (text) => {
      expect(await search(text)).toEqual([]);
    });
  });

  describe('who takes part is decided by object id, never by address', () => {
    it("gives no access to an account that now signs in with an attendee's former address; the attendee keeps it", async () => {
      const meeting = await created(adele, [mail('alexw')]);
      // The meeting was made when this address belonged to Alex's account; the address has since been given to
      // Isaiah's account (a rename), so Isaiah's token now names it as its preferred_username.
      const stored = await stack.composed.scheduling.meetings.get(TENANT_ID, meeting.id);
      if (!stored) throw new Error('the meeting was not stored');
      const reassigned = stored.attendees.map((a) =>
        a.userId === PEOPLE.alex.id ? { ...a, email: mail('isaiahl') } : a,
      );
      expect(
        await stack.composed.scheduling.meetings.update(
          { ...stored, attendees: reassigned, version: stored.version + 1 },
          stored.version,
        ),
      ).toBe(true);

      expectError(await isaiah.get(`/api/meetings/${meeting.id}`), 404, 'not_found');
      expectError(await isaiah.get(`/api/meetings/${meeting.id}/notes`), 404, 'not_found');
      expectError(
        await isaiah.post(`/api/meetings/${meeting.id}/notes`, { visibility: 'shared', body: 'x' }),
        404,
        'not_found',
      );
      expectError(
        await isaiah.post(`/api/meetings/${meeting.id}/respond`, { response: 'decline', comment: '' }),
        404,
        'not_found',
      );
      expect((await listMeetings(isaiah)).map((m) => m.id)).not.toContain(meeting.id);
      const bot = stack.composed.bot.actions;
      expect(
        await bot.meetingFor({ tenantId: TENANT_ID, userId: PEOPLE.isaiah.id, name: 'Isaiah' }, meeting.id),
      ).toBeNull();

      // Nothing changed, and Alex — the attendee by object id — still has the meeting, in the API and the bot.
      const seen = bodyOf<MeetingDto>(await alex.get(`/api/meetings/${meeting.id}`), 200);
      expect(seen.myResponse).toBe('none');
      expect(seen.version).toBe(stored.version + 1);
      expect(
        (await bot.meetingFor({ tenantId: TENANT_ID, userId: PEOPLE.alex.id, name: 'Alex' }, meeting.id))?.viewer,
      ).toEqual({ userId: PEOPLE.alex.id, role: 'attendee', response: 'none' });
    });
  });

  describe('join links', () => {
    it('never keeps a join URL that is not a Teams meeting link: the new meeting is withdrawn, the refusal logged', async () => {
      const original = stack.composed.scheduling.gateway;
      const lines: string[] = [];
      const http = createTrustedHttp(stack.devtenant.caPem);
      // devtenant's answers pass through a middleware that turns every Teams join link into one elsewhere.
      stack.composed.scheduling.gateway = createGraphSchedulingGateway({
        tokens: stack.composed.graph.tokens,
        createClient: joinUrlRewritingClient(stack.devtenant.url, http, 'https://evil.example/l/meetup-join/x'),
        logger: createLogger('warn', (line) => lines.push(line)),
        localJoinHost: new URL(stack.devtenant.url).host,
      });
      const title = uniqueTitle('Join link');
      try {
        expectError(await createMeeting(adele, [mail('alexw')], title), 502, 'teams_link_missing');
      } finally {
        stack.composed.scheduling.gateway = original;
        await http.dispatcher?.close();
      }

      expect(lines.map((line) => JSON.parse(line))).toContainEqual(
        expect.objectContaining({ code: 'join_url_refused', host: 'evil.example' }),
      );
      // The invitation that carried the link is withdrawn: gone from Adele's calendar, cancelled in Alex's.
      const graph = devtenantGraph(stack);
      const week = (userId: string) => graph.calendarView(userId, NOW, new Date(NOW.getTime() + 7 * DAY));
      expect((await week(PEOPLE.adele.id)).filter((e) => e.subject.includes(title))).toEqual([]);
      const copies = (await week(PEOPLE.alex.id)).filter((e) => e.subject.includes(title));
      expect(copies.map((e) => e.isCancelled)).toEqual([true]);
      const listed = (await listMeetings(adele)).filter((m) => m.title === title);
      expect(listed.filter((m) => m.status === 'scheduled' || m.joinUrl !== null)).toEqual([]);
    });
  });
});

/** A Graph client for devtenant whose answers have every `onlineMeeting.joinUrl` replaced by `joinUrl`. */
function joinUrlRewritingClient(origin: string, http: TrustedHttp, joinUrl: string) {
  return (getToken: () => Promise<string>) =>
    Client.initWithMiddleware({
      middleware: chain([
        new AuthenticationHandler({ getAccessToken: getToken }),
        new RewriteJoinUrls(joinUrl),
        new HTTPMessageHandler(),
      ]),
      baseUrl: `${origin}/`,
      defaultVersion: 'v1.0',
      customHosts: new Set([new URL(origin).hostname]),
      fetchOptions: { dispatcher: http.dispatcher } as FetchOptions,
    });
}

function chain(middleware: Middleware[]): Middleware {
  for (let i = 0; i < middleware.length - 1; i++) middleware[i]?.setNext?.(middleware[i + 1] as Middleware);
  return middleware[0] as Middleware;
}

class RewriteJoinUrls implements Middleware {
  private next: Middleware | undefined;
  constructor(private readonly joinUrl: string) {}
  setNext(next: Middleware): void {
    this.next = next;
  }
  async execute(context: Context): Promise<void> {
    await this.next?.execute(context);
    const response = context.response;
    if (!response || !(response.headers.get('content-type') ?? '').includes('json')) return;
    const text = await response.text();
    const rewritten = text.replace(/"joinUrl":"[^"]*"/g, `"joinUrl":${JSON.stringify(this.joinUrl)}`);
    context.response = new Response(rewritten, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  }
}
