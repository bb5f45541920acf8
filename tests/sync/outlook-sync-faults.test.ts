import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MeetingDto } from '@confer/contracts';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ComposedApp } from '../../api/src/compose.ts';
import { restartedApp } from '../scheduling/support/restart.ts';
import { bodyOf } from '../scheduling/support/scheduling-api.ts';
import { apiAs } from '../support/api-client.ts';
import { CLIENT_ID, PEOPLE, type Stack, TENANT_ID } from '../support/stack.ts';
import {
  eventually,
  HOUR,
  type SyncMode as Mode,
  NOW,
  type SyncHarness,
  startSyncStack,
  syncHarness,
  useSyncStack,
} from './support/sync-harness.ts';

const MINUTE = 60_000;

/** The pieces of a running stack these tests drive: Graph's faults, its clock, lifecycle events, the stores. */
function faultKit(stack: Stack) {
  const control = async (path: string, body: unknown) => {
    const response = await stack.devtenant.control(path, body);
    if (!response.ok) throw new Error(`devtenant ${path}: ${response.status} ${await response.text()}`);
    return response.json();
  };
  const sync = () => stack.composed.sync;
  return {
    /** Replaces Graph's notification faults (fields left out go back to none). */
    faults: (settings: Record<string, unknown>) => control('notifications', settings),
    /** Moves the tenant clock; devtenant then delivers whatever became due. */
    advance: (ms: number) => control('clock/advance', { ms }),
    fire: (subscriptionId: string, event: 'reauthorizationRequired' | 'subscriptionRemoved' | 'missed') =>
      control(`subscriptions/${subscriptionId}/lifecycle`, { event }),
    control,
    /** The organizer's one active subscription. */
    async activeOf(userId: string) {
      const active = (await sync().subscriptions.findByUser(TENANT_ID, userId)).filter(
        (s) => s.status.state === 'active',
      );
      expect(active).toHaveLength(1);
      return active[0] as NonNullable<(typeof active)[0]>;
    },
    /** Waits until the inbox has nothing pending, then for the worker's background work. */
    async settled() {
      const pending = await eventually(
        () => sync().inbox.listPending(10),
        (entries) => entries.length === 0,
      );
      expect(pending).toEqual([]);
      await sync().worker.idle();
    },
    historyFromOutlook: async (meetingId: string) =>
      (await stack.composed.scheduling.history.list(TENANT_ID, meetingId)).filter((h) => h.summary.includes('Outlook')),
  };
}

/**
 * After one change, nobody got the same kind of card twice about the meeting (reminders are one per offset, so
 * left out): a change applied twice would show as a second notice of a later version.
 */
function expectEachCardOnce(harness: SyncHarness, meetingId: string) {
  const seen = new Map<string, number>();
  for (const card of harness.cardsFor(meetingId).filter((c) => c.kind !== 'reminder')) {
    const key = `${card.kind} → ${card.user_id}`;
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  expect([...seen].filter(([, count]) => count > 1)).toEqual([]);
}

/** A sync stack for one describe, with Graph's notification faults cleared after each test. */
function useFaultStack(mode: Mode) {
  const context = useSyncStack(mode);
  afterEach(async () => {
    await faultKit(context.stack).faults({});
  });
  return context;
}

/**
 * Graph delivering badly: notifications repeated, late, out of order, or not at all while Confer's endpoint is
 * away. Whatever arrives, Confer ends where Outlook is, reads each changed event once and tells people once.
 */
describe.each(['tenant', 'user'] as const)('Outlook sync when Graph delivers badly (%s mode)', (mode) => {
  const context = useFaultStack(mode);
  let stack: Stack;
  let sync: SyncHarness;
  let kit: ReturnType<typeof faultKit>;
  beforeAll(() => {
    ({ stack, sync } = context);
    kit = faultKit(stack);
  });

  it('reads a change notified twice once, and tells Megan once', async () => {
    const meeting = await sync.schedule();
    await kit.faults({ duplicateRate: 1 });
    const before = stack.composed.sync.worker.totals();
    const start = new Date(NOW.getTime() + 40 * HOUR);
    await sync.moveInOutlook(meeting, start);
    expect((await sync.storedAt(meeting.id, start)).start).toEqual(start);
    await kit.settled();
    expect(stack.composed.sync.worker.totals().reads - before.reads).toBe(1);
    expect(sync.cardCounts(meeting.id, 'change-notice')).toEqual({ [PEOPLE.megan.id]: 1 });
    expect((await kit.historyFromOutlook(meeting.id)).map((h) => h.summary)).toEqual(['Moved in Outlook']);
    expectEachCardOnce(sync, meeting.id);
    await sync.expectSameAsOutlook(meeting.id);
  });

  it('applies a late notification only once it arrives', async () => {
    const meeting = await sync.schedule();
    await kit.faults({ delayMs: MINUTE });
    const start = new Date(NOW.getTime() + 41 * HOUR);
    await sync.moveInOutlook(meeting, start);
    await stack.composed.sync.worker.drain();
    expect((await sync.stored(meeting.id)).start).toEqual(new Date(NOW.getTime() + 31 * HOUR));
    await kit.advance(MINUTE + 1_000);
    expect((await sync.storedAt(meeting.id, start)).start).toEqual(start);
    await kit.settled();
    await sync.expectSameAsOutlook(meeting.id);
  });

  it('ends at the latest of two Outlook moves when their notifications arrive newest first', async () => {
    const meeting = await sync.schedule();
    await kit.faults({ delayMs: MINUTE, reorder: true });
    const first = new Date(NOW.getTime() + 42 * HOUR);
    const second = new Date(NOW.getTime() + 43 * HOUR);
    await sync.moveInOutlook(meeting, first);
    await sync.moveInOutlook(meeting, second);
    await kit.advance(MINUTE + 1_000);
    expect((await sync.storedAt(meeting.id, second)).start).toEqual(second);
    await kit.settled();
    expect((await sync.stored(meeting.id)).start).toEqual(second);
    // Confer read the event as it is now, so it never passed through the first time.
    const moves = await kit.historyFromOutlook(meeting.id);
    expect(moves.map((h) => h.summary)).toEqual(['Moved in Outlook']);
    expect(sync.cardCounts(meeting.id, 'change-notice')).toEqual({ [PEOPLE.megan.id]: 1 });
    await sync.expectSameAsOutlook(meeting.id);
  });

  it('catches up after its endpoint was away for ten minutes', async () => {
    const meeting = await sync.schedule();
    const was = (await sync.stored(meeting.id)).start;
    await kit.faults({ endpointDown: true });
    const start = new Date(NOW.getTime() + 44 * HOUR);
    await sync.moveInOutlook(meeting, start);
    // Minute by minute, so Graph's retries fall as they would through a real outage (30 s, 1 min, 2 min, 4 min…).
    for (let minute = 0; minute < 10; minute++) await kit.advance(MINUTE);
    await stack.composed.sync.worker.drain();
    expect((await sync.stored(meeting.id)).start).toEqual(was);
    await kit.faults({ endpointDown: false });
    // At most five tries fit in the outage, so the next one waits at most 8 minutes (+10 %) after the last.
    await kit.advance(9 * MINUTE);
    expect((await sync.storedAt(meeting.id, start)).start).toEqual(start);
    await kit.settled();
    expect(sync.cardCounts(meeting.id, 'change-notice')).toEqual({ [PEOPLE.megan.id]: 1 });
    await sync.expectSameAsOutlook(meeting.id);
  });

  it('hears nothing back from its own create, change and cancel', async () => {
    const adele = apiAs(stack, PEOPLE.adele.id);
    const before = stack.composed.sync.worker.totals();
    const meeting = await sync.schedule();
    const current = bodyOf<MeetingDto>(await adele.get(`/api/meetings/${meeting.id}`), 200);
    const start = new Date(NOW.getTime() + 45 * HOUR);
    bodyOf(
      await adele.patch(`/api/meetings/${meeting.id}`, {
        version: current.version,
        start: start.toISOString(),
        end: new Date(start.getTime() + HOUR).toISOString(),
        acceptConflicts: true,
      }),
      200,
    );
    const echoed = await eventually(
      async () => stack.composed.sync.worker.totals(),
      (t) => t.echoes > before.echoes,
    );
    expect(echoed.echoes).toBeGreaterThan(before.echoes);
    await kit.settled();
    await sync.expectSameAsOutlook(meeting.id);
    const changed = await sync.stored(meeting.id);
    bodyOf(await adele.post(`/api/meetings/${meeting.id}/cancel`, { version: changed.version }), 200);
    const afterCancel = await eventually(
      async () => stack.composed.sync.worker.totals(),
      (t) => t.processed > echoed.processed,
    );
    expect(afterCancel.processed).toBeGreaterThan(echoed.processed);
    await kit.settled();
    expect(stack.composed.sync.worker.totals().reads).toBe(before.reads);
    expect(await kit.historyFromOutlook(meeting.id)).toEqual([]);
    expect((await sync.stored(meeting.id)).status).toBe('cancelled');
    // Megan hears of Confer's two changes, once each, and of nothing from Outlook.
    const notices = stack.composed.db
      .prepare("SELECT payload_json FROM outbound_messages WHERE kind = 'change-notice' AND key LIKE '%' || ? || '%'")
      .all(meeting.id) as { payload_json: string }[];
    expect(notices.map((n) => JSON.parse(n.payload_json)).map((p) => [p.change, p.origin ?? 'confer'])).toEqual([
      ['rescheduled', 'confer'],
      ['cancelled', 'confer'],
    ]);
    await sync.expectSameAsOutlook(meeting.id);
  });
});

/**
 * Graph's lifecycle events: a subscription Graph removed is made again, a lost delta position starts over, and a
 * reauthorization is answered by renewing.
 */
describe.each(['tenant', 'user'] as const)(
  'Outlook subscriptions through Graph’s lifecycle events (%s mode)',
  (mode) => {
    const context = useFaultStack(mode);
    let stack: Stack;
    let sync: SyncHarness;
    let kit: ReturnType<typeof faultKit>;
    beforeAll(() => {
      ({ stack, sync } = context);
      kit = faultKit(stack);
    });

    it('watches again when Graph removes the subscription, and picks up a change made meanwhile', async () => {
      const meeting = await sync.schedule();
      const old = await kit.activeOf(PEOPLE.adele.id);
      // Away while Graph removes it, so the change below is made with no subscription and no one told.
      await kit.faults({ endpointDown: true });
      await kit.fire(old.id, 'subscriptionRemoved');
      const start = new Date(NOW.getTime() + 46 * HOUR);
      await sync.moveInOutlook(meeting, start);
      await kit.faults({});
      await kit.advance(MINUTE);
      expect((await sync.storedAt(meeting.id, start)).start).toEqual(start);
      await kit.settled();
      const renewed = await kit.activeOf(PEOPLE.adele.id);
      expect(renewed.id).not.toBe(old.id);
      expect(await stack.composed.sync.subscriptions.find(old.id)).toMatchObject({
        status: { state: 'removed', reason: 'removed by Graph' },
      });
      const listed = await sync.graph.get<{ value: { id: string }[] }>('/subscriptions');
      expect(listed.value.map((s) => s.id)).toContain(renewed.id);
      expect(listed.value.map((s) => s.id)).not.toContain(old.id);
      expect(sync.cardCounts(meeting.id, 'change-notice')).toEqual({ [PEOPLE.megan.id]: 1 });
      await sync.expectSameAsOutlook(meeting.id);
    });

    it('starts the delta over when its position expired and Graph reports a missed notification', async () => {
      const meeting = await sync.schedule();
      const position = await stack.composed.sync.worker.deps.deltaStates.get(TENANT_ID, PEOPLE.adele.id);
      expect(position).toBeDefined();
      await kit.control('delta-tokens/expire', { mailbox: PEOPLE.adele.id });
      await kit.faults({ dropRate: 1 });
      const resyncedBefore = stack.composed.sync.worker.totals().resynced;
      const start = new Date(NOW.getTime() + 47 * HOUR);
      await sync.moveInOutlook(meeting, start);
      expect((await sync.storedAt(meeting.id, start)).start).toEqual(start);
      await kit.settled();
      expect(stack.composed.sync.worker.totals().resynced).toBeGreaterThan(resyncedBefore);
      const fresh = await stack.composed.sync.worker.deps.deltaStates.get(TENANT_ID, PEOPLE.adele.id);
      expect(fresh?.deltaLink).not.toBe(position?.deltaLink);
      expect(sync.cardCounts(meeting.id, 'change-notice')).toEqual({ [PEOPLE.megan.id]: 1 });
      await sync.expectSameAsOutlook(meeting.id);
    });

    it('renews when Graph asks for reauthorization, and keeps hearing changes after the grace period', async () => {
      const meeting = await sync.schedule();
      const before = await kit.activeOf(PEOPLE.adele.id);
      await kit.advance(5 * MINUTE);
      await kit.fire(before.id, 'reauthorizationRequired');
      const after = await eventually(
        () => kit.activeOf(PEOPLE.adele.id),
        (s) => s.renewedAt !== before.renewedAt,
      );
      expect(after.id).toBe(before.id);
      expect(Date.parse(after.renewedAt ?? '')).toBeGreaterThanOrEqual(NOW.getTime() + 5 * MINUTE);
      expect(Date.parse(after.expiresAt)).toBeGreaterThan(Date.parse(before.expiresAt));
      // Unrenewed, Graph would pause delivery ten minutes after asking.
      await kit.advance(11 * MINUTE);
      const start = new Date(NOW.getTime() + 48 * HOUR);
      await sync.moveInOutlook(meeting, start);
      expect((await sync.storedAt(meeting.id, start)).start).toEqual(start);
      await kit.settled();
      await sync.expectSameAsOutlook(meeting.id);
    });
  },
);

/**
 * The process dies after Graph got its 202 and before the worker looked: the notification waits in the inbox on
 * disk, and the next start applies it, once.
 */
describe.each(['tenant', 'user'] as const)('a restart between acknowledging and processing (%s mode)', (mode) => {
  let stack: Stack;
  let dataDir: string;
  let again: ComposedApp | undefined;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'confer-sync-restart-'));
    stack = await startSyncStack(mode, dataDir);
  });
  afterAll(async () => {
    await again?.close();
    await stack?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('applies the recorded change after the restart, once', async () => {
    const sync = syncHarness(stack);
    // This app's worker never starts: it records notifications and acknowledges them, nothing more.
    const dying = stack.composed.sync;
    const meeting = await sync.schedule();
    await dying.worker.maintain();
    expect(await dying.subscriptions.findByUser(TENANT_ID, PEOPLE.adele.id)).toHaveLength(1);
    const start = new Date(NOW.getTime() + 49 * HOUR);
    await sync.moveInOutlook(meeting, start);
    const pending = await eventually(
      () => dying.inbox.listPending(10),
      (entries) => entries.some((e) => e.resourceId === meeting.eventId),
    );
    expect(pending.map((e) => e.resourceId)).toContain(meeting.eventId);
    expect((await sync.stored(meeting.id)).start).toEqual(new Date(NOW.getTime() + 31 * HOUR));
    await dying.worker.stop();

    again = restartedApp(stack);
    await again.sync.worker.start();
    await again.sync.worker.idle();
    expect(await again.sync.inbox.listPending(10)).toEqual([]);
    expect((await sync.stored(meeting.id)).start).toEqual(start);
    const moves = (await stack.composed.scheduling.history.list(TENANT_ID, meeting.id)).filter(
      (h) => h.summary === 'Moved in Outlook',
    );
    expect(moves).toHaveLength(1);
    expect(sync.cardCounts(meeting.id, 'change-notice')).toEqual({ [PEOPLE.megan.id]: 1 });
    expectEachCardOnce(sync, meeting.id);
    await sync.expectSameAsOutlook(meeting.id);
  });
});

/**
 * Renewal refused because the person's access went away: their connection says so, the audit log has it for
 * administrators, and Confer neither retries in a loop nor prompts twice.
 */
describe('a renewal Graph refuses', () => {
  let stack: Stack | undefined;
  afterEach(async () => {
    await stack?.stop();
    stack = undefined;
  });

  /** Patti organizes a meeting and Confer watches her calendar; then `takeAccess` runs and Graph asks to reauthorize. */
  async function refuseRenewalFor(mode: Mode, takeAccess: (kit: ReturnType<typeof faultKit>) => Promise<void>) {
    stack = await startSyncStack(mode);
    const kit = faultKit(stack);
    await stack.composed.sync.worker.start();
    // She opened the tab, which connected her: Confer knows her and her connection.
    const connected = bodyOf<{ status: string }>(await apiAs(stack, PEOPLE.patti.id).post('/api/me/connection'), 200);
    expect(connected.status).toBe('connected');
    await syncHarness(stack).schedule({ organizer: PEOPLE.patti.id });
    const subscription = await kit.activeOf(PEOPLE.patti.id);
    await takeAccess(kit);
    await kit.fire(subscription.id, 'reauthorizationRequired');
    const deps = stack.composed.sync.worker.deps;
    const refused = await eventually(
      () => deps.subscriptions.find(subscription.id),
      (s) => s?.status.state === 'failed',
    );
    expect(refused?.status.state).toBe('failed');
    // Alignment (and another reauthorization request) do not ask Graph again while nothing changed.
    await kit.fire(subscription.id, 'reauthorizationRequired');
    await kit.settled();
    await stack.composed.sync.worker.maintain();
    const audit = (await deps.audit.list(TENANT_ID, 100)).filter((a) => a.action === 'sync.subscription_refused');
    const reconnects = (
      stack.composed.db
        .prepare("SELECT key FROM outbound_messages WHERE kind = 'reconnect' AND user_id = ?")
        .all(PEOPLE.patti.id) as { key: string }[]
    ).length;
    return {
      status: (await deps.connections.getUser(TENANT_ID, PEOPLE.patti.id))?.connectionStatus,
      audit: audit.map((a) => [a.target, a.details.subscriptionId]),
      reconnects,
      subscriptionId: subscription.id,
    };
  }

  it('per-user mode: her refresh token revoked, the connection says expired and she gets one reconnect prompt', async () => {
    const outcome = await refuseRenewalFor('user', async (kit) => {
      await kit.control('refresh-tokens/revoke', { userId: PEOPLE.patti.id, clientId: CLIENT_ID });
      // Graph asks once the token Confer holds has run out; the refresh token that would replace it is gone.
      await kit.advance(61 * MINUTE);
    });
    expect(outcome.status).toBe('expired');
    expect(outcome.audit).toEqual([[PEOPLE.patti.id, outcome.subscriptionId]]);
    expect(outcome.reconnects).toBe(1);
  });

  it('tenant mode: her mailbox denied by the access policy, the connection says outside scope', async () => {
    const outcome = await refuseRenewalFor('tenant', async (kit) => {
      await kit.control('access-policy', { enabled: true, appId: CLIENT_ID, accessRight: 'DenyAccess' });
    });
    expect(outcome.status).toBe('outside_scope');
    expect(outcome.audit).toEqual([[PEOPLE.patti.id, outcome.subscriptionId]]);
    // Only an administrator can change the policy: she is told once that Confer cannot use her calendar.
    expect(outcome.reconnects).toBe(1);
  });
});
