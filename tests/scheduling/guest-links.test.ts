import type { GuestLinkResponse, GuestOffersResponse, MeetingDto, SuggestionsResponse } from '@confer/contracts';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type ControllableClock, createControllableClock } from '../../devtenant/src/index.ts';
import { apiAs } from '../support/api-client.ts';
import { PEOPLE, type Stack, startStack } from '../support/stack.ts';
import { type DevtenantGraph, devtenantGraph, utcInstant } from './support/devtenant-graph.ts';
import { type Api, bodyOf, expectError, mail, uniqueTitle } from './support/scheduling-api.ts';

const DAY = 86_400_000;
const GUEST = 'mentor@fabrikam.example';

interface PageAnswer {
  status: number;
  html: string;
  headers: Headers;
}

/**
 * Guests outside the tenant pick a time through a signed link (docs/guest-links.md), against devtenant in the
 * per-user mode, where the pick moves the meeting on the organizer's stored connection. Adele organizes with Alex
 * and a mentor from Fabrikam whose calendar Confer cannot read. Every refusal is checked to change nothing: the
 * Outlook event, Confer's record and the offer's state are compared before and after.
 */
describe('guest links', () => {
  let stack: Stack;
  let clock: ControllableClock;
  let graph: DevtenantGraph;
  let adele: Api;
  let alex: Api;

  beforeAll(async () => {
    // A pinned Monday morning: the suggestions, links and expiries fall the same way whenever this runs.
    clock = createControllableClock(new Date('2026-12-07T09:00:00Z'));
    stack = await startStack({ tabDir: null, clock, connectionMode: 'user' });
  });
  beforeEach(() => {
    // The guest page allows 20 requests a minute per address, and every test here comes from one address.
    clock.advance(61_000);
    graph = devtenantGraph(stack);
    adele = apiAs(stack, PEOPLE.adele.id);
    alex = apiAs(stack, PEOPLE.alex.id);
  });
  afterAll(async () => {
    await stack?.stop();
  });

  /** Times Adele and Alex are both free, as Confer suggests them now. */
  const freeTimes = async () =>
    bodyOf<SuggestionsResponse>(
      await adele.post('/api/suggestions', { attendees: [mail('alexw')], durationMinutes: 30, maxSuggestions: 10 }),
      200,
    ).suggestions.map((s) => ({ start: s.start, end: s.end }));

  /** Adele's meeting with Alex and the external mentor, at the first free time. */
  const meetingWithGuest = async () => {
    const [first] = await freeTimes();
    if (!first) throw new Error('no free time');
    return bodyOf<MeetingDto>(
      await adele.post('/api/meetings', {
        title: uniqueTitle('Mentoring'),
        attendees: [mail('alexw'), GUEST],
        ...first,
        timeZone: 'Europe/London',
        // Confer cannot read the mentor's calendar, which the clash check reports.
        acceptConflicts: true,
      }),
      201,
    );
  };

  /** Two free times other than the meeting's own, offered to the mentor. */
  const offer = async (meeting: MeetingDto) => {
    const times = (await freeTimes()).filter((t) => t.start !== meeting.start).slice(2, 4);
    const link = bodyOf<GuestLinkResponse>(
      await adele.post(`/api/meetings/${meeting.id}/guest-links`, { attendee: GUEST, slots: times }),
      201,
    );
    return { ...link, times };
  };

  const page = async (url: string, init: RequestInit = {}): Promise<PageAnswer> => {
    const response = await fetch(url, { redirect: 'manual', ...init });
    return { status: response.status, html: await response.text(), headers: response.headers };
  };
  const post = (url: string, fields: Record<string, string>, headers: Record<string, string> = {}) =>
    page(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: new URLSearchParams(fields).toString(),
    });
  const pick = (url: string, offerId: string, start: string) => post(`${url}/pick`, { offerId, start });

  /** What a refusal must leave as it was: the Outlook event, Confer's record and every offer's state. */
  const snapshot = async (meeting: MeetingDto) => {
    const around = Date.parse(meeting.start);
    const events = await graph.withSubject(
      PEOPLE.adele.id,
      meeting.title,
      new Date(around - 2 * DAY),
      new Date(around + 30 * DAY),
    );
    const record = bodyOf<MeetingDto>(await adele.get(`/api/meetings/${meeting.id}`), 200);
    const offers = bodyOf<GuestOffersResponse>(await adele.get(`/api/meetings/${meeting.id}/guest-links`), 200);
    return {
      events: events.map((e) => ({
        start: utcInstant(e.start).toISOString(),
        end: utcInstant(e.end).toISOString(),
        cancelled: e.isCancelled,
      })),
      record: { start: record.start, end: record.end, version: record.version, status: record.status },
      offers: offers.offers.map((o) => ({ id: o.id, state: o.state, chosen: o.chosen })),
    };
  };
  const expectRefusal = (answer: PageAnswer, status: number, code: string) => {
    expect(answer.status, answer.html.slice(0, 400)).toBe(status);
    expect(answer.html).toContain(code);
    expect(answer.headers.get('content-type')).toMatch(/^text\/html/);
  };
  /** The organizer's queued card about this offer, as the queue holds it. */
  const queuedFor = (offerId: string) =>
    stack.composed.db
      .prepare("SELECT key, user_id, kind, payload_json FROM outbound_messages WHERE key LIKE '%' || ? ORDER BY key")
      .all(`:${offerId}`) as { key: string; user_id: string; kind: string; payload_json: string }[];

  it('pick end to end: the page shows only the offered times; the pick moves the Outlook event as the organizer, once, and the organizer is told in Teams', async () => {
    const meeting = await meetingWithGuest();
    const { url, offer: created, times } = await offer(meeting);
    expect(created).toMatchObject({ state: 'offered', attendee: { email: GUEST }, chosen: null });
    expect(Date.parse(created.expiresAt)).toBeLessThanOrEqual(Date.parse(times[0]?.start ?? ''));
    expect(url).toMatch(new RegExp(`^${stack.appUrl}/guest/v1\\.`));
    expect(url).not.toContain('fabrikam');

    const shown = await page(`${url}?tz=Europe/Paris`, { headers: { 'accept-language': 'en-GB' } });
    expect(shown.status, shown.html.slice(0, 300)).toBe(200);
    for (const time of times) expect(shown.html).toContain(`value="${time.start}"`);
    expect(shown.html).toContain(created.id);
    // Nothing of the meeting but the offered times: no title, agenda, addresses or names — not the organizer's.
    for (const secret of [
      meeting.title,
      mail('alexw'),
      GUEST,
      'Alex Wilber',
      PEOPLE.adele.name,
      meeting.joinUrl ?? 'teams',
    ]) {
      expect(shown.html).not.toContain(secret);
    }
    expect(shown.headers.get('content-security-policy')).toMatch(/default-src 'none'.*frame-ancestors 'none'/);
    expect(shown.headers.get('referrer-policy')).toBe('no-referrer');
    expect(shown.headers.get('x-robots-tag')).toMatch(/noindex/);
    expect(shown.headers.get('cache-control')).toBe('no-store');
    expect(shown.headers.get('set-cookie')).toBeNull();
    expect(shown.html).not.toMatch(/<script>|<style>|\son\w+=/);

    const chosen = times[1] as { start: string; end: string };
    const picked = await pick(url, created.id, chosen.start);
    expect(picked.status, picked.html.slice(0, 400)).toBe(200);
    expect(picked.html).toContain('Your time is confirmed');

    const after = await snapshot(meeting);
    expect(after.events.map((e) => e.start)).toEqual([chosen.start]);
    expect(after.record).toMatchObject({ start: chosen.start, end: chosen.end, status: 'scheduled' });
    expect(after.offers).toEqual([{ id: created.id, state: 'picked', chosen }]);
    // Alex's copy moved with it: the update went out as Adele's own.
    const alexCopy = await graph.withSubject(
      PEOPLE.alex.id,
      meeting.title,
      new Date(Date.parse(meeting.start) - 2 * DAY),
      new Date(Date.parse(meeting.start) + 30 * DAY),
    );
    expect(alexCopy.map((e) => utcInstant(e.start).toISOString())).toEqual([chosen.start]);

    const queued = queuedFor(created.id);
    expect(queued).toEqual([expect.objectContaining({ user_id: PEOPLE.adele.id, kind: 'guest-picked' })]);
    const message = queued[0] as (typeof queued)[number];
    const rendered = await stack.composed.bot.render({
      key: message.key,
      tenantId: stack.config.tenantId,
      userId: message.user_id,
      kind: 'guest-picked',
      payload: JSON.parse(message.payload_json),
      notBefore: clock.now(),
    });
    expect(rendered?.summary).toContain('picked a time');
    const card = JSON.stringify(rendered?.card);
    expect(card).toContain('New time:');
    expect(card).toContain(meeting.title);

    // Used once: the same pick again, or another time, is refused and changes nothing.
    const again = await pick(url, created.id, chosen.start);
    expectRefusal(again, 409, 'guest_link_used');
    expectRefusal(await pick(url, created.id, times[0]?.start ?? ''), 409, 'guest_link_used');
    expectRefusal(await page(url), 409, 'guest_link_used');
    expect(await snapshot(meeting)).toEqual(after);
    expect(queuedFor(created.id)).toHaveLength(1);
  });

  it('propose: nothing moves; the organizer gets a card with the proposed time, Accept and Pick another time', async () => {
    const meeting = await meetingWithGuest();
    const { url, offer: created } = await offer(meeting);
    const before = await snapshot(meeting);
    const proposed = await post(`${url}/propose`, {
      offerId: created.id,
      when: '2026-12-15T16:00',
      tz: 'Europe/Berlin',
      message: 'Afternoons suit me *better*',
    });
    expect(proposed.status, proposed.html.slice(0, 400)).toBe(200);
    const after = await snapshot(meeting);
    expect(after.events).toEqual(before.events);
    expect(after.record).toEqual(before.record);
    expect(after.offers).toEqual([
      {
        id: created.id,
        state: 'proposed',
        chosen: { start: '2026-12-15T15:00:00.000Z', end: '2026-12-15T15:30:00.000Z' },
      },
    ]);
    const [message] = queuedFor(created.id);
    expect(message?.kind).toBe('guest-proposed');
    const rendered = await stack.composed.bot.render({
      key: message?.key ?? '',
      tenantId: stack.config.tenantId,
      userId: PEOPLE.adele.id,
      kind: 'guest-proposed',
      payload: JSON.parse(message?.payload_json ?? '{}'),
      notBefore: clock.now(),
    });
    const card = rendered?.card as { actions: { title: string; verb?: string; data?: Record<string, unknown> }[] };
    expect(card.actions.map((a) => a.title)).toEqual(['Accept', 'Pick another time']);
    expect(card.actions[0]).toMatchObject({
      verb: 'reschedule',
      data: { meetingId: meeting.id, newStart: '2026-12-15T15:00:00.000Z' },
    });
    // The guest's note is shown as text, never as card markdown.
    expect(JSON.stringify(card)).toContain('Afternoons suit me \\\\*better\\\\*');
    expectRefusal(await pick(url, created.id, before.record.start), 409, 'guest_link_used');
  });

  it('a series: the link offers times for one occurrence, and the pick moves only that occurrence', async () => {
    const [first] = await freeTimes();
    if (!first) throw new Error('no free time');
    const series = bodyOf<MeetingDto>(
      await adele.post('/api/meetings', {
        title: uniqueTitle('Mentoring series'),
        attendees: [mail('alexw'), GUEST],
        ...first,
        timeZone: 'Europe/London',
        recurrence: { kind: 'weekly', count: 3 },
        acceptConflicts: true,
      }),
      201,
    );
    const second = new Date(Date.parse(series.start) + 7 * DAY).toISOString();
    const path = `/api/meetings/${series.id}/guest-links`;
    // A series needs the occurrence named.
    expectError(await adele.post(path, { attendee: GUEST }), 400, 'validation_failed');
    const moveTo = {
      start: new Date(Date.parse(second) + 2 * 3_600_000).toISOString(),
      end: new Date(Date.parse(second) + 2 * 3_600_000 + 30 * 60_000).toISOString(),
    };
    const link = bodyOf<GuestLinkResponse>(
      await adele.post(path, { attendee: GUEST, occurrenceStart: second, slots: [moveTo] }),
      201,
    );
    expect(link.offer.occurrenceStart).toBe(second);
    const picked = await pick(link.url, link.offer.id, moveTo.start);
    expect(picked.status, picked.html.slice(0, 400)).toBe(200);
    const after = bodyOf<MeetingDto>(await adele.get(`/api/meetings/${series.id}`), 200);
    expect(after.start).toBe(series.start);
    expect(after.occurrences).toEqual([
      expect.objectContaining({ originalStart: second, start: moveTo.start, end: moveTo.end, cancelled: false }),
    ]);
    const events = await graph.withSubject(
      PEOPLE.adele.id,
      series.title,
      new Date(Date.parse(series.start) - DAY),
      new Date(Date.parse(series.start) + 30 * DAY),
    );
    expect(events.map((e) => utcInstant(e.start).toISOString()).sort()).toEqual(
      [series.start, moveTo.start, new Date(Date.parse(series.start) + 14 * DAY).toISOString()].sort(),
    );
  });

  it('two picks at the same moment: exactly one moves the meeting, the other is refused', async () => {
    const meeting = await meetingWithGuest();
    const { url, offer: created, times } = await offer(meeting);
    const answers = await Promise.all(times.map((time) => pick(url, created.id, time.start)));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    const winner = times[answers.findIndex((a) => a.status === 200)];
    const after = await snapshot(meeting);
    expect(after.events.map((e) => e.start)).toEqual([winner?.start]);
    expect(after.offers).toEqual([{ id: created.id, state: 'picked', chosen: winner }]);
    expect(queuedFor(created.id)).toHaveLength(1);
  });

  it('refuses a tampered link — a flipped signature byte, an altered payload, a malformed token — without saying which, and changes nothing', async () => {
    const meeting = await meetingWithGuest();
    const { url, offer: created, times } = await offer(meeting);
    const before = await snapshot(meeting);
    const token = url.slice(url.lastIndexOf('/') + 1);
    const [version, payload, signature] = token.split('.') as [string, string, string];
    const flipped = Buffer.from(signature, 'base64url');
    flipped[3] = (flipped[3] ?? 0) ^ 0x10;
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
    const altered = Buffer.from(JSON.stringify({ ...claims, e: Number(claims.e) + 30 * 86_400 })).toString('base64url');
    const base = `${stack.appUrl}/guest`;
    const bad = [
      `${base}/${version}.${payload}.${flipped.toString('base64url')}`,
      `${base}/${version}.${altered}.${signature}`,
      `${base}/${token.slice(0, -1)}`,
      `${base}/not-a-token`,
      `${base}/${'A'.repeat(2_000)}`,
    ];
    const bodies = new Set<string>();
    for (const link of bad) {
      const shown = await page(link);
      expectRefusal(shown, 404, 'guest_link_invalid');
      bodies.add(shown.html);
      expectRefusal(await pick(link, created.id, times[0]?.start ?? ''), 404, 'guest_link_invalid');
    }
    // One answer for every way a link can be wrong.
    expect(bodies.size).toBe(1);
    expect(await snapshot(meeting)).toEqual(before);
    expect(queuedFor(created.id)).toEqual([]);
  });

  it("refuses another meeting's link and an offer id from another link, changing neither meeting", async () => {
    const first = await meetingWithGuest();
    const second = await meetingWithGuest();
    const a = await offer(first);
    const b = await offer(second);
    const before = [await snapshot(first), await snapshot(second)];
    // Link A with B's offer id, and link B with A's: the form's offer id must be the link's own.
    expectRefusal(await pick(a.url, b.offer.id, b.times[0]?.start ?? ''), 404, 'guest_link_invalid');
    expectRefusal(await pick(b.url, a.offer.id, a.times[0]?.start ?? ''), 404, 'guest_link_invalid');
    expectRefusal(await pick(a.url, a.offer.id, '2026-12-30T10:00:00.000Z'), 400, 'guest_time_not_offered');
    expect([await snapshot(first), await snapshot(second)]).toEqual(before);
    // Another organizer cannot see or withdraw these links; the attendee cannot either.
    expectError(await alex.get(`/api/meetings/${first.id}/guest-links`), 403, 'forbidden');
    expectError(await alex.delete(`/api/meetings/${first.id}/guest-links/${a.offer.id}`), 403, 'forbidden');
    // An offer is withdrawn only through its own meeting.
    expectError(await adele.delete(`/api/meetings/${second.id}/guest-links/${a.offer.id}`), 404, 'not_found');
    expect([await snapshot(first), await snapshot(second)]).toEqual(before);
  });

  it('refuses a withdrawn link: revoked by the organizer, or overtaken by the organizer moving or cancelling the meeting', async () => {
    const meeting = await meetingWithGuest();
    const revoked = await offer(meeting);
    const open = await offer(meeting);
    const withdrawn = bodyOf<{ offer: { state: string } }>(
      await adele.delete(`/api/meetings/${meeting.id}/guest-links/${revoked.offer.id}`),
      200,
    );
    expect(withdrawn.offer.state).toBe('revoked');
    expectError(
      await adele.delete(`/api/meetings/${meeting.id}/guest-links/${revoked.offer.id}`),
      409,
      'meeting_not_editable',
    );
    const before = await snapshot(meeting);
    expectRefusal(await page(revoked.url), 410, 'guest_link_revoked');
    expectRefusal(await pick(revoked.url, revoked.offer.id, revoked.times[0]?.start ?? ''), 410, 'guest_link_revoked');
    expect(await snapshot(meeting)).toEqual(before);

    // The organizer moves the meeting: the other open link no longer stands.
    const later = (await freeTimes()).find(
      (t) => !open.times.some((o) => o.start === t.start) && t.start !== meeting.start,
    );
    const record = bodyOf<MeetingDto>(await adele.get(`/api/meetings/${meeting.id}`), 200);
    bodyOf(
      await adele.patch(`/api/meetings/${meeting.id}`, { version: record.version, ...later, acceptConflicts: true }),
      200,
    );
    const moved = await snapshot(meeting);
    expect(moved.offers.find((o) => o.id === open.offer.id)?.state).toBe('revoked');
    expectRefusal(await pick(open.url, open.offer.id, open.times[0]?.start ?? ''), 410, 'guest_link_revoked');
    expect(await snapshot(meeting)).toEqual(moved);

    // The organizer cancels the meeting: a link made before is withdrawn with it.
    const last = await offer(meeting);
    const current = bodyOf<MeetingDto>(await adele.get(`/api/meetings/${meeting.id}`), 200);
    bodyOf(await adele.post(`/api/meetings/${meeting.id}/cancel`, { version: current.version, message: '' }), 200);
    const cancelled = await snapshot(meeting);
    expect(cancelled.offers.find((o) => o.id === last.offer.id)?.state).toBe('revoked');
    expectRefusal(await page(last.url), 410, 'guest_link_revoked');
    expectRefusal(await pick(last.url, last.offer.id, last.times[0]?.start ?? ''), 410, 'guest_link_revoked');
    expect(await snapshot(meeting)).toEqual(cancelled);
  });

  it('refuses times that were not offered and offers the organizer cannot make', async () => {
    const meeting = await meetingWithGuest();
    const { url, offer: created } = await offer(meeting);
    const before = await snapshot(meeting);
    expectRefusal(await pick(url, created.id, '2026-12-20T10:00:00.000Z'), 400, 'guest_time_not_offered');
    expectRefusal(await pick(url, created.id, 'tomorrow'), 400, 'guest_time_not_offered');
    expectRefusal(
      await post(`${url}/propose`, { offerId: created.id, when: 'soon', tz: 'UTC' }),
      400,
      'validation_failed',
    );
    expect(await snapshot(meeting)).toEqual(before);
    const at = (days: number) => new Date(clock.now().getTime() + days * DAY).toISOString();
    const slot = (days: number, minutes = 30) => ({
      start: at(days),
      end: new Date(Date.parse(at(days)) + minutes * 60_000).toISOString(),
    });
    // An internal colleague, someone not invited, a time in the past, a time of the wrong length.
    expectError(
      await adele.post(`/api/meetings/${meeting.id}/guest-links`, { attendee: mail('alexw') }),
      400,
      'guest_not_external',
    );
    expectError(
      await adele.post(`/api/meetings/${meeting.id}/guest-links`, { attendee: 'x@fabrikam.example' }),
      400,
      'guest_not_external',
    );
    const past = await adele.post(`/api/meetings/${meeting.id}/guest-links`, { attendee: GUEST, slots: [slot(-1)] });
    expectError(past, 400, 'validation_failed');
    const long = await adele.post(`/api/meetings/${meeting.id}/guest-links`, { attendee: GUEST, slots: [slot(2, 45)] });
    expectError(long, 400, 'validation_failed');
    expectError(await alex.post(`/api/meetings/${meeting.id}/guest-links`, { attendee: GUEST }), 403, 'forbidden');
    expect(await snapshot(meeting)).toEqual(before);
  });

  it('offers Confer’s own suggestions when the organizer names no times', async () => {
    const meeting = await meetingWithGuest();
    const link = bodyOf<GuestLinkResponse>(
      await adele.post(`/api/meetings/${meeting.id}/guest-links`, { attendee: GUEST }),
      201,
    );
    expect(link.offer.slots.length).toBeGreaterThan(0);
    expect(link.offer.slots.length).toBeLessThanOrEqual(5);
    for (const slot of link.offer.slots) {
      expect(Date.parse(slot.end) - Date.parse(slot.start)).toBe(Date.parse(meeting.end) - Date.parse(meeting.start));
      expect(slot.start).not.toBe(meeting.start);
    }
  });

  it('speaks the guest’s language: German, and Arabic right to left', async () => {
    const meeting = await meetingWithGuest();
    const { url } = await offer(meeting);
    const german = await page(url, { headers: { 'accept-language': 'de-CH, en;q=0.5' } });
    expect(german.html).toContain('<html lang="de" dir="ltr">');
    expect(german.html).toContain('Diese Zeit bestätigen');
    const arabic = await page(url, { headers: { 'accept-language': 'ar' } });
    expect(arabic.html).toContain('<html lang="ar" dir="rtl">');
    expect(arabic.html).toContain('تأكيد هذا الموعد');
    const unknown = await page(`${stack.appUrl}/guest/nonsense`, { headers: { 'accept-language': 'fr' } });
    expect(unknown.html).toContain('Ce lien ne fonctionne pas');
  });

  it('keeps a link usable when Outlook cannot be updated: the guest is asked to retry, with a code', async () => {
    const meeting = await meetingWithGuest();
    const { url, offer: created, times } = await offer(meeting);
    const before = await snapshot(meeting);
    expect((await stack.devtenant.control('faults', { errorRates: { '500': 1 } })).status).toBe(200);
    let failed: PageAnswer;
    try {
      failed = await pick(url, created.id, times[0]?.start ?? '');
    } finally {
      expect((await stack.devtenant.control('faults', { errorRates: {} })).status).toBe(200);
    }
    expect(failed.status).toBeGreaterThanOrEqual(500);
    expect(failed.html).toContain('Nothing changed and your link still works');
    expect(failed.html).toMatch(/Code: graph_/);
    expect(await snapshot(meeting)).toEqual(before);
    const retried = await pick(url, created.id, times[0]?.start ?? '');
    expect(retried.status, retried.html.slice(0, 300)).toBe(200);
    expect((await snapshot(meeting)).record.start).toBe(times[0]?.start);
  });

  it('limits a burst: 20 requests a minute per address, 5 answers a minute per link — 429 with Retry-After, nothing changed', async () => {
    const meeting = await meetingWithGuest();
    const { url, offer: created, times } = await offer(meeting);
    const before = await snapshot(meeting);
    const answers: number[] = [];
    for (let i = 0; i < 6; i++) answers.push((await pick(url, created.id, '2026-12-30T10:00:00.000Z')).status);
    expect(answers).toEqual([400, 400, 400, 400, 400, 429]);
    for (let i = 0; i < 14; i++) expect((await page(url)).status).toBe(200);
    const limited = await page(url);
    expectRefusal(limited, 429, 'rate_limited');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    // Even a valid pick is refused while limited.
    expectRefusal(await pick(url, created.id, times[0]?.start ?? ''), 429, 'rate_limited');
    expect(await snapshot(meeting)).toEqual(before);
    clock.advance(61_000);
    expect((await page(url)).status).toBe(200);
  });

  it('refuses an expired link, and changes nothing', async () => {
    const meeting = await meetingWithGuest();
    const { url, offer: created, times } = await offer(meeting);
    const before = await snapshot(meeting);
    clock.set(new Date(Date.parse(created.expiresAt) + 1_000));
    // Tokens are issued by the tenant's clock: new ones after it moved.
    adele = apiAs(stack, PEOPLE.adele.id);
    graph = devtenantGraph(stack);
    expectRefusal(await page(url), 410, 'guest_link_expired');
    expectRefusal(await pick(url, created.id, times[1]?.start ?? ''), 410, 'guest_link_expired');
    const after = await snapshot(meeting);
    expect(after.offers).toEqual([{ id: created.id, state: 'expired', chosen: null }]);
    expect({ ...after, offers: before.offers }).toEqual(before);
  });
});
