import { afterEach, describe, expect, it } from 'vitest';
import type { CalendarChange } from '../graph/context.ts';
import { ALEX, appToken, MEGAN, TENANT_ID } from './test-support/fake-graph-context.ts';
import { type Harness, START, startHarness } from './test-support/harness.ts';
import { MINUTE } from './test-support/manual-clock.ts';

let h: Harness;
afterEach(async () => {
  await h.close();
});

const SECOND = 1000;
const eventIdOf = (n: Record<string, unknown>) => (n.resourceData as { id: string }).id;
const lifecycleEvents = () =>
  h.receiver.notifications('/lifecycle').flatMap((post) => post.value.map((n) => n.lifecycleEvent));
const failing = (status: number) => (request: { query: URLSearchParams }) => {
  const token = request.query.get('validationToken');
  return token !== null ? { status: 200, contentType: 'text/plain', body: token } : { status };
};

describe('notification delivery (docs/reference/graph-calendar.md §4)', () => {
  it('POSTs a change notification with subscription, resource, resourceData, clientState and tenant', async () => {
    h = await startHarness();
    const id = await h.subscribe();
    const expiration = (await h.app.call('GET', `/subscriptions/${id}`, appToken())).body.expirationDateTime;
    const change: CalendarChange = {
      tenantId: TENANT_ID,
      mailboxId: ALEX,
      eventId: 'AAMkAD-1',
      changeType: 'updated',
      changeKey: 'CQAAABYAAAD',
    };
    h.feature.onChange(change);
    await h.feature.tick();
    const [post] = h.receiver.notifications('/notify');
    expect(post!.headers['content-type']).toContain('application/json');
    expect(post!.value).toEqual([
      {
        subscriptionId: id,
        subscriptionExpirationDateTime: expiration,
        changeType: 'updated',
        resource: `Users/${ALEX}/Events/AAMkAD-1`,
        resourceData: {
          '@odata.type': '#Microsoft.Graph.Event',
          '@odata.id': `Users/${ALEX}/Events/AAMkAD-1`,
          '@odata.etag': 'W/"CQAAABYAAAD"',
          id: 'AAMkAD-1',
        },
        clientState: 'secret-client-state',
        tenantId: TENANT_ID,
      },
    ]);
  });

  it('notifies only the subscribed change types and mailbox', async () => {
    h = await startHarness();
    await h.subscribe({ changeType: 'deleted' });
    await h.change('evt-1', 'created');
    await h.change('evt-1', 'deleted', MEGAN);
    expect(h.receiver.notifications()).toEqual([]);
    await h.change('evt-1', 'deleted');
    expect(h.receiver.notifications('/notify')[0]!.value[0]).toMatchObject({ changeType: 'deleted' });
  });

  it('batches several notifications, of different subscriptions, in one POST', async () => {
    h = await startHarness();
    const first = await h.subscribe();
    const second = await h.subscribe({ changeType: 'updated' });
    h.feature.onChange({ tenantId: TENANT_ID, mailboxId: ALEX, eventId: 'e1', changeType: 'created' });
    h.feature.onChange({ tenantId: TENANT_ID, mailboxId: ALEX, eventId: 'e1', changeType: 'updated' });
    await h.feature.tick();
    const posts = h.receiver.notifications('/notify');
    expect(posts).toHaveLength(1);
    expect(posts[0]!.value.map((n) => [n.subscriptionId, n.changeType])).toEqual([
      [first, 'created'],
      [first, 'updated'],
      [second, 'updated'],
    ]);
  });

  it('sends at most 50 notifications per POST, oldest first across the POSTs', async () => {
    h = await startHarness();
    const first = await h.subscribe();
    const second = await h.subscribe({ changeType: 'updated' });
    for (let i = 0; i < 60; i += 1) {
      h.feature.onChange({ tenantId: TENANT_ID, mailboxId: ALEX, eventId: `e${i}`, changeType: 'updated' });
    }
    await h.feature.tick();
    const posts = h.receiver.notifications('/notify');
    expect(posts.map((post) => post.value.length)).toEqual([50, 50, 20]);
    const sent = posts.flatMap((post) =>
      post.value.map((n) => `${n.subscriptionId === first ? 1 : 2}:${eventIdOf(n)}`),
    );
    expect(sent).toEqual(Array.from({ length: 60 }, (_, i) => [`1:e${i}`, `2:e${i}`]).flat());
    expect(new Set(posts[0]!.value.map((n) => n.subscriptionId))).toEqual(new Set([first, second]));
  });

  it('retries at 30 s, 1, 2, 4, 8, 16 and 32 min, then hourly, for 4 hours; then sends one missed', async () => {
    h = await startHarness();
    await h.subscribe();
    const attemptsAt: number[] = [];
    h.receiver.behave((request) => {
      if (request.path === '/notify') attemptsAt.push((h.clock.now().getTime() - Date.parse(START)) / SECOND);
      return failing(request.path === '/notify' ? 500 : 202)(request);
    });
    h.feature.onChange({ tenantId: TENANT_ID, mailboxId: ALEX, eventId: 'evt-1', changeType: 'created' });
    h.feature.onChange({ tenantId: TENANT_ID, mailboxId: ALEX, eventId: 'evt-2', changeType: 'created' });
    await h.feature.tick();
    for (let step = 0; step < 6 * 120; step += 1) {
      h.clock.advance(30 * SECOND);
      await h.feature.tick();
    }
    const minutes = [0, 0.5, 1.5, 3.5, 7.5, 15.5, 31.5, 63.5, 123.5, 183.5];
    expect(attemptsAt).toEqual(minutes.map((m) => m * 60));
    expect(h.receiver.notifications('/notify').every((post) => post.value.length === 2)).toBe(true);
    // The next try would be at 243.5 min, past the 4-hour window: both are given up, and the app hears once.
    expect(lifecycleEvents()).toEqual(['missed']);
  });

  it('retries a failed delivery with exponential back-off (30 s, then 60 s) until a 2xx', async () => {
    h = await startHarness();
    await h.subscribe();
    h.receiver.behave(failing(503));
    await h.change('evt-1');
    expect(h.receiver.notifications('/notify')).toHaveLength(1);
    h.clock.advance(29 * SECOND);
    await h.feature.tick();
    expect(h.receiver.notifications('/notify')).toHaveLength(1);
    h.clock.advance(1 * SECOND);
    await h.feature.tick();
    expect(h.receiver.notifications('/notify')).toHaveLength(2);
    h.receiver.behave(failing(200));
    h.clock.advance(59 * SECOND);
    await h.feature.tick();
    expect(h.receiver.notifications('/notify')).toHaveLength(2);
    h.clock.advance(1 * SECOND);
    await h.feature.tick();
    const posts = h.receiver.notifications('/notify');
    expect(posts).toHaveLength(3);
    expect(posts[2]!.value[0]).toMatchObject({ resource: `Users/${ALEX}/Events/evt-1` });
    h.clock.advance(60 * MINUTE);
    await h.feature.tick();
    expect(h.receiver.notifications('/notify')).toHaveLength(3);
  });

  it('treats an answer slower than the client timeout as a failure and retries', async () => {
    h = await startHarness({ deliveryTimeoutMs: 100 });
    await h.subscribe();
    let slow = true;
    h.receiver.behave((request) => {
      const token = request.query.get('validationToken');
      if (token !== null) return { status: 200, contentType: 'text/plain', body: token };
      return slow ? { status: 202, delayMs: 400 } : { status: 202 };
    });
    await h.change('evt-1');
    slow = false;
    h.clock.advance(30 * SECOND);
    await h.feature.tick();
    expect(h.receiver.notifications('/notify')).toHaveLength(2);
    h.clock.advance(60 * MINUTE);
    await h.feature.tick();
    expect(h.receiver.notifications('/notify')).toHaveLength(2);
  });

  it('gives up after 4 hours of failures and sends the missed lifecycle event', async () => {
    h = await startHarness();
    await h.subscribe();
    h.receiver.behave(failing(500));
    await h.change('evt-1');
    for (let minute = 0; minute < 5 * 60; minute += 10) {
      h.clock.advance(10 * MINUTE);
      await h.feature.tick();
    }
    const attempts = h.receiver.notifications('/notify').length;
    expect(attempts).toBeGreaterThan(5);
    expect(attempts).toBeLessThan(15);
    // The lifecycle URL fails too, so the one `missed` is itself retried.
    expect(new Set(lifecycleEvents())).toEqual(new Set(['missed']));
    h.clock.advance(5 * 60 * MINUTE);
    await h.feature.tick();
    expect(h.receiver.notifications('/notify')).toHaveLength(attempts);
  });

  it('stops delivering, even queued retries, once the subscription has expired', async () => {
    h = await startHarness();
    await h.subscribe({ expirationDateTime: new Date(h.clock.now().getTime() + 50 * MINUTE).toISOString() });
    h.receiver.behave(failing(500));
    await h.change('evt-1');
    h.receiver.behave(failing(202));
    h.clock.advance(51 * MINUTE);
    await h.feature.tick();
    expect(h.receiver.notifications('/notify')).toHaveLength(1);
  });
});
