import type { MeetingDto } from '@confer/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DevtenantGraph, GraphEvent } from '../scheduling/support/devtenant-graph.ts';
import { bodyOf, mail, uniqueTitle } from '../scheduling/support/scheduling-api.ts';
import { apiAs } from '../support/api-client.ts';
import { PEOPLE, type Stack, TENANT_ID } from '../support/stack.ts';
import { eventually, HOUR, useSyncStack } from './support/sync-harness.ts';

const DAY = 24 * HOUR;
/** The series' first occurrence: Tuesday 24 November, 15:00 UTC (London), then weekly. */
const FIRST = new Date('2026-11-24T15:00:00Z');
const weekly = (index: number) => new Date(FIRST.getTime() + index * 7 * DAY);

/**
 * A Confer series edited in Outlook: one occurrence moved, one deleted, the series extended and then ended
 * earlier. Graph names a first-edited occurrence by an id Confer has not seen, so Confer follows the series through
 * its instances; the occurrences, the series length and the reminders follow.
 */
describe.each(['tenant', 'user'] as const)('a Confer series edited in Outlook (%s mode)', (mode) => {
  let stack: Stack;
  let graph: DevtenantGraph;
  let meetingId: string;
  let masterId: string;

  const context = useSyncStack(mode);
  beforeAll(async () => {
    ({ stack } = context);
    graph = context.sync.graph;
    const adele = apiAs(stack, PEOPLE.adele.id);
    const created = bodyOf<MeetingDto>(
      await adele.post('/api/meetings', {
        title: uniqueTitle('Weekly mentoring'),
        attendees: [mail('meganb')],
        start: FIRST.toISOString(),
        end: new Date(FIRST.getTime() + HOUR / 2).toISOString(),
        timeZone: 'Europe/London',
        recurrence: { kind: 'weekly', count: 4 },
        acceptConflicts: true,
      }),
      201,
    );
    meetingId = created.id;
    await stack.composed.sync.worker.idle();
    masterId = (await stack.composed.scheduling.meetings.get(TENANT_ID, meetingId))?.graphEventId as string;
  });

  const instances = async () => {
    const query = new URLSearchParams({
      startDateTime: new Date(FIRST.getTime() - DAY).toISOString(),
      endDateTime: new Date(FIRST.getTime() + 60 * DAY).toISOString(),
    });
    const page = await graph.get<{ value: GraphEvent[] }>(
      `/users/${PEOPLE.adele.id}/events/${masterId}/instances?${query}`,
    );
    return page.value;
  };
  const overrides = () => stack.composed.scheduling.meetings.listOccurrences(TENANT_ID, meetingId);
  const meeting = async () => {
    const found = await stack.composed.scheduling.meetings.get(TENANT_ID, meetingId);
    if (!found) throw new Error('meeting gone');
    return found;
  };
  const instanceAt = async (start: Date) => {
    const found = (await instances()).find(
      (i) => new Date(`${i.start.dateTime.replace(/Z$/, '')}Z`).getTime() === start.getTime(),
    );
    if (!found) throw new Error(`no instance at ${start.toISOString()}`);
    return found;
  };

  it('moves the occurrence Confer knew nothing about', async () => {
    const second = await instanceAt(weekly(1));
    const moved = new Date(weekly(1).getTime() + 2 * HOUR);
    await graph.patch(`/users/${PEOPLE.adele.id}/events/${second.id}`, {
      start: { dateTime: moved.toISOString().slice(0, 19), timeZone: 'UTC' },
      end: { dateTime: new Date(moved.getTime() + HOUR / 2).toISOString().slice(0, 19), timeZone: 'UTC' },
    });
    const found = await eventually(overrides, (list) => list.length > 0);
    expect(found).toEqual([
      expect.objectContaining({ originalStart: weekly(1), start: moved, cancelled: false, graphEventId: second.id }),
    ]);
    const history = await stack.composed.scheduling.history.list(TENANT_ID, meetingId);
    expect(history.at(-1)).toMatchObject({ kind: 'occurrence_changed', summary: 'One occurrence moved in Outlook' });
  });

  it('cancels the occurrence deleted in Outlook, and drops its reminders', async () => {
    const third = await instanceAt(weekly(2));
    await graph.delete(`/users/${PEOPLE.adele.id}/events/${third.id}`);
    const found = await eventually(overrides, (list) => list.some((o) => o.cancelled));
    expect(found.find((o) => o.cancelled)).toMatchObject({ originalStart: weekly(2), cancelled: true });
    const pending = stack.composed.db
      .prepare(
        "SELECT key FROM outbound_messages WHERE key LIKE 'reminder:' || ? || ':' || ? || '%' AND state = 'pending'",
      )
      .all(meetingId, weekly(2).toISOString());
    expect(pending).toEqual([]);
    expect((await meeting()).recurrence).toEqual({ kind: 'weekly', count: 4 });
  });

  it('follows the series extended and then ended earlier in Outlook', async () => {
    const master = await graph.get<GraphEvent>(`/users/${PEOPLE.adele.id}/events/${masterId}`);
    const range = (count: number) => ({
      recurrence: { ...master.recurrence, range: { ...master.recurrence?.range, numberOfOccurrences: count } },
    });
    await graph.patch(`/users/${PEOPLE.adele.id}/events/${masterId}`, range(5));
    expect((await eventually(meeting, (m) => m.recurrence?.count === 5)).recurrence?.count).toBe(5);
    await graph.patch(`/users/${PEOPLE.adele.id}/events/${masterId}`, range(4));
    expect((await eventually(meeting, (m) => m.recurrence?.count === 4)).recurrence?.count).toBe(4);
    const history = await stack.composed.scheduling.history.list(TENANT_ID, meetingId);
    expect(history.map((h) => h.summary)).toEqual(
      expect.arrayContaining(['Series extended in Outlook', 'Series ended earlier in Outlook']),
    );
    // Confer's occurrences are Outlook's instances, whatever Outlook did to the earlier exceptions on the way.
    const known = await overrides();
    const confers = [0, 1, 2, 3].flatMap((index) => {
      const override = known.find((o) => o.originalStart.getTime() === weekly(index).getTime());
      if (override?.cancelled) return [];
      return [(override?.start ?? weekly(index)).toISOString()];
    });
    const outlook = (await instances())
      .map((i) => new Date(`${i.start.dateTime.replace(/Z$/, '')}Z`).toISOString())
      .sort();
    expect(confers).toEqual(outlook);
  });
});
