import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientStateDigest, newClientState } from '../../api/src/domain/client-state.ts';
import type { InboxEntry } from '../../api/src/ports/notification-inbox.ts';
import { createControllableClock } from '../../devtenant/src/index.ts';
import { PEOPLE, type Stack, startStack, TENANT_ID } from '../support/stack.ts';

/** Monday 23 November 2026, 08:00 UTC, whatever day the test runs. */
const NOW = new Date('2026-11-23T08:00:00Z');
const DAY = 86_400_000;

/**
 * Outlook change notifications end to end: a subscription made in devtenant as Confer's app (as the code that
 * creates them will), whose validation handshake reaches Confer's endpoint; then changes to Adele's calendar
 * made through Graph arrive in Confer's inbox, each once, with lifecycle events on their own URL.
 */
describe('Outlook change notifications reach the inbox', () => {
  let stack: Stack;
  let token: string;
  let subscriptionId: string;

  const graph = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await stack.trustedFetch(`${stack.devtenant.url}/v1.0${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`devtenant Graph ${method} ${path}: ${response.status} ${text}`);
    return (text ? JSON.parse(text) : null) as T;
  };

  /** Waits (real time; delivery runs on devtenant's timer) until the inbox holds `count` entries. */
  const inboxHolds = async (count: number): Promise<InboxEntry[]> => {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const pending = await stack.composed.sync.inbox.listPending(100);
      if (pending.length >= count || Date.now() > deadline) return pending;
      await new Promise((done) => setTimeout(done, 50));
    }
  };
  /** Long enough for a second (duplicate) delivery to have landed had it been recorded. */
  const settle = () => new Promise((done) => setTimeout(done, 500));

  beforeAll(async () => {
    stack = await startStack({ tabDir: null, clock: createControllableClock(NOW) });
    token = await stack.appGraphToken();
    const clientState = newClientState();
    const resource = `/users/${PEOPLE.adele.id}/events`;
    const created = await graph<{ id: string; expirationDateTime: string }>('POST', '/subscriptions', {
      changeType: 'created,updated,deleted',
      notificationUrl: `${stack.appUrl}/api/graph/notifications`,
      lifecycleNotificationUrl: `${stack.appUrl}/api/graph/lifecycle`,
      resource,
      expirationDateTime: new Date(NOW.getTime() + 2 * DAY).toISOString(),
      clientState,
    });
    subscriptionId = created.id;
    await stack.composed.sync.subscriptions.save({
      id: created.id,
      tenantId: TENANT_ID,
      userId: PEOPLE.adele.id,
      resource,
      mode: 'tenant',
      clientStateDigest: clientStateDigest(clientState),
      expiresAt: created.expirationDateTime,
      createdAt: NOW.toISOString(),
      renewedAt: null,
      status: { state: 'active' },
    });
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('records a created and an updated event, each once even when Graph delivers it twice', async () => {
    // Every notification is POSTed twice from here on, as Graph may.
    expect((await stack.devtenant.control('notifications', { dropRate: 0, delayMs: 0, duplicateRate: 1 })).ok).toBe(
      true,
    );
    const start = new Date(NOW.getTime() + DAY);
    const event = await graph<{ id: string }>('POST', `/users/${PEOPLE.adele.id}/events`, {
      subject: 'Planning, booked in Outlook',
      start: { dateTime: start.toISOString().slice(0, 19), timeZone: 'UTC' },
      end: { dateTime: new Date(start.getTime() + 1_800_000).toISOString().slice(0, 19), timeZone: 'UTC' },
    });
    expect(await inboxHolds(1)).toHaveLength(1);
    await graph('PATCH', `/users/${PEOPLE.adele.id}/events/${event.id}`, { subject: 'Planning, moved in Outlook' });
    await inboxHolds(2);
    await settle();
    const pending = await stack.composed.sync.inbox.listPending(100);
    expect(pending.map((e) => [e.subscriptionId, e.changeType, e.resourceId])).toEqual([
      [subscriptionId, 'created', event.id],
      [subscriptionId, 'updated', event.id],
    ]);
    expect(pending.every((e) => e.tenantId === TENANT_ID && e.state === 'pending')).toBe(true);
    // The tenant clock starts at NOW and runs on in real time: received within the test's first minute.
    for (const entry of pending) {
      expect(Date.parse(entry.receivedAt)).toBeGreaterThanOrEqual(NOW.getTime());
      expect(Date.parse(entry.receivedAt)).toBeLessThan(NOW.getTime() + 60_000);
    }
    await stack.devtenant.control('notifications', { dropRate: 0, delayMs: 0, duplicateRate: 0 });
  });

  it('records a lifecycle event sent to the lifecycle URL', async () => {
    const before = (await stack.composed.sync.inbox.listPending(100)).length;
    const fired = await stack.devtenant.control(`subscriptions/${subscriptionId}/lifecycle`, { event: 'missed' });
    expect(fired.ok).toBe(true);
    const pending = await inboxHolds(before + 1);
    expect(pending.slice(before).map((e) => [e.subscriptionId, e.lifecycleEvent, e.changeType])).toEqual([
      [subscriptionId, 'missed', null],
    ]);
  });
});
