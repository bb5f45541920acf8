import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../api/src/domain/app-error.ts';
import type { Interval } from '../../api/src/domain/scheduling/model.ts';
import type { EventDraft } from '../../api/src/ports/scheduling-gateway.ts';
import { at, email, type GraphHarness, mailbox, nextWeek, PEOPLE, startGraphHarness } from './graph-harness.ts';

interface Counters {
  httpRequests: number;
  graphRequests: number;
  batches: number;
}

describe('batched event reads and calendar delta (devtenant)', () => {
  let h: GraphHarness;
  let monday: Date;
  beforeAll(async () => {
    h = await startGraphHarness();
    monday = nextWeek(h.devtenant, 2);
  });
  afterEach(async () => {
    await h.control('throttle-storm/stop', {});
  });
  afterAll(async () => {
    await h?.close();
  });

  const counters = async () => (await h.control('counters')) as Counters;

  const draft = (subject: string, day: number, hour: number): EventDraft => ({
    subject,
    bodyHtml: `<p>${subject}</p>`,
    start: at(monday, day, hour),
    end: at(monday, day, hour, 30),
    timeZone: 'Europe/London',
    attendees: [{ email: email('meganb'), name: 'Megan Bowen', type: 'required' }],
    online: false,
    location: 'Room 2',
    recurrence: null,
    transactionId: randomUUID(),
    allowNewTimeProposals: true,
  });

  /** The window's items as calendarView lists them (instances, not series masters), read as the app. */
  const viewOf = async (userId: string, window: Interval) => {
    const query = `startDateTime=${window.start.toISOString()}&endDateTime=${window.end.toISOString()}&$top=999`;
    const view = (await h.graphGet(`/users/${userId}/calendarView?${query}`)) as {
      value: { id: string; subject: string; isCancelled: boolean }[];
    };
    return view.value;
  };

  const deleteAsApp = async (userId: string, eventId: string) => {
    const token = await h.tokens.forApp();
    const response = await h.http.fetch(
      `${h.devtenant.origin}/v1.0/users/${userId}/events/${encodeURIComponent(eventId)}`,
      { method: 'DELETE', headers: { authorization: `Bearer ${token}` } },
    );
    expect(response.status).toBe(204);
  };

  describe('getEvents', () => {
    const window = () => ({ start: at(monday, 0, 0), end: at(monday, 14, 0) });

    it('reads 25 events in two batches, a deleted one as null', async () => {
      const seeded = (await viewOf(PEOPLE.alexw, window())).slice(0, 24);
      expect(seeded).toHaveLength(24);
      const gone = await h.gateway.createEvent(h.appActor, mailbox('alexw'), draft('Soon deleted', 1, 19));
      await deleteAsApp(PEOPLE.alexw, gone.id);
      const ids = [...seeded.map((e) => e.id), gone.id];

      await h.resetCounters();
      const events = await h.gateway.getEvents(h.appActor, mailbox('alexw'), ids);
      expect([...events.keys()]).toEqual(ids);
      expect(events.get(gone.id)).toBeNull();
      for (const item of seeded) {
        const event = events.get(item.id);
        expect(event?.subject).toBe(item.subject);
        expect(event?.changeKey).not.toBe('');
      }
      expect(await counters()).toMatchObject({ batches: 2, httpRequests: 2, graphRequests: 25 });
    });

    it('reads the same events per user through /me and compares equal to single reads', async () => {
      const ids = (await viewOf(PEOPLE.pattif, window())).slice(0, 3).map((e) => e.id);
      const actor = await h.userActor('pattif');
      const events = await h.gateway.getEvents(actor, mailbox('pattif'), ids);
      for (const id of ids) expect(events.get(id)).toEqual(await h.gateway.getEvent(actor, mailbox('pattif'), id));
    });

    it('asks again only for items Graph throttled, after their Retry-After', async () => {
      const ids = (await viewOf(PEOPLE.isaiahl, window())).slice(0, 25).map((e) => e.id);
      expect(ids).toHaveLength(25);
      await h.resetCounters();
      await h.control('throttle-storm', { requests: 3, retryAfterSeconds: 0.2, mailbox: PEOPLE.isaiahl });
      const events = await h.gateway.getEvents(h.appActor, mailbox('isaiahl'), ids);
      expect([...events.values()].every((event) => event !== null)).toBe(true);
      // 20 + the 3 throttled ones again + 5: the 17 that were read are never asked twice.
      expect(await counters()).toMatchObject({ batches: 3, graphRequests: 28 });
    });

    it('hands a long inner Retry-After to the caller as graph_throttled', async () => {
      const ids = (await viewOf(PEOPLE.isaiahl, window())).slice(0, 2).map((e) => e.id);
      await h.control('throttle-storm', { requests: 2, retryAfterSeconds: 90, mailbox: PEOPLE.isaiahl });
      await expect(h.gateway.getEvents(h.appActor, mailbox('isaiahl'), ids)).rejects.toSatisfy(
        (e) => e instanceof AppError && e.code === 'graph_throttled' && e.retryAfterSeconds === 90,
      );
    });

    it('raises what a single read raises for other refusals', async () => {
      const ids = (await viewOf(PEOPLE.lynner, window())).slice(0, 2).map((e) => e.id);
      // A delegated token on someone else's mailbox: 403 ErrorAccessDenied per item.
      const actor = await h.userActor('alexw');
      const single = await h.gateway.getEvent(actor, mailbox('lynner'), ids[0] as string).catch((e: unknown) => e);
      const batched = await h.gateway.getEvents(actor, mailbox('lynner'), ids).catch((e: unknown) => e);
      expect(single).toBeInstanceOf(AppError);
      expect((batched as AppError).code).toBe((single as AppError).code);
      expect((batched as AppError).code).toBe('outside_access_policy');
    });

    it('sends nothing for no ids', async () => {
      await h.resetCounters();
      expect((await h.gateway.getEvents(h.appActor, mailbox('alexw'), [])).size).toBe(0);
      expect((await counters()).httpRequests).toBe(0);
    });
  });

  describe('calendarDelta', () => {
    it('lists the window on a first round, then only a change, then a cancellation as removed', async () => {
      const window = { start: at(monday, -21, 0), end: at(monday, 14, 0) };
      const view = await viewOf(PEOPLE.meganb, window);
      // More than one page of 100: the round follows nextLinks.
      expect(view.length).toBeGreaterThan(100);

      const first = await h.gateway.calendarDelta(h.appActor, mailbox('meganb'), window, null);
      const live = view.filter((e) => !e.isCancelled).map((e) => e.id);
      expect(first.changed.map((e) => e.id).sort()).toEqual([...live].sort());
      expect(first.changed.every((e) => e.type !== 'seriesMaster')).toBe(true);
      expect(first.removed).toEqual([]);
      expect(first.deltaLink).toMatch(/^https:\/\//);

      const unchanged = await h.gateway.calendarDelta(h.appActor, mailbox('meganb'), window, first.deltaLink);
      expect(unchanged).toMatchObject({ changed: [], removed: [] });

      const created = await h.gateway.createEvent(h.appActor, mailbox('meganb'), {
        ...draft('Delta check', 8, 18),
        attendees: [{ email: email('alexw'), name: 'Alex Wilber', type: 'required' }],
      });
      const afterCreate = await h.gateway.calendarDelta(h.appActor, mailbox('meganb'), window, unchanged.deltaLink);
      expect(afterCreate.changed.map((e) => [e.id, e.subject, e.location])).toEqual([
        [created.id, 'Delta check', 'Room 2'],
      ]);

      await h.gateway.updateEvent(h.appActor, mailbox('meganb'), created.id, { subject: 'Delta check, moved' });
      const afterUpdate = await h.gateway.calendarDelta(h.appActor, mailbox('meganb'), window, afterCreate.deltaLink);
      expect(afterUpdate.changed.map((e) => [e.id, e.subject])).toEqual([[created.id, 'Delta check, moved']]);
      expect(afterUpdate.removed).toEqual([]);

      await h.gateway.cancelEvent(h.appActor, mailbox('meganb'), created.id, 'Not needed');
      const afterCancel = await h.gateway.calendarDelta(h.appActor, mailbox('meganb'), window, afterUpdate.deltaLink);
      expect(afterCancel).toMatchObject({ changed: [], removed: [created.id] });
    });

    it('runs per user on /me with the same answer as tenant-wide', async () => {
      const window = { start: at(monday, 0, 0), end: at(monday, 7, 0) };
      const actor = await h.userActor('adelev');
      const own = await h.gateway.calendarDelta(actor, mailbox('adelev'), window, null);
      const app = await h.gateway.calendarDelta(h.appActor, mailbox('adelev'), window, null);
      expect(own.changed.map((e) => e.id).sort()).toEqual(app.changed.map((e) => e.id).sort());
      expect(own.changed.length).toBeGreaterThan(0);
    });

    it('is sync_state_lost once the delta token expired, and a new round starts over', async () => {
      const window = { start: at(monday, 0, 0), end: at(monday, 7, 0) };
      const first = await h.gateway.calendarDelta(h.appActor, mailbox('lynner'), window, null);
      await h.control('delta-tokens/expire', { mailbox: PEOPLE.lynner });
      await expect(h.gateway.calendarDelta(h.appActor, mailbox('lynner'), window, first.deltaLink)).rejects.toSatisfy(
        (e) => e instanceof AppError && e.code === 'sync_state_lost',
      );
      const again = await h.gateway.calendarDelta(h.appActor, mailbox('lynner'), window, null);
      expect(again.changed.map((e) => e.id).sort()).toEqual(first.changed.map((e) => e.id).sort());
    });
  });
});
