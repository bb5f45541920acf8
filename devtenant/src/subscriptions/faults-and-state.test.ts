import { afterEach, describe, expect, it } from 'vitest';
import { createSubscriptionsFeature } from './index.ts';
import { ALEX, appToken, createFakeGraphContext, TENANT_ID } from './test-support/fake-graph-context.ts';
import { type Harness, startHarness } from './test-support/harness.ts';
import { MINUTE } from './test-support/manual-clock.ts';
import { startTestGraphApp } from './test-support/test-graph-app.ts';

let h: Harness;
afterEach(async () => {
  await h.close();
});

const delivered = () => h.receiver.notifications('/notify').flatMap((post) => post.value.map((n) => n.resource));
const lifecycleEvents = () =>
  h.receiver.notifications('/lifecycle').flatMap((post) => post.value.map((n) => n.lifecycleEvent));

describe('notification faults (control API)', () => {
  it('drops a notification for good and follows with the missed lifecycle event', async () => {
    h = await startHarness({}, () => 0);
    await h.subscribe();
    h.feature.setFaults({ dropRate: 1 });
    // Two losses before the app hears of the first still call for one resync: one `missed`.
    h.feature.onChange({ tenantId: TENANT_ID, mailboxId: ALEX, eventId: 'evt-1', changeType: 'created' });
    await h.change('evt-2');
    expect(lifecycleEvents()).toEqual(['missed']);
    await h.change('evt-3');
    h.clock.advance(5 * 60 * MINUTE);
    await h.feature.tick();
    expect(delivered()).toEqual([]);
    expect(lifecycleEvents()).toEqual(['missed', 'missed']);
  });

  it('delivers a duplicated notification twice', async () => {
    h = await startHarness({}, () => 0);
    await h.subscribe();
    h.feature.setFaults({ duplicateRate: 1 });
    await h.change('evt-1');
    expect(delivered()).toHaveLength(2);
    expect(new Set(delivered()).size).toBe(1);
  });

  it('delays delivery until the clock has moved by delayMs', async () => {
    h = await startHarness();
    await h.subscribe();
    h.feature.setFaults({ delayMs: 30_000 });
    await h.change('evt-1');
    expect(delivered()).toEqual([]);
    h.clock.advance(30_000);
    await h.feature.tick();
    expect(delivered()).toHaveLength(1);
  });

  it('reorder: notifications due together for one URL go out newest first', async () => {
    h = await startHarness();
    await h.subscribe();
    h.feature.setFaults({ reorder: true, delayMs: MINUTE });
    await h.change('evt-1', 'created');
    await h.change('evt-1', 'updated');
    await h.change('evt-2', 'created');
    await h.change('evt-1', 'deleted');
    expect(delivered()).toEqual([]);
    h.clock.advance(MINUTE);
    await h.feature.tick();
    const posts = h.receiver.notifications('/notify');
    expect(posts).toHaveLength(1);
    expect(posts[0]!.value.map((n) => `${n.changeType} ${String(n.resource).split('/').pop()}`)).toEqual([
      'deleted evt-1',
      'created evt-2',
      'updated evt-1',
      'created evt-1',
    ]);
  });

  it('reorder: past 50 the newest batch is POSTed first; with reorder off the order is kept', async () => {
    h = await startHarness();
    await h.subscribe();
    h.feature.setFaults({ reorder: true, delayMs: MINUTE });
    for (let i = 0; i < 60; i += 1)
      h.feature.onChange({ tenantId: TENANT_ID, mailboxId: ALEX, eventId: `e${i}`, changeType: 'updated' });
    h.clock.advance(MINUTE);
    await h.feature.tick();
    const ids = (post: { value: Record<string, unknown>[] }) =>
      post.value.map((n) => String(n.resource).split('/').pop());
    const [newest, oldest] = h.receiver.notifications('/notify');
    expect(ids(newest!)).toEqual(Array.from({ length: 50 }, (_, i) => `e${59 - i}`));
    expect(ids(oldest!)).toEqual(Array.from({ length: 10 }, (_, i) => `e${9 - i}`));
    h.feature.setFaults({ reorder: false });
    await h.change('later-1');
    h.feature.onChange({ tenantId: TENANT_ID, mailboxId: ALEX, eventId: 'later-2', changeType: 'created' });
    h.feature.onChange({ tenantId: TENANT_ID, mailboxId: ALEX, eventId: 'later-3', changeType: 'created' });
    h.clock.advance(MINUTE);
    await h.feature.tick();
    expect(h.receiver.notifications('/notify').slice(2).flatMap(ids)).toEqual(['later-1', 'later-2', 'later-3']);
  });

  it('rejects fault settings outside their ranges and keeps the old ones', async () => {
    h = await startHarness();
    expect(() => h.feature.setFaults({ dropRate: 1.5 })).toThrow(/dropRate: a rate between 0 and 1/);
    expect(() => h.feature.setFaults({ delayMs: -1 })).toThrow(/delayMs/);
    expect(() => h.feature.setFaults({ endpointDown: 'yes' as unknown as boolean })).toThrow(/endpointDown/);
    expect(h.feature.faults()).toEqual({
      dropRate: 0,
      delayMs: 0,
      duplicateRate: 0,
      reorder: false,
      endpointDown: false,
    });
    await h.subscribe();
    await h.change('evt-1');
    expect(delivered()).toHaveLength(1);
  });

  it('reset() clears subscriptions and faults', async () => {
    h = await startHarness({}, () => 0);
    await h.subscribe();
    h.feature.setFaults({ dropRate: 1, reorder: true, endpointDown: true });
    h.feature.reset();
    expect((await h.app.call('GET', '/subscriptions', appToken())).body.value).toEqual([]);
    await h.subscribe();
    await h.change('evt-1');
    expect(delivered()).toHaveLength(1);
  });
});

describe('persistence', () => {
  it('snapshot() survives a JSON round trip into a new feature, pending retries included', async () => {
    h = await startHarness();
    const id = await h.subscribe();
    h.receiver.behave((r) => {
      const token = r.query.get('validationToken');
      return token !== null ? { status: 200, contentType: 'text/plain', body: token } : { status: 500 };
    });
    await h.change('evt-1');
    const state = JSON.parse(JSON.stringify(h.feature.snapshot()));
    h.receiver.behave((r) => ({ status: 202, body: r.query.get('validationToken') ?? '' }));

    const restored = createSubscriptionsFeature(createFakeGraphContext(h.clock), { fetch });
    const app = await startTestGraphApp(restored);
    try {
      restored.restore(state);
      expect((await app.call('GET', `/subscriptions/${id}`, appToken())).body.clientState).toBe('secret-client-state');
      h.clock.advance(MINUTE);
      await restored.tick();
      const evt1 = `Users/${ALEX}/Events/evt-1`;
      expect(delivered()).toEqual([evt1, evt1]);
      h.clock.advance(60 * MINUTE);
      await restored.tick();
      expect(delivered()).toHaveLength(2);
    } finally {
      restored.close();
      await app.close();
    }
  });

  it('restore() refuses a state it cannot read and keeps what it had', async () => {
    h = await startHarness();
    const id = await h.subscribe();
    expect(() => h.feature.restore({ version: 2 })).toThrow();
    expect((await h.app.call('GET', `/subscriptions/${id}`, appToken())).status).toBe(200);
  });
});
