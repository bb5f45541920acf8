import type { MeetingDto } from '@confer/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createControllableClock } from '../../devtenant/src/index.ts';
import { type DevtenantGraph, devtenantGraph } from '../scheduling/support/devtenant-graph.ts';
import { bodyOf, mail, uniqueTitle } from '../scheduling/support/scheduling-api.ts';
import { apiAs } from '../support/api-client.ts';
import { PEOPLE, type Stack, startStack, TENANT_ID } from '../support/stack.ts';

/** Monday 23 November 2026, 08:00 UTC, whatever day the test runs. */
const NOW = new Date('2026-11-23T08:00:00Z');
const HOUR = 3_600_000;
const utc = (instant: Date) => ({ dateTime: instant.toISOString().slice(0, 19), timeZone: 'UTC' });

async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Outlook and Confer at the same moment, and a proposal made in Outlook: neither side's change is lost silently,
 * and the organizer can take an attendee's proposed time in one click.
 */
describe('changes in Outlook and Confer at once, and time proposals from Outlook', () => {
  let stack: Stack;
  let graph: DevtenantGraph;
  let adele: ReturnType<typeof apiAs>;

  beforeAll(async () => {
    stack = await startStack({ tabDir: null, connectionMode: 'tenant', clock: createControllableClock(NOW) });
    graph = devtenantGraph(stack);
    adele = apiAs(stack, PEOPLE.adele.id);
    await stack.composed.sync.worker.start();
  });
  afterAll(async () => {
    await stack?.stop();
  });

  const schedule = async () => {
    const created = bodyOf<MeetingDto>(
      await adele.post('/api/meetings', {
        title: uniqueTitle('Check-in'),
        attendees: [mail('meganb')],
        start: new Date(NOW.getTime() + 31 * HOUR).toISOString(),
        end: new Date(NOW.getTime() + 31.5 * HOUR).toISOString(),
        timeZone: 'Europe/London',
        acceptConflicts: true,
      }),
      201,
    );
    await stack.composed.sync.worker.idle();
    const meeting = await stack.composed.scheduling.meetings.get(TENANT_ID, created.id);
    if (!meeting) throw new Error('not stored');
    return meeting;
  };

  it('refuses a Confer edit made over an unseen Outlook move, takes Outlook’s version and says what changed', async () => {
    const meeting = await schedule();
    // Outlook's change does not reach Confer yet (its endpoint is away).
    expect((await stack.devtenant.control('notifications', { endpointDown: true })).ok).toBe(true);
    try {
      const outlookStart = new Date(NOW.getTime() + 52 * HOUR);
      await graph.patch(`/users/${PEOPLE.adele.id}/events/${meeting.graphEventId}`, {
        start: utc(outlookStart),
        end: utc(new Date(outlookStart.getTime() + HOUR / 2)),
      });
      const confersStart = new Date(NOW.getTime() + 56 * HOUR);
      const answer = await adele.patch<{ error: { code: string; message: string; details?: unknown } }>(
        `/api/meetings/${meeting.id}`,
        {
          version: meeting.version,
          start: confersStart.toISOString(),
          end: new Date(confersStart.getTime() + HOUR / 2).toISOString(),
          acceptConflicts: true,
        },
      );
      expect(answer.status).toBe(409);
      expect(answer.body.error.code).toBe('version_conflict');
      expect(answer.body.error.message).toContain('changed in Outlook meanwhile (its time');
      const now = await stack.composed.scheduling.meetings.get(TENANT_ID, meeting.id);
      expect(now?.start.toISOString()).toBe(outlookStart.toISOString());
      // Outlook still has its own change: Confer's refused edit did not overwrite it.
      const event = await graph.get<{ start: { dateTime: string } }>(
        `/users/${PEOPLE.adele.id}/events/${meeting.graphEventId}`,
      );
      expect(event.start.dateTime.startsWith(outlookStart.toISOString().slice(0, 19))).toBe(true);
    } finally {
      await stack.devtenant.control('notifications', { endpointDown: false });
    }
  });

  it('brings an attendee’s proposed time from Outlook to the organizer as a one-click card', async () => {
    const meeting = await schedule();
    const copies = await graph.withICalUId(
      PEOPLE.megan.id,
      meeting.iCalUId as string,
      new Date(meeting.start.getTime() - HOUR),
      new Date(meeting.end.getTime() + HOUR),
    );
    const proposed = new Date(NOW.getTime() + 33 * HOUR);
    await graph.post(`/users/${PEOPLE.megan.id}/events/${copies[0]?.id}/tentativelyAccept`, {
      sendResponse: true,
      proposedNewTime: { start: utc(proposed), end: utc(new Date(proposed.getTime() + HOUR / 2)) },
    });
    const after = await eventually(
      async () => stack.composed.scheduling.meetings.get(TENANT_ID, meeting.id),
      (m) => m?.attendees[0]?.proposedStart !== null,
    );
    expect(after?.attendees[0]).toMatchObject({ response: 'tentativelyAccepted', proposedStart: proposed });
    const cards = stack.composed.db
      .prepare("SELECT kind, user_id FROM outbound_messages WHERE key LIKE 'proposal:' || ? || '%'")
      .all(meeting.id);
    expect(cards).toEqual([{ kind: 'time-proposal', user_id: PEOPLE.adele.id }]);
  });
});
