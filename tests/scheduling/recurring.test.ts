import type { ConflictsResponse, MeetingDto, SuggestionsResponse } from '@confer/contracts';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs } from '../support/api-client.ts';
import { PEOPLE, type Stack, startStack } from '../support/stack.ts';
import { type DevtenantGraph, devtenantGraph, type GraphEvent, utcInstant } from './support/devtenant-graph.ts';
import { type Api, bodyOf, expectError, listMeetings, mail, uniqueTitle } from './support/scheduling-api.ts';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const ZONE = 'Europe/London';
type Kind = 'weekly' | 'biweekly' | 'monthly';

/** Where each occurrence should fall: the same local time in the meeting's zone, across DST. */
function expectedStarts(start: string, kind: Kind, count: number): string[] {
  const first = DateTime.fromISO(start, { zone: ZONE });
  return Array.from({ length: count }, (_, i) => {
    const next =
      kind === 'weekly'
        ? first.plus({ weeks: i })
        : kind === 'biweekly'
          ? first.plus({ weeks: 2 * i })
          : first.plus({ months: i });
    return next.toUTC().toISO({ suppressMilliseconds: false }) as string;
  }).map((iso) => new Date(iso).toISOString());
}

describe('recurring meetings', () => {
  let stack: Stack;
  let graph: DevtenantGraph;
  let adele: Api;

  beforeAll(async () => {
    stack = await startStack({ tabDir: null });
    graph = devtenantGraph(stack);
    adele = apiAs(stack, PEOPLE.adele.id);
  });
  afterAll(async () => {
    await stack?.stop();
  });

  const horizon = () => {
    const now = stack.devtenant.clock.now().getTime();
    return { start: new Date(now).toISOString(), end: new Date(now + 61 * DAY).toISOString() };
  };
  /** A start at which every occurrence of the series is free for both, as Confer suggests it. */
  const seriesSlot = async (kind: Kind, count: number) => {
    const body = bodyOf<SuggestionsResponse>(
      await adele.post('/api/suggestions', {
        attendees: [mail('alexw')],
        durationMinutes: 30,
        recurrence: { kind, count },
        ...horizon(),
      }),
      200,
    );
    const slot = body.suggestions[0];
    if (!slot) throw new Error(`no ${kind} suggestion`);
    return slot;
  };
  /** A series Adele books with Alex at the first start Confer suggests for it; each test books its own. */
  const createSeries = async (kind: Kind, count: number) => {
    const slot = await seriesSlot(kind, count);
    const title = uniqueTitle(`Mentoring (${kind})`);
    const meeting = bodyOf<MeetingDto>(
      await adele.post('/api/meetings', {
        title,
        attendees: [mail('alexw')],
        start: slot.start,
        end: slot.end,
        timeZone: ZONE,
        recurrence: { kind, count },
      }),
      201,
    );
    return { slot, title, meeting };
  };
  const occurrencesOn = async (userId: string, m: MeetingDto, iCalUIds?: Set<string>): Promise<GraphEvent[]> => {
    const events = await graph.calendarView(
      userId,
      new Date(Date.parse(m.start) - DAY),
      new Date(Date.parse(m.start) + 70 * DAY),
    );
    return events
      .filter((e) => (iCalUIds ? iCalUIds.has(e.iCalUId) : e.subject.endsWith(m.title)))
      .sort((a, b) => utcInstant(a.start).getTime() - utcInstant(b.start).getTime());
  };
  const startsOf = (events: GraphEvent[]) => events.map((e) => utcInstant(e.start).toISOString());

  it.each([
    ['weekly', 4, { type: 'weekly', interval: 1 }],
    ['biweekly', 3, { type: 'weekly', interval: 2 }],
    ['monthly', 2, { type: 'absoluteMonthly', interval: 1 }],
  ] as const)(
    'creates a %s series of %i: a series master in Outlook with that pattern, on both calendars',
    async (kind, count, pattern) => {
      const { slot, title, meeting } = await createSeries(kind, count);
      expect(meeting.recurrence).toEqual({ kind, count });
      expect(meeting.joinUrl).toMatch(/^https:\/\/teams\.microsoft\.com\//);

      const master = (await graph.masters(PEOPLE.adele.id)).filter((e) => e.subject === title);
      expect(master).toHaveLength(1);
      expect(master[0]?.type).toBe('seriesMaster');
      expect(master[0]?.recurrence?.pattern).toMatchObject(pattern);
      if (kind === 'monthly') {
        expect(master[0]?.recurrence?.pattern.dayOfMonth).toBe(DateTime.fromISO(slot.start, { zone: ZONE }).day);
      } else {
        const weekday = DateTime.fromISO(slot.start, { zone: ZONE }).setLocale('en').weekdayLong?.toLowerCase();
        expect(master[0]?.recurrence?.pattern.daysOfWeek).toEqual([weekday]);
      }
      expect(master[0]?.recurrence?.range).toMatchObject({ type: 'numbered', numberOfOccurrences: count });

      const expected = expectedStarts(slot.start, kind, count);
      expect(startsOf(await occurrencesOn(PEOPLE.adele.id, meeting))).toEqual(expected);
      expect(startsOf(await occurrencesOn(PEOPLE.alex.id, meeting))).toEqual(expected);
    },
  );

  it('checks every occurrence for clashes: busy time on the third is reported, and the series is not booked', async () => {
    const slot = await seriesSlot('weekly', 4);
    const third = expectedStarts(slot.start, 'weekly', 4)[2] as string;
    const thirdEnd = new Date(Date.parse(third) + 30 * 60_000).toISOString();
    await graph.createEvent(PEOPLE.alex.id, {
      subject: 'Dentist',
      showAs: 'busy',
      start: { dateTime: third.replace('Z', ''), timeZone: 'UTC' },
      end: { dateTime: thirdEnd.replace('Z', ''), timeZone: 'UTC' },
    });
    // Free/busy answers are cached for a minute; changes made in Outlook show after that. Whatever runs next
    // then books around the dentist instead of being handed this clashing start from the cache.
    await stack.devtenant.control('clock/advance', { minutes: 2 });
    const proposal = {
      attendees: [mail('alexw')],
      start: slot.start,
      end: slot.end,
      timeZone: ZONE,
      recurrence: { kind: 'weekly', count: 4 },
    };
    const { conflicts } = bodyOf<ConflictsResponse>(await adele.post('/api/conflicts', proposal), 200);
    expect(conflicts).toEqual([
      expect.objectContaining({ occurrence: { start: third, end: thirdEnd }, status: 'busy' }),
    ]);
    expect(conflicts[0]?.person.email).toBe(mail('alexw'));
    expect(conflicts[0]).not.toHaveProperty('subject');

    const title = uniqueTitle('Clashing series');
    const refused = await adele.post('/api/meetings', { ...proposal, title });
    const error = expectError(refused, 409, 'conflicts_found');
    expect((error.details as ConflictsResponse).conflicts.map((c) => c.occurrence.start)).toEqual([third]);
    expect((await listMeetings(adele)).map((m) => m.title)).not.toContain(title);
    expect((await graph.masters(PEOPLE.adele.id)).filter((e) => e.subject === title)).toEqual([]);
  });

  it('moves one occurrence; the others stay where they were', async () => {
    const { meeting: weekly } = await createSeries('weekly', 4);
    const before = await occurrencesOn(PEOPLE.adele.id, weekly);
    const iCalUIds = new Set(before.map((e) => e.iCalUId));
    const originals = startsOf(before);
    const second = originals[1] as string;
    const third = originals[2] as string;
    // A free time for both anywhere between the second and third occurrences: the week between them holds
    // several working days the two share whatever weekday the series fell on, while a few days after a
    // Friday occurrence can be a weekend plus a day someone is out of office.
    const free = bodyOf<SuggestionsResponse>(
      await adele.post('/api/suggestions', {
        attendees: [mail('alexw')],
        durationMinutes: 30,
        start: new Date(Date.parse(second) + HOUR).toISOString(),
        end: new Date(Date.parse(third) - HOUR).toISOString(),
      }),
      200,
    ).suggestions[0];
    if (!free) throw new Error(`no free time to move to between ${second} and ${third}`);

    const moved = bodyOf<MeetingDto>(
      await adele.patch(`/api/meetings/${weekly.id}/occurrences/${encodeURIComponent(second)}`, {
        start: free.start,
        end: free.end,
      }),
      200,
    );
    expect(moved.occurrences).toEqual([{ originalStart: second, start: free.start, end: free.end, cancelled: false }]);
    expect(moved.start).toBe(weekly.start);

    const expected = [originals[0], free.start, originals[2], originals[3]].sort();
    const after = await occurrencesOn(PEOPLE.adele.id, weekly, iCalUIds);
    expect(startsOf(after).sort()).toEqual(expected);
    expect(after.find((e) => utcInstant(e.start).toISOString() === free.start)?.type).toBe('exception');
    const alexSide = await graph.calendarView(
      PEOPLE.alex.id,
      new Date(Date.parse(weekly.start) - DAY),
      new Date(Date.parse(weekly.start) + 30 * DAY),
    );
    expect(startsOf(alexSide.filter((e) => e.subject === weekly.title && !e.isCancelled)).sort()).toEqual(expected);
  });

  it('cancels one occurrence; the series goes on', async () => {
    const { meeting: weekly } = await createSeries('weekly', 4);
    const [first, , third, fourth] = expectedStarts(weekly.start, 'weekly', 4) as [string, string, string, string];
    const answer = bodyOf<MeetingDto>(
      await adele.post(`/api/meetings/${weekly.id}/occurrences/${encodeURIComponent(third)}/cancel`, {
        message: 'Bank holiday',
      }),
      200,
    );
    expect(answer.status).toBe('scheduled');
    expect(answer.occurrences.find((o) => o.originalStart === third)?.cancelled).toBe(true);
    const remaining = (await occurrencesOn(PEOPLE.adele.id, weekly)).filter((e) => !e.isCancelled);
    const starts = startsOf(remaining);
    expect(starts).not.toContain(third);
    expect(starts).toEqual(expect.arrayContaining([first, fourth]));
    expect(starts).toHaveLength(3);
    const alexLive = (await occurrencesOn(PEOPLE.alex.id, weekly)).filter(
      (e) => !e.isCancelled && e.subject === weekly.title,
    );
    expect(startsOf(alexLive)).not.toContain(third);
    expect(alexLive).toHaveLength(3);

    expectError(
      await adele.post(`/api/meetings/${weekly.id}/occurrences/${encodeURIComponent(third)}/cancel`, {}),
      409,
      'meeting_not_editable',
    );
    const notInSeries = new Date(Date.parse(first) + 3 * DAY).toISOString();
    expectError(
      await adele.post(`/api/meetings/${weekly.id}/occurrences/${encodeURIComponent(notInSeries)}/cancel`, {}),
      404,
      'not_found',
    );
  });

  it('cancels the whole series: cancelled in Confer and every occurrence gone from both calendars', async () => {
    const { meeting: biweekly } = await createSeries('biweekly', 3);
    const current = bodyOf<MeetingDto>(await adele.get(`/api/meetings/${biweekly.id}`), 200);
    const cancelled = bodyOf<MeetingDto>(
      await adele.post(`/api/meetings/${biweekly.id}/cancel`, { version: current.version, message: 'Programme ended' }),
      200,
    );
    expect(cancelled.status).toBe('cancelled');
    const organizerLive = (await occurrencesOn(PEOPLE.adele.id, biweekly)).filter((e) => !e.isCancelled);
    expect(organizerLive).toEqual([]);
    const alexCopies = await occurrencesOn(PEOPLE.alex.id, biweekly);
    expect(alexCopies.every((e) => e.isCancelled)).toBe(true);
  });

  it('changes occurrences of a long series beyond the 62 days Graph reads at once', async () => {
    const slot = await seriesSlot('weekly', 12);
    const long = bodyOf<MeetingDto>(
      await adele.post('/api/meetings', {
        title: uniqueTitle('Quarter of 1:1s'),
        attendees: [mail('alexw')],
        start: slot.start,
        end: slot.end,
        timeZone: ZONE,
        recurrence: { kind: 'weekly', count: 12 },
      }),
      201,
    );
    const starts = expectedStarts(long.start, 'weekly', 12);
    const [tenth, eleventh] = [starts[9] as string, starts[10] as string];
    expect(Date.parse(tenth) - Date.parse(long.start)).toBeGreaterThan(62 * DAY);
    const movedTo = {
      start: new Date(Date.parse(tenth) + DAY).toISOString(),
      end: new Date(Date.parse(tenth) + DAY + 30 * 60_000).toISOString(),
    };
    const moved = bodyOf<MeetingDto>(
      await adele.patch(`/api/meetings/${long.id}/occurrences/${encodeURIComponent(tenth)}`, {
        ...movedTo,
        acceptConflicts: true,
      }),
      200,
    );
    expect(moved.occurrences).toEqual([{ originalStart: tenth, ...movedTo, cancelled: false }]);
    bodyOf(await adele.post(`/api/meetings/${long.id}/occurrences/${encodeURIComponent(eleventh)}/cancel`, {}), 200);
    const live = await graph.calendarView(
      PEOPLE.adele.id,
      new Date(Date.parse(tenth) - 2 * DAY),
      new Date(Date.parse(eleventh) + 2 * DAY),
    );
    const mine = live.filter((e) => e.subject === long.title && !e.isCancelled);
    expect(startsOf(mine)).toEqual([movedTo.start]);
  });

  it('carries open actions to the next occurrence, and drops them once done', async () => {
    const { meeting: monthly } = await createSeries('monthly', 2);
    const [first, second] = expectedStarts(monthly.start, 'monthly', 2) as [string, string];
    const base = `/api/meetings/${monthly.id}/actions`;
    type Action = { id: string; title: string; version: number; carriedOver: boolean; done: boolean };
    const open = bodyOf<Action>(
      await adele.post(base, { title: 'Read the leadership book', ownerEmail: mail('alexw'), occurrenceStart: first }),
      201,
    );
    const finished = bodyOf<Action>(
      await adele.post(base, { title: 'Book the course', ownerEmail: mail('adelev'), occurrenceStart: first }),
      201,
    );
    bodyOf(await adele.patch(`${base}/${finished.id}`, { version: finished.version, done: true }), 200);
    const later = bodyOf<Action>(
      await adele.post(base, { title: 'Share the reading notes', ownerEmail: mail('alexw'), occurrenceStart: second }),
      201,
    );

    const at = async (occurrenceStart: string) =>
      bodyOf<{ actions: Action[] }>(
        await adele.get(`${base}?occurrenceStart=${encodeURIComponent(occurrenceStart)}`),
        200,
      ).actions;
    const inFirst = await at(first);
    expect(inFirst.map((a) => [a.id, a.carriedOver]).sort()).toEqual(
      [
        [open.id, false],
        [finished.id, false],
      ].sort(),
    );
    const inSecond = await at(second);
    expect(inSecond.map((a) => [a.id, a.carriedOver]).sort()).toEqual(
      [
        [open.id, true],
        [later.id, false],
      ].sort(),
    );
    const between = new Date(Date.parse(first) + 3 * DAY).toISOString();
    expect(
      (await adele.post(base, { title: 'Lost', ownerEmail: mail('alexw'), occurrenceStart: between })).status,
    ).toBe(400);
    expectError(await adele.get(`${base}?occurrenceStart=${encodeURIComponent(between)}`), 400, 'validation_failed');
    // The attendee sees the same carried list.
    const alexView = bodyOf<{ actions: Action[] }>(
      await apiAs(stack, PEOPLE.alex.id).get(`${base}?occurrenceStart=${encodeURIComponent(second)}`),
      200,
    ).actions;
    expect(alexView.map((a) => a.id).sort()).toEqual([open.id, later.id].sort());
  });
});
