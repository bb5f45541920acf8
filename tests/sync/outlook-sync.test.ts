import type { MeetingDto } from '@confer/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DevtenantGraph } from '../scheduling/support/devtenant-graph.ts';
import { bodyOf, mail } from '../scheduling/support/scheduling-api.ts';
import { apiAs } from '../support/api-client.ts';
import { PEOPLE, type Stack, TENANT_ID } from '../support/stack.ts';
import { eventually, HOUR, NOW, type SyncHarness, useSyncStack } from './support/sync-harness.ts';

/**
 * Two-way sync end to end, in both connection modes: Adele organizes through Confer, then people change the
 * meeting in Outlook (through Graph, as Outlook would); Graph's notifications reach Confer's endpoint, the worker
 * reads each changed event once and the Confer meeting, its history and the bot's queued cards follow.
 */
describe.each(['tenant', 'user'] as const)('Outlook changes flow back to Confer (%s mode)', (mode) => {
  const context = useSyncStack(mode);
  let stack: Stack;
  let graph: DevtenantGraph;
  let adele: ReturnType<typeof apiAs>;
  let sync: SyncHarness;
  beforeAll(() => {
    ({ stack, sync } = context);
    graph = sync.graph;
    adele = apiAs(stack, PEOPLE.adele.id);
  });

  const cardsFor = (meetingId: string) => sync.cardsFor(meetingId);
  const meetingOf = async (id: string) => bodyOf<MeetingDto>(await adele.get(`/api/meetings/${id}`), 200);
  const stored = (id: string) => sync.stored(id);
  const schedule = (attendees?: string[]) => sync.schedule(attendees ? { attendees } : {});

  it('watches the organizer’s calendar once, with a subscription that names Confer’s delivery URLs', async () => {
    await schedule();
    await schedule();
    const subscriptions = await stack.composed.sync.subscriptions.findByUser(TENANT_ID, PEOPLE.adele.id);
    expect(subscriptions.filter((s) => s.status.state === 'active')).toHaveLength(1);
    expect(subscriptions[0]?.mode).toBe(mode);
    const listed = await graph.get<{ value: { id: string; notificationUrl: string; resource: string }[] }>(
      '/subscriptions',
    );
    if (mode === 'tenant') {
      const mine = listed.value.find((s) => s.id === subscriptions[0]?.id);
      expect(mine?.notificationUrl).toBe(`${stack.appUrl}/api/graph/notifications`);
      expect(mine?.resource).toBe(`/users/${PEOPLE.adele.id}/events`);
    }
  });

  it('follows a move made in Outlook: new time in the API, history says Outlook, Megan gets one change notice', async () => {
    const meeting = await schedule();
    const { id } = meeting;
    const before = await stored(id);
    const start = new Date(NOW.getTime() + 50 * HOUR);
    await sync.moveInOutlook(meeting, start);
    const after = await sync.storedAt(id, start);
    expect(after.end.getTime()).toBe(start.getTime() + HOUR);
    expect(after.version).toBeGreaterThan(before.version);
    expect((await meetingOf(id)).start).toBe(start.toISOString());
    const history = await stack.composed.scheduling.history.list(TENANT_ID, id);
    expect(history.at(-1)).toMatchObject({ kind: 'rescheduled', summary: 'Moved in Outlook', actorId: null });
    const notices = cardsFor(id).filter((c) => c.kind === 'change-notice');
    expect(notices.map((c) => c.user_id)).toEqual([PEOPLE.megan.id]);
  });

  it('does not announce Confer’s own change back to anyone (echo recognised by changeKey)', async () => {
    const { id } = await schedule();
    const current = await meetingOf(id);
    const { echoes: echoesBefore, reads: readsBefore } = stack.composed.sync.worker.totals();
    const start = new Date(NOW.getTime() + 55 * HOUR);
    bodyOf<MeetingDto>(
      await adele.patch(`/api/meetings/${id}`, {
        version: current.version,
        start: start.toISOString(),
        end: new Date(start.getTime() + HOUR / 2).toISOString(),
        acceptConflicts: true,
      }),
      200,
    );
    const totals = await eventually(
      async () => stack.composed.sync.worker.totals(),
      (t) => t.echoes > echoesBefore,
    );
    expect(totals.echoes).toBeGreaterThan(echoesBefore);
    await stack.composed.sync.worker.idle();
    // Recognised without reading the event.
    expect(stack.composed.sync.worker.totals().reads).toBe(readsBefore);
    const history = await stack.composed.scheduling.history.list(TENANT_ID, id);
    expect(history.filter((h) => h.summary.includes('Outlook'))).toEqual([]);
    // Confer's own change notice, and nothing from sync.
    expect(cardsFor(id).filter((c) => c.kind === 'change-notice')).toHaveLength(1);
  });

  it('shows a decline made in Outlook and gives the organizer the reschedule card', async () => {
    const { id } = await schedule();
    const meeting = await stored(id);
    const copies = await graph.withICalUId(
      PEOPLE.megan.id,
      meeting.iCalUId as string,
      new Date(meeting.start.getTime() - HOUR),
      new Date(meeting.end.getTime() + HOUR),
    );
    await graph.post(`/users/${PEOPLE.megan.id}/events/${copies[0]?.id}/decline`, { sendResponse: true });
    const after = await eventually(
      () => stored(id),
      (m) => m.attendees[0]?.response === 'declined',
    );
    expect(after.attendees[0]?.response).toBe('declined');
    expect((await meetingOf(id)).attendees[0]?.response).toBe('declined');
    const organizerCards = cardsFor(id).filter((c) => c.user_id === PEOPLE.adele.id && c.kind !== 'reminder');
    expect(organizerCards.map((c) => c.kind).sort()).toEqual(['organizer-update', 'reschedule-options']);
  });

  it('marks someone invited in Outlook as added there, and drops someone removed there', async () => {
    const { id, eventId } = await schedule([mail('meganb'), mail('alexw')]);
    await graph.patch(`/users/${PEOPLE.adele.id}/events/${eventId}`, {
      attendees: [
        { emailAddress: { address: mail('meganb'), name: 'Megan Bowen' }, type: 'required' },
        { emailAddress: { address: mail('isaiahl'), name: 'Isaiah Langer' }, type: 'required' },
      ],
    });
    const after = await eventually(
      () => stored(id),
      (m) => m.attendees.some((a) => a.email === mail('isaiahl')),
    );
    expect(after.attendees.map((a) => [a.email, a.addedInOutlook])).toEqual([
      [mail('meganb'), false],
      [mail('isaiahl'), true],
    ]);
    expect(after.attendees[1]?.userId).toBe(PEOPLE.isaiah.id);
  });

  it('cancels the Confer meeting when the event is deleted in Outlook, keeping its history', async () => {
    const { id, eventId } = await schedule();
    await graph.delete(`/users/${PEOPLE.adele.id}/events/${eventId}`);
    const after = await eventually(
      () => stored(id),
      (m) => m.status === 'cancelled',
    );
    expect(after.status).toBe('cancelled');
    const history = await stack.composed.scheduling.history.list(TENANT_ID, id);
    expect(history.map((h) => h.kind)).toEqual(['created', 'cancelled']);
    expect(cardsFor(id).some((c) => c.kind === 'change-notice' && c.user_id === PEOPLE.megan.id)).toBe(true);
  });

  it('converges by delta after Graph drops a notification and reports it missed', async () => {
    const meeting = await schedule();
    expect((await stack.devtenant.control('notifications', { dropRate: 1, delayMs: 0, duplicateRate: 0 })).ok).toBe(
      true,
    );
    try {
      const start = new Date(NOW.getTime() + 75 * HOUR);
      await sync.moveInOutlook(meeting, start);
      const after = await sync.storedAt(meeting.id, start);
      expect(after.start.toISOString()).toBe(start.toISOString());
    } finally {
      await stack.devtenant.control('notifications', { dropRate: 0, delayMs: 0, duplicateRate: 0 });
    }
  });
});
