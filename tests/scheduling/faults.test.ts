import type { AvailabilityResponse, MeetingDto, SuggestionsResponse } from '@confer/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../api/src/domain/app-error.ts';
import { reconcileMeetings } from '../../api/src/use-cases/scheduling/reconcile-meetings.ts';
import { apiAs } from '../support/api-client.ts';
import { PEOPLE, type Stack, startStack, TENANT_ID } from '../support/stack.ts';
import { type DevtenantGraph, devtenantGraph, utcInstant } from './support/devtenant-graph.ts';
import { killOnce, restartedApp } from './support/restart.ts';
import { type Api, bodyOf, expectError, listMeetings, mail, uniqueTitle } from './support/scheduling-api.ts';

const DAY = 86_400_000;

describe('Graph faults and crashes', () => {
  let stack: Stack;
  let graph: DevtenantGraph;
  let adele: Api;
  let alex: Api;

  beforeAll(async () => {
    stack = await startStack({ tabDir: null });
    graph = devtenantGraph(stack);
    adele = apiAs(stack, PEOPLE.adele.id);
    alex = apiAs(stack, PEOPLE.alex.id);
    // Sign both in (On-Behalf-Of) before any fault, as people who already use Confer.
    bodyOf(await adele.post('/api/availability', { attendees: [mail('alexw')] }), 200);
    bodyOf(await alex.post('/api/availability', { attendees: [mail('adelev')] }), 200);
  });
  afterAll(async () => {
    await stack?.stop();
  });

  const taken = new Set<string>();
  /** A time both are free, not handed out before in this file (suggestions rank fair times first, so repeat). */
  const freeSlot = async (offsetDays = 0) => {
    const now = stack.devtenant.clock.now().getTime() + offsetDays * DAY;
    const body = bodyOf<SuggestionsResponse>(
      await adele.post('/api/suggestions', {
        attendees: [mail('alexw')],
        durationMinutes: 30,
        start: new Date(now).toISOString(),
        end: new Date(now + 14 * DAY).toISOString(),
        maxSuggestions: 10,
      }),
      200,
    );
    const slot = body.suggestions.find((s) => !taken.has(s.start));
    if (!slot) throw new Error('no free time');
    taken.add(slot.start);
    return slot;
  };
  const eventsTitled = async (userId: string, title: string, around: string) =>
    graph.withSubject(userId, title, new Date(Date.parse(around) - 2 * DAY), new Date(Date.parse(around) + 16 * DAY));
  const setFaults = async (faults: object) => {
    expect((await stack.devtenant.control('faults', faults)).status).toBe(200);
  };
  const faultsNow = async () => (await (await stack.devtenant.control('faults')).json()) as { errorRates: object };

  it('with 30% of Graph requests throttled, every operation still succeeds, exactly once', async () => {
    const slot = await freeSlot();
    const later = await freeSlot(2);
    const title = uniqueTitle('Throttled 1:1');
    await setFaults({ errorRates: { '429': 0.3 } });
    try {
      const availability = bodyOf<AvailabilityResponse>(
        await adele.post('/api/availability', { attendees: [mail('alexw'), mail('lynner')] }),
        200,
      );
      expect(availability.people.map((p) => p.status)).toEqual(['ok', 'ok', 'ok']);

      const created = bodyOf<MeetingDto>(
        await adele.post('/api/meetings', {
          title,
          attendees: [mail('alexw')],
          start: slot.start,
          end: slot.end,
          timeZone: 'Europe/London',
        }),
        201,
      );
      expect(created.joinUrl).toMatch(/^https:\/\/teams/);
      expect(await eventsTitled(PEOPLE.adele.id, title, slot.start)).toHaveLength(1);
      expect(await eventsTitled(PEOPLE.alex.id, title, slot.start)).toHaveLength(1);

      const moved = bodyOf<MeetingDto>(
        await adele.patch(`/api/meetings/${created.id}`, {
          version: created.version,
          start: later.start,
          end: later.end,
        }),
        200,
      );
      expect(moved.start).toBe(later.start);
      const afterMove = await eventsTitled(PEOPLE.adele.id, title, slot.start);
      expect(afterMove.map((e) => utcInstant(e.start).toISOString())).toEqual([later.start]);

      bodyOf(await alex.post(`/api/meetings/${created.id}/respond`, { response: 'accept' }), 200);
      const seen = bodyOf<MeetingDto>(await adele.get(`/api/meetings/${created.id}`), 200);
      expect(seen.attendees[0]?.response).toBe('accepted');

      const cancelled = bodyOf<MeetingDto>(
        await adele.post(`/api/meetings/${created.id}/cancel`, { version: seen.version, message: 'Sorry' }),
        200,
      );
      expect(cancelled.status).toBe('cancelled');
      const organizerEvents = await eventsTitled(PEOPLE.adele.id, title, slot.start);
      expect(organizerEvents.every((e) => e.isCancelled)).toBe(true);
      const copies = await graph.withICalUId(
        PEOPLE.alex.id,
        afterMove[0]?.iCalUId ?? '',
        new Date(Date.parse(slot.start) - 2 * DAY),
        new Date(Date.parse(slot.start) + 16 * DAY),
      );
      expect(copies.map((c) => c.isCancelled)).toEqual([true]);

      const history = bodyOf<{ history: { kind: string }[] }>(
        await adele.get(`/api/meetings/${created.id}/history`),
        200,
      ).history.map((h) => h.kind);
      expect(history.sort()).toEqual(['cancelled', 'created', 'rescheduled', 'responded']);
      // Still in force at the end: every step above ran against it.
      expect((await faultsNow()).errorRates).toEqual({ '429': 0.3 });
    } finally {
      await setFaults({});
    }
  });

  it('in a 503 storm on event writes, refuses the create with a retryable 503 and writes nothing; a retry after it creates one', async () => {
    const slot = await freeSlot(4);
    const title = uniqueTitle('Stormy 1:1');
    const request = { title, attendees: [mail('alexw')], start: slot.start, end: slot.end, timeZone: 'Europe/London' };
    const before = await listMeetings(adele);
    await setFaults({ errorRates: { '503': 1 }, pathPrefixes: ['/me/events'] });
    try {
      const refused = await adele.post('/api/meetings', request);
      expectError(refused, 503, 'graph_unavailable');
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    } finally {
      await setFaults({});
    }
    expect(await listMeetings(adele)).toEqual(before);
    expect(await eventsTitled(PEOPLE.adele.id, title, slot.start)).toEqual([]);
    expect(await eventsTitled(PEOPLE.alex.id, title, slot.start)).toEqual([]);

    const retried = bodyOf<MeetingDto>(await adele.post('/api/meetings', request), 201);
    expect(retried.status).toBe('scheduled');
    expect(await eventsTitled(PEOPLE.adele.id, title, slot.start)).toHaveLength(1);
    expect((await listMeetings(adele)).filter((m) => m.title === title)).toHaveLength(1);
  });

  it('after a crash between the Graph create and the store commit, the restart leaves one event and a complete meeting', async () => {
    const slot = await freeSlot(6);
    const title = uniqueTitle('Crash after create');
    const restore = killOnce(stack, 'before-commit');
    try {
      const died = await adele.post('/api/meetings', {
        title,
        attendees: [mail('alexw')],
        start: slot.start,
        end: slot.end,
        timeZone: 'Europe/London',
      });
      expect(died.status).toBe(500);
    } finally {
      restore();
    }
    expect(await eventsTitled(PEOPLE.adele.id, title, slot.start)).toHaveLength(1);
    const stuck = (await listMeetings(adele)).find((m) => m.title === title);
    expect(stuck?.status).toBe('creating');

    const restarted = restartedApp(stack);
    try {
      const report = await reconcileMeetings(restarted.scheduling, 0);
      expect(report).toEqual({ completed: [stuck?.id], recreated: [], recovered: [], failed: [] });
    } finally {
      await restarted.close();
    }
    const events = await eventsTitled(PEOPLE.adele.id, title, slot.start);
    expect(events).toHaveLength(1);
    expect(await eventsTitled(PEOPLE.alex.id, title, slot.start)).toHaveLength(1);
    const record = await stack.composed.scheduling.meetings.get(TENANT_ID, stuck?.id ?? '');
    expect(record).toMatchObject({ status: 'scheduled', graphEventId: events[0]?.id, iCalUId: events[0]?.iCalUId });
    const meeting = bodyOf<MeetingDto>(await adele.get(`/api/meetings/${stuck?.id}`), 200);
    expect(meeting).toMatchObject({ status: 'scheduled', joinUrl: events[0]?.onlineMeeting?.joinUrl });
    expect(meeting.joinUrl).toMatch(/^https:\/\/teams/);
  });

  it('a create whose answer was lost in a 503 after Graph made the event is completed, not orphaned', async () => {
    const slot = await freeSlot(10);
    const title = uniqueTitle('Late answer');
    const deps = stack.composed.scheduling;
    const real = deps.gateway;
    deps.gateway = {
      ...real,
      async createEvent(actor, mailbox, draft) {
        await real.createEvent(actor, mailbox, draft);
        throw new AppError('graph_unavailable', 'Microsoft Graph is unavailable right now.', { retryAfterSeconds: 1 });
      },
    };
    try {
      const answer = await adele.post('/api/meetings', {
        title,
        attendees: [mail('alexw')],
        start: slot.start,
        end: slot.end,
        timeZone: 'Europe/London',
      });
      expect(answer.status).toBe(503);
    } finally {
      deps.gateway = real;
    }
    expect((await listMeetings(adele)).find((m) => m.title === title)).toBeUndefined();
    const report = await reconcileMeetings(deps, 0);
    expect(report.recovered).toHaveLength(1);
    const events = await eventsTitled(PEOPLE.adele.id, title, slot.start);
    expect(events).toHaveLength(1);
    const recovered = (await listMeetings(adele)).find((m) => m.title === title);
    expect(recovered).toMatchObject({ status: 'scheduled', joinUrl: events[0]?.onlineMeeting?.joinUrl });
  });

  it('after a crash before the Graph create (intent recorded, no event), the restart creates exactly one', async () => {
    const slot = await freeSlot(8);
    const title = uniqueTitle('Crash before create');
    const restore = killOnce(stack, 'after-intent');
    try {
      const died = await adele.post('/api/meetings', {
        title,
        attendees: [mail('alexw')],
        start: slot.start,
        end: slot.end,
        timeZone: 'Europe/London',
      });
      expect(died.status).toBe(500);
    } finally {
      restore();
    }
    expect(await eventsTitled(PEOPLE.adele.id, title, slot.start)).toEqual([]);
    const stuck = (await listMeetings(adele)).find((m) => m.title === title);
    expect(stuck?.status).toBe('creating');

    const restarted = restartedApp(stack);
    try {
      const first = await reconcileMeetings(restarted.scheduling, 0);
      expect(first).toEqual({ completed: [], recreated: [stuck?.id], recovered: [], failed: [] });
      // A second start finds nothing left to do.
      expect(await reconcileMeetings(restarted.scheduling, 0)).toEqual({
        completed: [],
        recreated: [],
        recovered: [],
        failed: [],
      });
    } finally {
      await restarted.close();
    }
    const events = await eventsTitled(PEOPLE.adele.id, title, slot.start);
    expect(events).toHaveLength(1);
    expect(await eventsTitled(PEOPLE.alex.id, title, slot.start)).toHaveLength(1);
    const meeting = bodyOf<MeetingDto>(await adele.get(`/api/meetings/${stuck?.id}`), 200);
    expect(meeting).toMatchObject({ status: 'scheduled', joinUrl: events[0]?.onlineMeeting?.joinUrl });
    expect(meeting.joinUrl).toMatch(/^https:\/\/teams/);
  });
});
