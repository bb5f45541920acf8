import type { MeetingDto } from '@confer/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { type DevtenantGraph, devtenantGraph } from '../scheduling/support/devtenant-graph.ts';
import { restartedApp } from '../scheduling/support/restart.ts';
import { bodyOf, mail, uniqueTitle } from '../scheduling/support/scheduling-api.ts';
import { apiAs } from '../support/api-client.ts';
import { PEOPLE, type Stack, TENANT_ID } from '../support/stack.ts';
import { HOUR, NOW, useSyncStack } from './support/sync-harness.ts';

const DAY = 24 * HOUR;

/**
 * The subscriptions behind sync, over their life: one per organizer however often the app starts, renewed before
 * Graph would drop them, and gone when nobody needs them (no upcoming Confer meeting, or the person disconnects).
 */
describe.each(['tenant', 'user'] as const)('Outlook subscriptions over their life (%s mode)', (mode) => {
  const context = useSyncStack(mode);
  let stack: Stack;
  let graph: DevtenantGraph;
  let adele: ReturnType<typeof apiAs>;
  beforeAll(() => {
    ({ stack } = context);
    graph = context.sync.graph;
    adele = apiAs(stack, PEOPLE.adele.id);
  });

  const adeles = () => stack.composed.sync.subscriptions.findByUser(TENANT_ID, PEOPLE.adele.id);
  const active = async () => (await adeles()).filter((s) => s.status.state === 'active');
  /** Whether Graph (devtenant) still has the subscription. */
  const inGraph = async (id: string) =>
    graph.get(`/subscriptions/${id}`).then(
      () => true,
      (error: Error) => {
        if (error.message.includes(' 404 ')) return false;
        throw error;
      },
    );
  const schedule = async (hoursAhead: number) => {
    const created = bodyOf<MeetingDto>(
      await adele.post('/api/meetings', {
        title: uniqueTitle('Subscription check'),
        attendees: [mail('meganb')],
        start: new Date(stack.devtenant.clock.now().getTime() + hoursAhead * HOUR).toISOString(),
        end: new Date(stack.devtenant.clock.now().getTime() + (hoursAhead + 0.5) * HOUR).toISOString(),
        timeZone: 'Europe/London',
        acceptConflicts: true,
      }),
      201,
    );
    await stack.composed.sync.worker.idle();
    return created;
  };

  it('makes one subscription however often the app starts', async () => {
    await schedule(30);
    const [first] = await active();
    expect(first).toBeDefined();
    const again = restartedApp(stack);
    try {
      await again.sync.worker.start();
      await again.sync.worker.maintain();
    } finally {
      await again.close();
    }
    expect((await active()).map((s) => s.id)).toEqual([first?.id]);
    expect(await inGraph(first?.id as string)).toBe(true);
  });

  it('renews a subscription that has less than a day left', async () => {
    await schedule(30);
    const [before] = await active();
    if (!before) throw new Error('not watching');
    // As an earlier run left it: Graph's copy expires in twelve hours.
    const soon = new Date(stack.devtenant.clock.now().getTime() + 12 * HOUR).toISOString();
    await stack.composed.sync.subscriptions.save({ ...before, expiresAt: soon });
    await stack.composed.sync.worker.maintain();
    const [after] = await active();
    expect(after?.id).toBe(before.id);
    expect(Date.parse(after?.expiresAt as string)).toBeGreaterThan(Date.parse(soon) + DAY);
    expect(after?.renewedAt).not.toBeNull();
    const inDevtenant = await graph.get<{ expirationDateTime: string }>(`/subscriptions/${before.id}`);
    expect(Date.parse(inDevtenant.expirationDateTime)).toBe(Date.parse(after?.expiresAt as string));
  });

  it('removes the subscription once its owner has no upcoming Confer meeting', async () => {
    await schedule(30);
    const [watched] = await active();
    const upcoming = bodyOf<{ meetings: MeetingDto[] }>(await adele.get('/api/meetings?scope=upcoming'), 200);
    for (const meeting of upcoming.meetings.filter((m) => m.status === 'scheduled')) {
      bodyOf(await adele.post(`/api/meetings/${meeting.id}/cancel`, { version: meeting.version }), 200);
    }
    await stack.composed.sync.worker.maintain();
    expect(await active()).toEqual([]);
    expect((await adeles()).find((s) => s.id === watched?.id)?.status).toEqual({
      state: 'removed',
      reason: 'no upcoming Confer meetings',
    });
    expect(await inGraph(watched?.id as string)).toBe(false);
  });
});

describe('Outlook subscriptions when someone disconnects (per-user mode)', () => {
  const context = useSyncStack('user');

  it('deletes the subscription with the person’s own token before forgetting it', async () => {
    const { stack } = context;
    const adele = apiAs(stack, PEOPLE.adele.id);
    bodyOf<MeetingDto>(
      await adele.post('/api/meetings', {
        title: uniqueTitle('Before disconnecting'),
        attendees: [mail('meganb')],
        start: new Date(NOW.getTime() + 30 * HOUR).toISOString(),
        end: new Date(NOW.getTime() + 30.5 * HOUR).toISOString(),
        timeZone: 'Europe/London',
        acceptConflicts: true,
      }),
      201,
    );
    await stack.composed.sync.worker.idle();
    const [watched] = await stack.composed.sync.subscriptions.findByUser(TENANT_ID, PEOPLE.adele.id);
    expect(watched?.status).toEqual({ state: 'active' });
    expect((await adele.delete('/api/me/connection')).status).toBe(200);
    const [after] = await stack.composed.sync.subscriptions.findByUser(TENANT_ID, PEOPLE.adele.id);
    expect(after?.status).toEqual({ state: 'removed', reason: 'disconnected' });
    const graph = devtenantGraph(stack);
    await expect(graph.get(`/subscriptions/${watched?.id}`)).rejects.toThrow(/ 404 /);
    // Alignment does not watch a disconnected calendar again.
    await stack.composed.sync.worker.maintain();
    const all = await stack.composed.sync.subscriptions.findByUser(TENANT_ID, PEOPLE.adele.id);
    expect(all.filter((s) => s.status.state === 'active')).toEqual([]);
  });
});
