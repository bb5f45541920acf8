import { gzipSync } from 'node:zlib';
import { LOCAL_TENANT_ID } from '@confer/contracts';
import { Router } from 'express';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryNotificationInbox } from '../../adapters/memory/memory-notification-inbox.ts';
import { createMemorySubscriptionStore } from '../../adapters/memory/memory-subscription-store.ts';
import { AppError } from '../../domain/app-error.ts';
import { clientStateDigest } from '../../domain/client-state.ts';
import { createLogger } from '../../logging/logger.ts';
import type { NotificationInbox } from '../../ports/notification-inbox.ts';
import { aSubscription } from '../../ports/subscription-store.contract.ts';
import type { SubscriptionStore } from '../../ports/subscription-store.ts';
import { TEST_API_CONFIG } from '../../test-support/api-test-app.ts';
import { listen } from '../../test-support/test-server.ts';
import { createApp } from '../create-app.ts';
import { MAX_VALIDATION_TOKEN_CHARS } from './graph-notification-routes.ts';

const NOW = new Date('2026-11-23T09:00:00.000Z');
const SECRET = 'a-secret-client-state-0123456789';
const config = TEST_API_CONFIG;

let subscriptions: SubscriptionStore;
let inbox: NotificationInbox;
let storeReads = 0;
const logLines: string[] = [];
let server: Awaited<ReturnType<typeof listen>>;

beforeAll(async () => {
  const app = createApp({
    config,
    version: 'test',
    logger: createLogger('debug', (line) => logLines.push(line)),
    clock: { now: () => NOW },
    tokens: {
      validate: async () => {
        throw new AppError('token_invalid', 'No tokens here.');
      },
    },
    calendar: {} as never,
    directory: { listPeople: async () => [] },
    teamsSsoEmulator: null,
    botRouter: Router(),
    tabDir: null,
    // The stores are swapped per test; the routes reach them through these forwarding views.
    graphNotifications: {
      subscriptions: {
        save: (s) => subscriptions.save(s),
        find: (id) => {
          storeReads += 1;
          return subscriptions.find(id);
        },
        findByUser: (t, u) => subscriptions.findByUser(t, u),
        markRemoved: (id, r) => subscriptions.markRemoved(id, r),
        listExpiringBefore: (i) => subscriptions.listExpiringBefore(i),
        listActive: () => subscriptions.listActive(),
      },
      inbox: {
        record: (n) => inbox.record(n),
        listPending: (l) => inbox.listPending(l),
        markProcessed: (s) => inbox.markProcessed(s),
        pruneProcessed: (i) => inbox.pruneProcessed(i),
      },
    },
  });
  server = await listen(app);
});
afterAll(() => server.close());

beforeEach(async () => {
  subscriptions = createMemorySubscriptionStore();
  inbox = createMemoryNotificationInbox();
  storeReads = 0;
  logLines.length = 0;
  await subscriptions.save(aSubscription({ tenantId: LOCAL_TENANT_ID, clientStateDigest: clientStateDigest(SECRET) }));
});

const change = (overrides: Record<string, unknown> = {}) => ({
  subscriptionId: 'sub-1',
  subscriptionExpirationDateTime: '2026-11-28T09:00:00.000Z',
  changeType: 'updated',
  resource: 'Users/oid-megan/Events/evt-1',
  resourceData: {
    '@odata.type': '#Microsoft.Graph.Event',
    '@odata.id': 'Users/oid-megan/Events/evt-1',
    '@odata.etag': 'W/"ck-1"',
    id: 'evt-1',
  },
  clientState: SECRET,
  tenantId: LOCAL_TENANT_ID,
  ...overrides,
});
const lifecycle = (lifecycleEvent: string, overrides: Record<string, unknown> = {}) => ({
  subscriptionId: 'sub-1',
  subscriptionExpirationDateTime: '2026-11-28T09:00:00.000Z',
  tenantId: LOCAL_TENANT_ID,
  clientState: SECRET,
  lifecycleEvent,
  ...overrides,
});

const post = (path: string, body: string | Buffer<ArrayBuffer>, headers: Record<string, string> = {}) =>
  fetch(`${server.url}/api/graph/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
    body,
  });
const deliver = (path: 'notifications' | 'lifecycle', value: unknown[]) => post(path, JSON.stringify({ value }));
const pending = () => inbox.listPending(100);

describe.each(['notifications', 'lifecycle'] as const)('validation handshake on /api/graph/%s', (path) => {
  it('answers 200 text/plain with the decoded token, touching no store', async () => {
    const token = 'Validation: Testing client application reachability for subscription Request-Id: 1f2e+a&b';
    const url = new URL(`${server.url}/api/graph/${path}`);
    url.searchParams.append('validationToken', token);
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'text/plain; charset=utf-8' },
      body: '',
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toBe(token);
    expect(storeReads).toBe(0);
    expect(await pending()).toEqual([]);
  });

  it('refuses an empty or overlong token with a coded 400', async () => {
    for (const token of ['', 'x'.repeat(MAX_VALIDATION_TOKEN_CHARS + 1)]) {
      const response = await fetch(`${server.url}/api/graph/${path}?validationToken=${token}`, { method: 'POST' });
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ error: { code: 'bad_request' } });
    }
    expect(storeReads).toBe(0);
  });
});

describe('change notifications', () => {
  it('records a valid notification with 202, and a repeated delivery only once', async () => {
    expect((await deliver('notifications', [change()])).status).toBe(202);
    expect((await deliver('notifications', [change(), change()])).status).toBe(202);
    expect(await pending()).toMatchObject([
      {
        subscriptionId: 'sub-1',
        tenantId: LOCAL_TENANT_ID,
        changeType: 'updated',
        resource: 'Users/oid-megan/Events/evt-1',
        resourceId: 'evt-1',
        lifecycleEvent: null,
        receivedAt: NOW.toISOString(),
        state: 'pending',
      },
    ]);
  });

  it('records a later version of the same event as a new notification', async () => {
    await deliver('notifications', [change()]);
    const next = change({ resourceData: { id: 'evt-1', '@odata.etag': 'W/"ck-2"' } });
    await deliver('notifications', [next]);
    expect(await pending()).toHaveLength(2);
  });

  it('drops forged and unknown items, keeps their valid neighbours, and never logs a clientState', async () => {
    const forged = [
      change({ clientState: 'guessed' }),
      change({ clientState: `${SECRET}x` }),
      change({ subscriptionId: 'sub-unknown' }),
      change({ tenantId: 'another-tenant' }),
      change({ changeType: 'exploded' }),
      { not: 'a notification' },
    ];
    const response = await deliver('notifications', [...forged, change({ resourceData: { id: 'evt-2' } })]);
    expect(response.status).toBe(202);
    expect((await pending()).map((e) => e.resourceId)).toEqual(['evt-2']);
    // One line for the batch, counting each reason, however many items were dropped.
    const dropped = logLines.filter((l) => l.includes('graph notifications dropped'));
    expect(dropped).toHaveLength(1);
    expect(JSON.parse(dropped[0] ?? '{}')).toMatchObject({
      received: forged.length + 1,
      accepted: 1,
      dropped: { 'wrong clientState': 2, 'unknown subscription': 1, 'wrong tenant': 1, malformed: 2 },
    });
    expect(logLines.join('\n')).not.toContain(SECRET);
    expect(logLines.join('\n')).not.toContain('guessed');
  });

  it('reads each subscription once a batch, however many of its notifications the batch carries', async () => {
    const batch = ['evt-a', 'evt-b', 'evt-c'].map((id) => change({ resourceData: { id } }));
    expect((await deliver('notifications', batch)).status).toBe(202);
    expect(storeReads).toBe(1);
    expect(await pending()).toHaveLength(3);
  });

  it('answers 202 to a batch that is all forged, and records nothing', async () => {
    const response = await deliver('notifications', [
      change({ clientState: 'guessed' }),
      change({ subscriptionId: 'x' }),
    ]);
    expect(response.status).toBe(202);
    expect(await pending()).toEqual([]);
  });

  it('drops notifications of a subscription Confer removed', async () => {
    await subscriptions.markRemoved('sub-1', 'no upcoming meetings');
    await deliver('notifications', [change()]);
    expect(await pending()).toEqual([]);
  });

  it('refuses malformed JSON, a wrong content type, an oversized body and a bad envelope, recording nothing', async () => {
    const valid = JSON.stringify({ value: [change()] });
    const cases: [string, Promise<Response>, number, string][] = [
      ['malformed JSON', post('notifications', '{"value": [ {'), 400, 'bad_request'],
      ['text/plain', post('notifications', valid, { 'content-type': 'text/plain' }), 415, 'unsupported_media_type'],
      [
        'no content type',
        fetch(`${server.url}/api/graph/notifications`, { method: 'POST' }),
        415,
        'unsupported_media_type',
      ],
      [
        'oversized',
        post('notifications', JSON.stringify({ value: [change({ resource: 'x'.repeat(300_000) })] })),
        413,
        'payload_too_large',
      ],
      [
        'oversized once unzipped',
        post('notifications', gzipSync(JSON.stringify({ value: [change({ pad: ' '.repeat(300_000) })] })), {
          'content-encoding': 'gzip',
        }),
        413,
        'payload_too_large',
      ],
      ['no value', post('notifications', JSON.stringify({ items: [change()] })), 400, 'validation_failed'],
      ['empty value', post('notifications', JSON.stringify({ value: [] })), 400, 'validation_failed'],
    ];
    for (const [name, request, status, code] of cases) {
      const response = await request;
      expect(response.status, name).toBe(status);
      expect(await response.json(), name).toMatchObject({ error: { code } });
    }
    expect(await pending()).toEqual([]);
  });

  it('is not behind the bearer-token check, while other /api/graph paths are', async () => {
    expect((await deliver('notifications', [change()])).status).toBe(202);
    const other = await fetch(`${server.url}/api/graph/other`, { method: 'POST' });
    expect(other.status).toBe(401);
  });
});

describe('lifecycle notifications', () => {
  it('records each lifecycle event once with 202', async () => {
    const events = ['reauthorizationRequired', 'subscriptionRemoved', 'missed'];
    expect(
      (
        await deliver(
          'lifecycle',
          events.map((e) => lifecycle(e)),
        )
      ).status,
    ).toBe(202);
    expect((await deliver('lifecycle', [lifecycle('missed')])).status).toBe(202);
    expect((await pending()).map((e) => [e.lifecycleEvent, e.changeType])).toEqual(events.map((e) => [e, null]));
  });

  it('drops a wrong clientState, an unknown subscription and a change notification sent to it', async () => {
    const response = await deliver('lifecycle', [
      lifecycle('missed', { clientState: 'guessed' }),
      lifecycle('missed', { subscriptionId: 'sub-unknown' }),
      change(),
    ]);
    expect(response.status).toBe(202);
    expect(await pending()).toEqual([]);
  });

  it('refuses malformed JSON and a wrong content type, recording nothing', async () => {
    expect((await post('lifecycle', '{')).status).toBe(400);
    const wrongType = await post('lifecycle', JSON.stringify({ value: [lifecycle('missed')] }), {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(wrongType.status).toBe(415);
    expect(await pending()).toEqual([]);
  });
});

describe('global limit', () => {
  it('refuses requests over the minute with 429 and retry-after, before reading the body', async () => {
    const app = createApp({
      config,
      version: 'test',
      logger: createLogger('silent'),
      clock: { now: () => NOW },
      tokens: { validate: async () => ({}) as never },
      calendar: {} as never,
      directory: { listPeople: async () => [] },
      teamsSsoEmulator: null,
      botRouter: Router(),
      tabDir: null,
      graphNotifications: { subscriptions, inbox, perMinute: 2 },
    });
    const limited = await listen(app);
    try {
      const send = () =>
        fetch(`${limited.url}/api/graph/notifications`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ value: [change()] }),
        });
      expect((await send()).status).toBe(202);
      expect((await send()).status).toBe(202);
      const refused = await send();
      expect(refused.status).toBe(429);
      expect(refused.headers.get('retry-after')).toBe('60');
      expect(await refused.json()).toMatchObject({ error: { code: 'rate_limited' } });
    } finally {
      await limited.close();
    }
  });
});
