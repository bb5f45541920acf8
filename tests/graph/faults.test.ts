import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../api/src/domain/app-error.ts';
import type { EventDraft } from '../../api/src/ports/scheduling-gateway.ts';
import {
  type Alias,
  at,
  email,
  type GraphHarness,
  mailbox,
  nextWeek,
  PEOPLE,
  startGraphHarness,
} from './graph-harness.ts';

const SCOPES = ['User.Read', 'Calendars.ReadWrite', 'MailboxSettings.Read', 'offline_access'];
const NO_FAULTS = { latencyMs: 0, jitterMs: 0, errorRates: {}, pathPrefixes: [] };

describe('Graph faults: throttling and outages (devtenant)', () => {
  let h: GraphHarness;
  let monday: Date;
  beforeAll(async () => {
    h = await startGraphHarness();
    monday = nextWeek(h.devtenant, 4);
  });
  afterEach(async () => {
    await h.control('faults', NO_FAULTS);
    await h.control('throttle-storm/stop', {});
  });
  afterAll(async () => {
    await h?.close();
  });

  const draft = (subject: string, day: number, hour: number): EventDraft => ({
    subject,
    bodyHtml: `<p>${subject}</p>`,
    start: at(monday, day, hour),
    end: at(monday, day, hour, 30),
    timeZone: 'America/New_York',
    attendees: [{ email: email('lynner'), name: 'Lynne Robbins', type: 'required' }],
    online: true,
    location: null,
    recurrence: null,
    transactionId: randomUUID(),
    allowNewTimeProposals: true,
  });

  const subjectsIn = async (alias: Alias, day: number) => {
    const view = (await h.graphGet(
      `/users/${PEOPLE[alias]}/calendarView?startDateTime=${at(monday, day, 0).toISOString()}&endDateTime=${at(monday, day + 1, 0).toISOString()}&$top=200`,
    )) as { value: { subject: string; isCancelled: boolean }[] };
    return view.value;
  };

  it('does every operation exactly once while 30% of Graph requests are answered 429', async () => {
    await h.tokens.forUser(await h.identity('lynner'), SCOPES);
    await h.resetCounters();
    await h.control('faults', { ...NO_FAULTS, errorRates: { '429': 0.3 } });
    const organizers: Alias[] = ['alexw', 'meganb', 'adelev', 'isaiahl', 'pattif'];
    // One organizer per mailbox in parallel (Outlook's 4-concurrent limit is per mailbox), two meetings each.
    const results = await Promise.all(
      organizers.map(async (alias, index) => {
        const answers = await h.gateway.getSchedules({
          actor: h.appActor,
          organizer: mailbox(alias),
          addresses: [mailbox(alias).email, email('lynner')],
          window: { start: monday, end: at(monday, 7, 0) },
          intervalMinutes: 30,
        });
        expect(answers.map((a) => a.status)).toEqual(['ok', 'ok']);
        const made = [];
        for (const slot of [0, 1]) {
          const request = draft(`Fault ${alias} ${slot}`, 1 + slot, 13 + index);
          const created = await h.gateway.createEvent(h.appActor, mailbox(alias), request);
          const updated = await h.gateway.updateEvent(
            h.appActor,
            mailbox(alias),
            created.id,
            { bodyHtml: `<p>Updated ${alias} ${slot}</p>` },
            created.changeKey,
          );
          expect(updated.joinUrl).toBe(created.joinUrl);
          made.push(updated);
        }
        const [keep, drop] = made;
        if (!keep || !drop) throw new Error('two meetings expected');
        await h.gateway.cancelEvent(h.appActor, mailbox(alias), drop.id, 'Not needed');
        const copy = await h.gateway.findEventByICalUId(h.storedActor('lynner'), mailbox('lynner'), keep.iCalUId, {
          start: at(monday, 1, 0),
          end: at(monday, 2, 0),
        });
        if (!copy) throw new Error(`Lynne has no copy of ${keep.subject}`);
        await h.gateway.respond(h.storedActor('lynner'), mailbox('lynner'), copy.id, 'accept', { sendResponse: true });
        return { alias, keep, drop };
      }),
    );
    await h.control('faults', NO_FAULTS);

    const snapshot = (await h.control('counters')) as { graphRequests: number };
    // 5 × (getSchedule + 2 × (create, get, patch) + cancel + calendarView + accept) = 55 requests without faults.
    expect(snapshot.graphRequests).toBeGreaterThan(55);
    for (const { alias, keep, drop } of results) {
      const day1 = await subjectsIn(alias, 1);
      const day2 = await subjectsIn(alias, 2);
      expect(day1.filter((e) => e.subject === keep.subject)).toHaveLength(1);
      expect(day2.filter((e) => e.subject === drop.subject)).toHaveLength(0);
      const organizerView = await h.gateway.getEvent(h.appActor, mailbox(alias), keep.id);
      expect(organizerView?.bodyHtml).toContain(`Updated ${alias} 0`);
      expect(organizerView?.attendees[0]?.response).toBe('accepted');
    }
  }, 60_000);

  it('answers a 503 storm with graph_unavailable and a retry-after, and writes nothing', async () => {
    const gateway = h.gatewayWith({ retry: { delaySeconds: 0, maxRetries: 2 } });
    const request = draft('During an outage', 3, 15);
    await h.control('faults', { ...NO_FAULTS, errorRates: { '503': 1 } });
    const error = await gateway.createEvent(h.appActor, mailbox('alexw'), request).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('graph_unavailable');
    expect((error as AppError).retryAfterSeconds).toBe(1);
    const read = await gateway
      .getSchedules({
        actor: h.appActor,
        organizer: mailbox('alexw'),
        addresses: [email('alexw')],
        window: { start: monday, end: at(monday, 1, 0) },
        intervalMinutes: 30,
      })
      .catch((e: unknown) => e);
    expect((read as AppError).code).toBe('graph_unavailable');
    await h.control('faults', NO_FAULTS);

    const around = { start: at(monday, 3, 0), end: at(monday, 4, 0) };
    expect(
      await h.gateway.findEventByTransactionId(h.appActor, mailbox('alexw'), request.transactionId, around),
    ).toBeNull();
    // The caller's retry after the outage makes the one event.
    const created = await h.gateway.createEvent(h.appActor, mailbox('alexw'), request);
    const again = await h.gateway.createEvent(h.appActor, mailbox('alexw'), request);
    expect(again.id).toBe(created.id);
    expect((await subjectsIn('alexw', 3)).filter((e) => e.subject === 'During an outage')).toHaveLength(1);
  });

  it('rides out a short 429 storm, and hands a long Retry-After to the caller at once as graph_throttled', async () => {
    await h.control('throttle-storm', { requests: 3, retryAfterSeconds: 0.05, mailbox: PEOPLE.meganb });
    const event = await h.gateway.createEvent(h.appActor, mailbox('meganb'), draft('After a storm', 3, 16));
    expect(event.joinUrl).toMatch(/meetup-join/);

    await h.control('throttle-storm', { durationMs: 60_000, retryAfterSeconds: 120, mailbox: PEOPLE.meganb });
    const started = Date.now();
    const error = await h.gateway.getEvent(h.appActor, mailbox('meganb'), event.id).catch((e: unknown) => e);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect((error as AppError).code).toBe('graph_throttled');
    expect((error as AppError).retryAfterSeconds).toBe(120);
  });
});
