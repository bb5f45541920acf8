import type { CadenceResponse, MeetingDto } from '@confer/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutboundMessage } from '../../bot/src/ports.ts';
import { adaptiveCardProblems } from '../../bot/test/parse-adaptive-card.ts';
import { createControllableClock } from '../../devtenant/src/index.ts';
import { onlineMeetingsControl } from '../../devtenant/src/online-meetings/test-support/online-meetings-control.ts';
import { executeActions, teamsClientFor } from '../bot/bot-test-support.ts';
import { devtenantGraph } from '../scheduling/support/devtenant-graph.ts';
import { apiAs } from '../support/api-client.ts';
import { PEOPLE, type Stack, startStack, TENANT_ID } from '../support/stack.ts';

const MEGAN = 'meganb@contoso.onmicrosoft.com';
const MIN = 60_000;
const DAY = 86_400_000;
/** A Monday morning, pinned: nothing here depends on the day the suite runs. */
const MONDAY = new Date('2026-11-23T07:00:00.000Z');
const HELD_START = new Date('2026-11-24T10:00:00.000Z');
const HELD_END = new Date(HELD_START.getTime() + 45 * MIN);

/**
 * A mentoring pair after its meeting, through the bot as Teams would drive it (tenant-wide mode): the
 * follow-up's buttons add a note and book the next one; a fortnight later, with nothing booked, the usual
 * organizer is nudged — not while the other person is out of office, once per rhythm, and never after a
 * meeting is booked from the nudge. Tampered card data changes nothing.
 */
describe('follow-ups and cadence nudges through the bot', () => {
  let stack: Stack;
  let clock: ReturnType<typeof createControllableClock>;
  let held: MeetingDto;

  const api = (userId: string) => apiAs(stack, userId);
  const inTeams = (person: { id: string; name: string }, handle: string) =>
    teamsClientFor({
      botEndpoint: `${stack.appUrl}/api/messages`,
      serviceUrl: 'http://127.0.0.1:9/no-connector-needed/',
      conversationId: `a:${handle}-personal`,
      tenantId: TENANT_ID,
      botId: '28:confer',
      person: { id: `29:${handle}`, name: person.name, aadObjectId: person.id },
    });
  const moveTo = (at: Date) => {
    if (at.getTime() > clock.now().getTime()) clock.set(at);
  };
  const message = (
    kind: OutboundMessage['kind'],
    userId: string,
    payload: Record<string, unknown>,
  ): OutboundMessage => ({ key: `${kind}:test`, tenantId: TENANT_ID, userId, kind, payload, notBefore: clock.now() });
  const nudge = () =>
    message('cadence-nudge', PEOPLE.alex.id, { partnerId: PEOPLE.megan.id, lastHeldEnd: HELD_END.toISOString() });

  beforeAll(async () => {
    clock = createControllableClock(MONDAY);
    stack = await startStack({ tabDir: null, connectionMode: 'tenant', clock, logLevel: 'warn' });
    const created = await api(PEOPLE.alex.id).post<MeetingDto>('/api/meetings', {
      title: 'Mentoring: Alex and Megan',
      typeId: 'mentoring-session',
      attendees: [MEGAN],
      start: HELD_START.toISOString(),
      end: HELD_END.toISOString(),
      timeZone: 'Europe/London',
      acceptConflicts: true,
    });
    expect(created.status).toBe(201);
    held = created.body;
    const teams = onlineMeetingsControl(stack.devtenant.url, async (url, init) => {
      const response = await stack.trustedFetch(url, init);
      return { status: response.status, text: () => response.text() };
    });
    moveTo(HELD_START);
    await teams.join(held.joinUrl as string, { userId: PEOPLE.alex.id });
    await teams.join(held.joinUrl as string, { email: MEGAN });
    moveTo(HELD_END);
    await teams.end(held.joinUrl as string);
    moveTo(new Date(HELD_END.getTime() + 15 * MIN));
    await stack.composed.followThrough.worker.attendancePass();
  }, 60_000);
  afterAll(async () => {
    await stack?.stop();
  });

  it("the mentee's follow-up: a note added from the card, tampering refused, the next meeting booked in one click", async () => {
    const followUp = message('follow-up', PEOPLE.megan.id, {
      meetingId: held.id,
      occurrenceStart: HELD_START.toISOString(),
    });
    const rendered = await stack.composed.bot.render(followUp);
    expect(adaptiveCardProblems(rendered?.card)).toEqual([]);
    const actions = executeActions(rendered?.card);
    const note = actions.find((a) => a.verb === 'add-note');
    const next = actions.filter((a) => a.verb === 'book-next');
    expect(note).toBeDefined();
    expect(next).toHaveLength(3);
    // The rhythm's next meeting: about two weeks after this one.
    const first = next[0] as (typeof next)[number];
    const gapDays = (Date.parse(first.data.newStart as string) - HELD_START.getTime()) / DAY;
    expect(gapDays).toBeGreaterThanOrEqual(12);
    expect(gapDays).toBeLessThanOrEqual(19);

    const megan = inTeams(PEOPLE.megan, 'megan');
    const noted = await megan.invoke('card-1', {
      verb: 'add-note',
      data: { ...note?.data, note: 'Try the pairing exercise before next time', noteShared: 'true' },
    });
    expect(noted.statusCode).toBe(200);
    const notes = await api(PEOPLE.alex.id).get<{ notes: { body: string; visibility: string }[] }>(
      `/api/meetings/${held.id}/notes`,
    );
    expect(notes.body.notes).toEqual([
      expect.objectContaining({ body: 'Try the pairing exercise before next time', visibility: 'shared' }),
    ]);

    const tampered = [
      { ...first.data, meetingId: '00000000-0000-0000-0000-00000000beef' },
      { ...first.data, newEnd: new Date(Date.parse(first.data.newEnd as string) + 15 * MIN).toISOString() },
      { ...first.data, newStart: '2026-11-01T10:00:00.000Z', newEnd: '2026-11-01T10:45:00.000Z' },
      { ...first.data, tenantId: '11111111-1111-1111-1111-111111111111' },
      { ...first.data, newStart: 'next tuesday' },
    ];
    const answers = [];
    for (const data of tampered) answers.push((await megan.invoke('card-1', { verb: 'book-next', data })).statusCode);
    expect(answers).toEqual([404, 400, 400, 403, 400]);
    expect((await api(PEOPLE.megan.id).get<{ meetings: MeetingDto[] }>('/api/meetings')).body.meetings).toEqual([]);

    const booked = await megan.invoke('card-1', first);
    expect(booked.statusCode).toBe(200);
    expect(JSON.stringify(booked.value)).toContain('Booked');
    const upcoming = (await api(PEOPLE.megan.id).get<{ meetings: MeetingDto[] }>('/api/meetings')).body.meetings;
    expect(upcoming.map((m) => [m.title, m.typeId, m.isOrganizer, m.start])).toEqual([
      ['Mentoring: Alex and Megan', 'mentoring-session', true, first.data.newStart],
    ]);
    // Booked: the pair is on track and nobody is nudged.
    const cadence = await api(PEOPLE.alex.id).get<CadenceResponse>('/api/cadence');
    expect(cadence.body.pairs[0]).toMatchObject({ status: 'on_track', upcoming: { meetingId: upcoming[0]?.id } });
    await api(PEOPLE.megan.id).post(`/api/meetings/${upcoming[0]?.id}/cancel`, { comment: 'Not needed' });
  });

  it('a fortnight later: not while Megan is away, then one nudge; one click books; no nudge after', async () => {
    const overdue = new Date(HELD_END.getTime() + 15 * DAY);
    moveTo(overdue);
    await devtenantGraph(stack).createEvent(PEOPLE.megan.id, {
      subject: 'Holiday',
      showAs: 'oof',
      isAllDay: false,
      start: { dateTime: new Date(overdue.getTime() - DAY).toISOString().slice(0, 19), timeZone: 'UTC' },
      end: { dateTime: new Date(overdue.getTime() + DAY).toISOString().slice(0, 19), timeZone: 'UTC' },
    });
    const scan = () => stack.composed.followThrough.worker.cadencePass();
    const cancelled = (await api(PEOPLE.megan.id).get<{ meetings: MeetingDto[] }>('/api/meetings')).body.meetings;
    expect(cancelled.filter((m) => m.status === 'scheduled')).toEqual([]);
    expect(await scan()).toMatchObject({ due: 1, away: 1, nudged: 0 });

    // Back from the holiday, and past the seeded time away Megan has a few days later (Dec 12–14).
    moveTo(new Date(overdue.getTime() + 5 * DAY));
    const second = await scan();
    expect(second, JSON.stringify(second)).toMatchObject({ due: 1, nudged: 1 });
    expect(await scan()).toMatchObject({ due: 0, nudged: 0 });
    const key = `cadence-nudge:${TENANT_ID}:${PEOPLE.alex.id}:${PEOPLE.megan.id}:${HELD_END.toISOString()}:1`;
    expect(await stack.composed.bot.outbound.get(key)).toMatchObject({ state: 'pending' });

    const rendered = await stack.composed.bot.render(nudge());
    expect(adaptiveCardProblems(rendered?.card)).toEqual([]);
    const times = executeActions(rendered?.card).filter((a) => a.verb === 'book-pair');
    expect(times).toHaveLength(3);
    const alex = inTeams(PEOPLE.alex, 'alex');
    const choice = times[1] as (typeof times)[number];
    const stranger = await alex.invoke('card-2', {
      verb: 'book-pair',
      data: { ...choice.data, partnerId: PEOPLE.adele.id },
    });
    expect(stranger.statusCode).toBe(404);
    const booked = await alex.invoke('card-2', choice);
    expect(booked.statusCode).toBe(200);
    // Booked: the nudge is not sent again, and the scan leaves the pair alone.
    expect(await stack.composed.bot.render(nudge())).toBeNull();
    expect((await scan()).nudged).toBe(0);
    const cadence = await api(PEOPLE.alex.id).get<CadenceResponse>('/api/cadence');
    expect(cadence.body.pairs[0]).toMatchObject({ status: 'on_track', usuallyOrganizes: true });
  });

  it('stop these reminders: the card turns nudges off, and the tab shows it', async () => {
    const alex = inTeams(PEOPLE.alex, 'alex');
    const off = await alex.invoke('card-3', { verb: 'nudges-off', data: { tenantId: TENANT_ID } });
    expect(off.statusCode).toBe(200);
    expect((await api(PEOPLE.alex.id).get<CadenceResponse>('/api/cadence')).body.nudges).toBe(false);
    const bad = await api(PEOPLE.alex.id).put('/api/cadence/nudges', { enabled: 'yes' });
    expect(bad.status).toBe(400);
    expect((await api(PEOPLE.alex.id).put('/api/cadence/nudges', { enabled: true })).status).toBe(200);
  });
});
