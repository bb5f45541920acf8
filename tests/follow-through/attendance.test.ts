import type { MeetingAttendanceResponse, MeetingDto } from '@confer/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutboundMessage } from '../../bot/src/ports.ts';
import { adaptiveCardProblems } from '../../bot/test/parse-adaptive-card.ts';
import { createControllableClock } from '../../devtenant/src/index.ts';
import { onlineMeetingsControl } from '../../devtenant/src/online-meetings/test-support/online-meetings-control.ts';
import { apiAs } from '../support/api-client.ts';
import { PEOPLE, type Stack, startStack, TENANT_ID } from '../support/stack.ts';

const MEGAN = 'meganb@contoso.onmicrosoft.com';
const ADELE = 'adelev@contoso.onmicrosoft.com';
const MIN = 60_000;
const DAY = 86_400_000;
/** A Monday morning, pinned: suggestions and working hours never depend on the day the suite runs. */
const MONDAY = new Date('2026-11-23T07:00:00.000Z');

/**
 * Confer meetings with a Teams link, held (or not) in devtenant's Teams: people join and leave through its
 * control API, its attendance reports appear some minutes after the session ends, and Confer's attendance pass
 * reads them as the organizer — through the app's permission (tenant-wide) or the organizer's stored
 * connection (per-user). Clocks are moved, never waited for.
 */
describe.each(['tenant', 'user'] as const)('attendance from Teams, %s connection mode', (mode) => {
  let stack: Stack;
  let clock: ReturnType<typeof createControllableClock>;
  let teams: ReturnType<typeof onlineMeetingsControl>;
  const meetings: MeetingDto[] = [];

  beforeAll(async () => {
    clock = createControllableClock(MONDAY);
    stack = await startStack({ tabDir: null, connectionMode: mode, clock, logLevel: 'warn' });
    teams = onlineMeetingsControl(stack.devtenant.url, async (url, init) => {
      const response = await stack.trustedFetch(url, init);
      return { status: response.status, text: () => response.text() };
    });
    // Every meeting is booked up front, a day apart: each scenario then moves the clock on to its own.
    for (let index = 0; index < 5; index++) {
      meetings.push(await book(index, index === 4 ? { online: false, location: 'Room 4' } : {}));
    }
    // After the two days the missing report waits through.
    meetings.push(await book(7, { attendees: [MEGAN, ADELE] }));
  }, 60_000);
  afterAll(async () => {
    await stack?.stop();
  });

  /** A client with a fresh token: the clock moves past an hour's token lifetime between steps. */
  const alex = {
    get: <T>(path: string) => apiAs(stack, PEOPLE.alex.id).get<T>(path),
    post: <T>(path: string, body?: unknown) => apiAs(stack, PEOPLE.alex.id).post<T>(path, body),
  };

  async function book(index: number, extra: Record<string, unknown> = {}): Promise<MeetingDto> {
    const start = new Date(MONDAY.getTime() + (index + 1) * DAY + 3 * 60 * MIN);
    const slot = { start: start.toISOString(), end: new Date(start.getTime() + 45 * MIN).toISOString() };
    const created = await alex.post<MeetingDto>('/api/meetings', {
      title: `Mentoring ${index}`,
      typeId: 'mentoring-session',
      attendees: [MEGAN],
      start: slot.start,
      end: slot.end,
      timeZone: 'Europe/London',
      acceptConflicts: true,
      ...extra,
    });
    expect(created.status).toBe(201);
    return created.body;
  }

  /** Moves both clocks (they are one: the stack runs Confer on devtenant's) to the instant, never back. */
  function moveTo(at: Date | string): void {
    const target = new Date(at).getTime();
    if (target > clock.now().getTime()) clock.set(new Date(target));
  }

  const attendanceOf = async (meetingId: string) =>
    (await alex.get<MeetingAttendanceResponse>(`/api/meetings/${meetingId}/attendance`)).body.occurrences;
  const pass = () => stack.composed.followThrough.worker.attendancePass();
  const followUpKey = (meeting: MeetingDto, userId: string) =>
    `follow-up:${meeting.id}:${new Date(meeting.start).toISOString()}:${userId}`;
  /** The message the attendance pass queues, as the delivery worker would hand it to the renderer. */
  const followUp = (meeting: MeetingDto, userId: string): OutboundMessage => ({
    key: followUpKey(meeting, userId),
    tenantId: TENANT_ID,
    userId,
    kind: 'follow-up',
    payload: { meetingId: meeting.id, occurrenceStart: new Date(meeting.start).toISOString() },
    notBefore: clock.now(),
  });

  /** Alex and Megan join the meeting at its start, and it is ended at its end. */
  async function bothMeetAndEnd(meeting: MeetingDto): Promise<void> {
    const joinUrl = meeting.joinUrl as string;
    moveTo(meeting.start);
    await teams.join(joinUrl, { userId: PEOPLE.alex.id });
    await teams.join(joinUrl, { email: MEGAN });
    moveTo(meeting.end);
    await teams.end(joinUrl);
  }

  it('held: both joined; minutes recorded, one follow-up each, cards valid', async () => {
    const meeting = meetings[0] as MeetingDto;
    const joinUrl = meeting.joinUrl as string;
    moveTo(meeting.start);
    await teams.join(joinUrl, { userId: PEOPLE.alex.id });
    clock.advance(2 * MIN);
    await teams.join(joinUrl, { email: MEGAN });
    moveTo(new Date(new Date(meeting.end).getTime() - 3 * MIN));
    await teams.leave(joinUrl, { email: MEGAN });
    await teams.leave(joinUrl, { userId: PEOPLE.alex.id });
    moveTo(new Date(new Date(meeting.end).getTime() + 11 * MIN));
    await pass();
    const [occurrence] = await attendanceOf(meeting.id);
    expect(occurrence).toMatchObject({ state: 'held', source: 'teams', canMark: false });
    expect(occurrence?.participants.map((p) => [p.email, p.joined, p.minutesPresent])).toEqual([
      ['alexw@contoso.onmicrosoft.com', true, 42],
      [MEGAN, true, 40],
    ]);
    for (const person of [PEOPLE.alex.id, PEOPLE.megan.id]) {
      expect(await stack.composed.bot.outbound.get(followUpKey(meeting, person))).toMatchObject({ state: 'pending' });
      const rendered = await stack.composed.bot.render(followUp(meeting, person));
      expect(rendered?.summary).toBe(`How did "${meeting.title}" go?`);
      expect(adaptiveCardProblems(rendered?.card)).toEqual([]);
    }
    // Held: the pair is due again after the mentoring rhythm.
    const cadence = await alex.get<{ pairs: { partner: { userId: string }; rhythmDays: number; status: string }[] }>(
      '/api/cadence',
    );
    expect(cadence.body.pairs).toEqual([
      expect.objectContaining({ partner: expect.objectContaining({ userId: PEOPLE.megan.id }), rhythmDays: 14 }),
    ]);
  });

  it('no-show: Megan never came; the organizer alone is told', async () => {
    const meeting = meetings[1] as MeetingDto;
    const joinUrl = meeting.joinUrl as string;
    moveTo(meeting.start);
    await teams.join(joinUrl, { userId: PEOPLE.alex.id });
    moveTo(new Date(new Date(meeting.start).getTime() + 15 * MIN));
    await teams.leave(joinUrl, { userId: PEOPLE.alex.id });
    moveTo(new Date(new Date(meeting.end).getTime() + 11 * MIN));
    await pass();
    expect((await attendanceOf(meeting.id))[0]).toMatchObject({ state: 'no_show', source: 'teams' });
    expect(await stack.composed.bot.outbound.get(followUpKey(meeting, PEOPLE.alex.id))).toBeDefined();
    const card = await stack.composed.bot.render(followUp(meeting, PEOPLE.alex.id));
    expect(card?.summary).toBe(`"${meeting.title}" didn't take place`);
    expect(adaptiveCardProblems(card?.card)).toEqual([]);
    expect(await stack.composed.bot.outbound.get(followUpKey(meeting, PEOPLE.megan.id))).toBeUndefined();
  });

  it('a late report: pending until Teams writes it, then held', async () => {
    const meeting = meetings[2] as MeetingDto;
    await teams.settings(meeting.joinUrl as string, { reportDelaySeconds: 45 * 60 });
    await bothMeetAndEnd(meeting);
    moveTo(new Date(new Date(meeting.end).getTime() + 11 * MIN));
    await pass();
    expect((await attendanceOf(meeting.id))[0]).toMatchObject({ state: 'pending' });
    expect(await stack.composed.bot.outbound.get(followUpKey(meeting, PEOPLE.alex.id))).toBeUndefined();
    moveTo(new Date(new Date(meeting.end).getTime() + 60 * MIN));
    await pass();
    expect((await attendanceOf(meeting.id))[0]).toMatchObject({ state: 'held' });
  });

  it('no report at all: unknown after two days, never guessed, and the organizer may say', async () => {
    const meeting = meetings[3] as MeetingDto;
    await teams.settings(meeting.joinUrl as string, { noReport: true });
    await bothMeetAndEnd(meeting);
    for (let hours = 1; hours <= 50; hours += 6) {
      moveTo(new Date(new Date(meeting.end).getTime() + hours * 60 * MIN));
      await pass();
    }
    const [occurrence] = await attendanceOf(meeting.id);
    expect(occurrence).toMatchObject({ state: 'unknown', unknownReason: 'no_report', canMark: true });
    expect(await stack.composed.bot.outbound.get(followUpKey(meeting, PEOPLE.alex.id))).toBeUndefined();
    const marked = await alex.post(`/api/meetings/${meeting.id}/attendance`, {
      occurrenceStart: meeting.start,
      held: true,
    });
    expect(marked.status).toBe(200);
    expect(marked.body).toMatchObject({ state: 'held', source: 'organizer' });
  });

  it('in person: the organizer is asked, marks it held from the API, follow-ups go once', async () => {
    const meeting = meetings[4] as MeetingDto;
    moveTo(new Date(new Date(meeting.end).getTime() + 2 * MIN));
    await pass();
    expect((await attendanceOf(meeting.id))[0]).toMatchObject({ state: 'pending', online: false, canMark: true });
    expect(await stack.composed.bot.outbound.get(followUpKey(meeting, PEOPLE.alex.id))).toBeDefined();
    const asked = await stack.composed.bot.render(followUp(meeting, PEOPLE.alex.id));
    expect(asked?.summary).toMatch(/take place/);
    expect(adaptiveCardProblems(asked?.card)).toEqual([]);
    expect(await stack.composed.bot.render(followUp(meeting, PEOPLE.megan.id))).toBeNull();
    const megan = apiAs(stack, PEOPLE.megan.id);
    const refused = await megan.post(`/api/meetings/${meeting.id}/attendance`, {
      occurrenceStart: meeting.start,
      held: true,
    });
    expect(refused.status).toBe(403);
    const bad = await alex.post(`/api/meetings/${meeting.id}/attendance`, { occurrenceStart: 'yesterday', held: 1 });
    expect(bad.status).toBe(400);
    const marked = await alex.post(`/api/meetings/${meeting.id}/attendance`, {
      occurrenceStart: meeting.start,
      held: true,
    });
    expect(marked.body).toMatchObject({ state: 'held', source: 'organizer' });
    expect(await stack.composed.bot.outbound.get(followUpKey(meeting, PEOPLE.megan.id))).toBeDefined();
    await pass();
    expect((await attendanceOf(meeting.id))[0]?.state).toBe('held');
  });

  it('partly attended: Megan came, Adele did not; the follow-up goes to the two who met', async () => {
    const meeting = meetings[5] as MeetingDto;
    await bothMeetAndEnd(meeting);
    moveTo(new Date(new Date(meeting.end).getTime() + 11 * MIN));
    await pass();
    const [occurrence] = await attendanceOf(meeting.id);
    expect(occurrence).toMatchObject({ state: 'partly_attended', source: 'teams' });
    expect(occurrence?.participants.map((p) => [p.email, p.joined])).toEqual([
      ['alexw@contoso.onmicrosoft.com', true],
      [MEGAN, true],
      [ADELE, false],
    ]);
    for (const [person, queued] of [
      [PEOPLE.alex.id, true],
      [PEOPLE.megan.id, true],
      [PEOPLE.adele.id, false],
    ] as const) {
      expect(Boolean(await stack.composed.bot.outbound.get(followUpKey(meeting, person))), person).toBe(queued);
    }
    const card = await stack.composed.bot.render(followUp(meeting, PEOPLE.alex.id));
    expect(adaptiveCardProblems(card?.card)).toEqual([]);
    expect(JSON.stringify(card?.card)).toContain('Adele');
  });

  it('a meeting of another person is no meeting at all', async () => {
    const adele = apiAs(stack, PEOPLE.adele.id);
    const alexAndMegan = meetings[0] as MeetingDto;
    expect((await adele.get(`/api/meetings/${alexAndMegan.id}/attendance`)).status).toBe(404);
    expect(
      (
        await adele.post(`/api/meetings/${alexAndMegan.id}/attendance`, {
          occurrenceStart: alexAndMegan.start,
          held: false,
        })
      ).status,
    ).toBe(404);
    expect(clock.now().getTime() - MONDAY.getTime()).toBeLessThan(14 * DAY);
  });
});
