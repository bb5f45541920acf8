import type { MeetingDto } from '@confer/contracts';
import { afterAll, beforeAll, expect } from 'vitest';
import type { Meeting } from '../../../api/src/domain/scheduling/meeting.ts';
import { createControllableClock } from '../../../devtenant/src/index.ts';
import { devtenantGraph, utcInstant } from '../../scheduling/support/devtenant-graph.ts';
import { bodyOf, mail, uniqueTitle } from '../../scheduling/support/scheduling-api.ts';
import { apiAs } from '../../support/api-client.ts';
import { PEOPLE, type Stack, startStack, TENANT_ID } from '../../support/stack.ts';

/** Monday 23 November 2026, 08:00 UTC, whatever day the test runs. */
export const NOW = new Date('2026-11-23T08:00:00Z');
export const HOUR = 3_600_000;

/** A Graph `dateTimeTimeZone` in UTC for an instant. */
export const utc = (instant: Date) => ({ dateTime: instant.toISOString().slice(0, 19), timeZone: 'UTC' });

/** Waits (real time: devtenant delivers on its own timer) until the check passes or ten seconds have gone. */
export async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The organizer's Outlook event as Graph shows it, in the fields Confer follows. */
interface OutlookEvent {
  changeKey: string;
  isCancelled: boolean;
  start: { dateTime: string };
  end: { dateTime: string };
  attendees: { emailAddress: { address: string }; status: { response: string } }[];
}

/**
 * What sync tests share: scheduling through Confer's API, the stored meeting, its queued bot messages, a move
 * made in Outlook (through Graph, as Outlook would), and the check that Confer and Outlook agree.
 */
export function syncHarness(stack: Stack) {
  const graph = devtenantGraph(stack);

  /** Queued bot messages about a meeting: kind and recipient, in key order. */
  const cardsFor = (meetingId: string) =>
    stack.composed.db
      .prepare("SELECT key, kind, user_id FROM outbound_messages WHERE key LIKE '%' || ? || '%' ORDER BY key")
      .all(meetingId) as { key: string; kind: string; user_id: string }[];

  /** How many queued messages of this kind the meeting has for each recipient (a repeat shows as 2). */
  const cardCounts = (meetingId: string, kind: string) => {
    const counts: Record<string, number> = {};
    for (const card of cardsFor(meetingId).filter((c) => c.kind === kind)) {
      counts[card.user_id] = (counts[card.user_id] ?? 0) + 1;
    }
    return counts;
  };

  const stored = async (id: string): Promise<Meeting> => {
    const meeting = await stack.composed.scheduling.meetings.get(TENANT_ID, id);
    if (!meeting) throw new Error(`meeting ${id} is not stored`);
    return meeting;
  };

  /**
   * A meeting organized through Confer (by Adele unless told) 31 hours from NOW, and its Outlook event id, once
   * Confer watches the organizer's calendar.
   */
  const schedule = async (options: { organizer?: string; attendees?: string[] } = {}) => {
    const created = bodyOf<MeetingDto>(
      await apiAs(stack, options.organizer ?? PEOPLE.adele.id).post('/api/meetings', {
        title: uniqueTitle('Sync check-in'),
        agenda: 'What changed this week',
        attendees: options.attendees ?? [mail('meganb')],
        start: new Date(NOW.getTime() + 31 * HOUR).toISOString(),
        end: new Date(NOW.getTime() + 31.5 * HOUR).toISOString(),
        timeZone: 'Europe/London',
        acceptConflicts: true,
      }),
      201,
    );
    await stack.composed.sync.worker.idle();
    const meeting = await stored(created.id);
    return { id: created.id, eventId: meeting.graphEventId as string, organizerId: meeting.organizerId };
  };

  /** Moves the organizer's event in Outlook to start at `start`, an hour long. */
  const moveInOutlook = async (meeting: { eventId: string; organizerId: string }, start: Date) => {
    await graph.patch(`/users/${meeting.organizerId}/events/${meeting.eventId}`, {
      start: utc(start),
      end: utc(new Date(start.getTime() + HOUR)),
    });
  };

  /** Waits until the stored meeting starts at `start`, and answers it. */
  const storedAt = (id: string, start: Date) =>
    eventually(
      () => stored(id),
      (m) => m.start.getTime() === start.getTime(),
    );

  /**
   * Confer's meeting equals the organizer's Outlook event: same version (changeKey), time, people and answers;
   * a cancelled meeting's event is gone or cancelled.
   */
  const expectSameAsOutlook = async (id: string) => {
    const meeting = await stored(id);
    const event = await graph
      .get<OutlookEvent>(`/users/${meeting.organizerId}/events/${meeting.graphEventId}`)
      .catch((error: Error) => {
        if (error.message.includes(' 404 ')) return null;
        throw error;
      });
    if (meeting.status === 'cancelled') {
      expect(event === null || event.isCancelled).toBe(true);
      return;
    }
    expect(event).not.toBeNull();
    if (!event) return;
    expect(meeting.changeKey).toBe(event.changeKey);
    expect(meeting.start.toISOString()).toBe(utcInstant(event.start).toISOString());
    expect(meeting.end.toISOString()).toBe(utcInstant(event.end).toISOString());
    const people = event.attendees
      .filter((a) => a.emailAddress.address.toLowerCase() !== meeting.organizerEmail.toLowerCase())
      .map((a) => [a.emailAddress.address.toLowerCase(), a.status.response]);
    expect(meeting.attendees.map((a) => [a.email, a.response])).toEqual(people);
  };

  return { graph, cardsFor, cardCounts, stored, schedule, moveInOutlook, storedAt, expectSameAsOutlook };
}

export type SyncHarness = ReturnType<typeof syncHarness>;

export type SyncMode = 'tenant' | 'user';

/** devtenant and the app in one connection mode, the tenant clock pinned at NOW (optionally on a kept data folder). */
export const startSyncStack = (mode: SyncMode, dataDir?: string) =>
  startStack({
    tabDir: null,
    connectionMode: mode,
    clock: createControllableClock(NOW),
    ...(dataDir ? { dataDir } : {}),
  });

/**
 * For one `describe`: a stack in `mode` whose sync worker runs, started before its tests and stopped after them.
 * Read `stack` and `sync` inside tests (they are set once the hooks have run).
 */
export function useSyncStack(mode: SyncMode): { stack: Stack; sync: SyncHarness } {
  const context = {} as { stack: Stack; sync: SyncHarness };
  beforeAll(async () => {
    context.stack = await startSyncStack(mode);
    context.sync = syncHarness(context.stack);
    await context.stack.composed.sync.worker.start();
  });
  afterAll(async () => {
    await context.stack?.stop();
  });
  return context;
}
