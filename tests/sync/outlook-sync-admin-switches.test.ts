import { beforeAll, describe, expect, it } from 'vitest';
import { apiAs } from '../support/api-client.ts';
import { PEOPLE, type Stack } from '../support/stack.ts';
import { eventually, HOUR, NOW, type SyncHarness, useSyncStack } from './support/sync-harness.ts';

/**
 * An admin's switches are safe for meetings already scheduled: while the integration is off Confer calls no Graph
 * and what Outlook sends is not applied, and the moment it is back on (or the mode changes) Confer reads what
 * changed meanwhile — without waiting for the six-hourly delta round.
 */
describe.each(['tenant', 'user'] as const)('Outlook sync across the admin switches (%s mode)', (mode) => {
  const context = useSyncStack(mode);
  let stack: Stack;
  let sync: SyncHarness;
  beforeAll(() => {
    ({ stack, sync } = context);
  });

  /** Megan holds Confer.Admin in the local tenant; she saves settings through the admin API as the tab does. */
  async function adminSets(changes: { connectionMode?: 'user' | 'tenant'; integrationEnabled?: boolean }) {
    const admin = apiAs(stack, PEOPLE.megan.id);
    const { updatedAt: _updatedAt, ...current } = (await admin.get<Record<string, unknown>>('/api/admin/settings'))
      .body;
    expect((await admin.put('/api/admin/settings', { ...current, ...changes })).status).toBe(200);
  }

  const graphRequests = async () =>
    ((await (await stack.devtenant.control('counters')).json()) as { graphRequests: number }).graphRequests;

  it('applies nothing while the integration is off, and catches up with a move made meanwhile once it is on', async () => {
    const meeting = await sync.schedule();
    await adminSets({ integrationEnabled: false });

    const moved = new Date(NOW.getTime() + 52 * HOUR);
    await sync.moveInOutlook(meeting, moved);
    const requestsAfterMove = await graphRequests();
    // The notification arrives and is not applied: Confer reads no calendar while the integration is off.
    await eventually(
      async () => (await stack.composed.sync.inbox.listPending(100)).length,
      (pending) => pending === 0,
    );
    await stack.composed.sync.worker.idle();
    expect(await graphRequests()).toBe(requestsAfterMove);
    expect((await sync.stored(meeting.id)).start.toISOString()).toBe(new Date(NOW.getTime() + 31 * HOUR).toISOString());

    await adminSets({ integrationEnabled: true });
    const after = await sync.storedAt(meeting.id, moved);
    expect(after.start.toISOString()).toBe(moved.toISOString());
    await sync.expectSameAsOutlook(meeting.id);
  });

  it('keeps a meeting scheduled before the admin switched the connection mode in step with Outlook', async () => {
    const meeting = await sync.schedule();
    await adminSets({ connectionMode: mode === 'tenant' ? 'user' : 'tenant' });
    await stack.composed.sync.worker.idle();
    const moved = new Date(NOW.getTime() + 55 * HOUR);
    await sync.moveInOutlook(meeting, moved);
    if (mode === 'tenant') {
      // Now per-user: Confer acts on Adele's calendar only with her own consent, which she never gave. Nothing is
      // read with the organisation's permission any more; once she connects, Confer reads what it missed.
      await eventually(
        async () => (await stack.composed.sync.inbox.listPending(100)).length,
        (pending) => pending === 0,
      );
      await stack.composed.sync.worker.idle();
      expect((await sync.stored(meeting.id)).start.getTime()).not.toBe(moved.getTime());
      expect((await apiAs(stack, PEOPLE.adele.id).post('/api/me/connection', {})).body).toMatchObject({
        status: 'connected',
      });
    }
    expect((await sync.storedAt(meeting.id, moved)).start.toISOString()).toBe(moved.toISOString());
    await sync.expectSameAsOutlook(meeting.id);
    await adminSets({ connectionMode: mode });
  });
});
