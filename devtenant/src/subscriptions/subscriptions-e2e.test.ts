import { randomBytes } from 'node:crypto';
import { LOCAL_CLIENT_ID } from '@confer/contracts';
import { GraphError } from '@microsoft/microsoft-graph-client';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createControllableClock } from '../core/clock.ts';
import { type DevTenant, startDevTenant } from '../index.ts';
import { createDevTenantClients, type DevTenantClients } from './test-support/devtenant-clients.ts';
import { startWebhookReceiver, type WebhookReceiver, wellBehaved } from './test-support/webhook-receiver.ts';

const CONFER = LOCAL_CLIENT_ID;
const OTHER_APP = '11111111-2222-4333-8444-555555555555';
const NO_CALENDAR_APP = '22222222-3333-4444-8555-666666666666';
const ALEX = '00000000-0000-0000-0000-0000000000020';
const MINUTE = 60_000;

let devtenant: DevTenant;
let clients: DevTenantClients;
let receiver: WebhookReceiver;
const secret = randomBytes(24).toString('base64url');
const tokens: Record<string, string> = {};

function registration(clientId: string, roles: string[]) {
  return {
    clientId,
    clientSecret: secret,
    displayName: clientId,
    identifierUris: [`api://localhost:3978/${clientId}`],
    redirectUris: ['http://localhost:3978/'],
    exposedScopes: ['access_as_user'],
    adminConsent: { delegated: [], roles },
  };
}

beforeAll(async () => {
  devtenant = await startDevTenant({
    port: 0,
    mode: 'test',
    clock: createControllableClock(new Date('2026-03-02T09:00:00Z')),
    apps: [
      registration(CONFER, ['Calendars.ReadWrite']),
      registration(OTHER_APP, ['Calendars.Read']),
      registration(NO_CALENDAR_APP, ['User.Read.All']),
    ],
  });
  clients = createDevTenantClients(devtenant.origin, devtenant.tenantId, devtenant.caPem);
  receiver = await startWebhookReceiver();
});
// A test that moves the tenant clock outlives the tokens it held: each test gets its own, as a client would.
beforeEach(async () => {
  for (const app of [CONFER, OTHER_APP, NO_CALENDAR_APP]) tokens[app] = await clients.appToken(app, secret);
});
afterAll(async () => {
  await receiver?.close();
  await devtenant?.close();
});

const inMinutes = (minutes: number) => new Date(devtenant.clock.now().getTime() + minutes * MINUTE).toISOString();
const subscriptionBody = (overrides: Record<string, unknown> = {}) => ({
  changeType: 'created,updated,deleted',
  notificationUrl: `${receiver.url}/notify`,
  lifecycleNotificationUrl: `${receiver.url}/lifecycle`,
  resource: `/users/${ALEX}/events`,
  expirationDateTime: inMinutes(3 * 24 * 60),
  clientState: 'e2e-client-state',
  ...overrides,
});

async function graphError(call: Promise<unknown>): Promise<GraphError> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof GraphError)) throw new Error(`expected a GraphError, got ${String(error)}`);
  return error;
}

async function waitForLifecycle(subscriptionId: string) {
  for (let i = 0; i < 100; i += 1) {
    const found = receiver
      .notifications('/lifecycle')
      .flatMap((post) => post.value)
      .find((n) => n.subscriptionId === subscriptionId);
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`no lifecycle notification for ${subscriptionId}`);
}

/** Deliveries are asynchronous HTTP calls; wait for the receiver to see them (not for any timer). */
async function waitForNotification(eventId: string) {
  for (let i = 0; i < 100; i += 1) {
    const found = receiver
      .notifications('/notify')
      .flatMap((post) => post.value)
      .find((n) => {
        const data = n.resourceData as { id?: string } | undefined;
        return data?.id === eventId;
      });
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`no notification for ${eventId}`);
}

describe('subscriptions through devtenant (msal-node + Graph client) (docs/reference/graph-calendar.md §4)', () => {
  it('creates a subscription after the validation handshake and notifies an event created through Graph', async () => {
    const graph = clients.graph(tokens[CONFER]!);
    const earlier = receiver.requests.length;
    const sub = await graph.api('/subscriptions').post(subscriptionBody());
    expect(sub).toMatchObject({
      applicationId: CONFER,
      clientState: 'e2e-client-state',
      changeType: 'created,updated,deleted',
    });
    expect(
      receiver.requests
        .slice(earlier)
        .filter((r) => r.query.has('validationToken'))
        .map((r) => r.path),
    ).toEqual(['/notify', '/lifecycle']);

    const event = await graph.api(`/users/${ALEX}/events`).post({
      subject: 'Subscription check',
      start: { dateTime: '2026-03-04T10:00:00', timeZone: 'UTC' },
      end: { dateTime: '2026-03-04T10:30:00', timeZone: 'UTC' },
    });
    const notification = await waitForNotification(event.id);
    expect(notification).toMatchObject({
      subscriptionId: sub.id,
      changeType: 'created',
      clientState: 'e2e-client-state',
      tenantId: devtenant.tenantId,
      resourceData: { '@odata.type': '#Microsoft.Graph.Event', id: event.id },
    });
    await graph.api(`/subscriptions/${sub.id}`).delete();
  });

  it('surfaces a failed handshake as a 400 ValidationError GraphError', async () => {
    receiver.behave(() => ({ status: 500 }));
    try {
      const error = await graphError(clients.graph(tokens[CONFER]!).api('/subscriptions').post(subscriptionBody()));
      expect(error.statusCode).toBe(400);
      expect(error.code).toBe('ValidationError');
    } finally {
      receiver.behave(wellBehaved);
    }
  });

  it('raises a short expiration to 45 minutes and renews with PATCH (raw HTTP)', async () => {
    const headers = { authorization: `Bearer ${tokens[CONFER]}`, 'content-type': 'application/json' };
    const created = await clients.fetch(`${devtenant.origin}/v1.0/subscriptions`, {
      method: 'POST',
      headers,
      body: JSON.stringify(subscriptionBody({ expirationDateTime: inMinutes(10) })),
    });
    expect(created.status).toBe(201);
    const sub = (await created.json()) as { id: string; expirationDateTime: string };
    expect(Date.parse(sub.expirationDateTime) - devtenant.clock.now().getTime()).toBeGreaterThan(44 * MINUTE);
    const renewed = await clients.fetch(`${devtenant.origin}/v1.0/subscriptions/${sub.id}`, {
      method: 'PATCH',
      headers,
      body: JSON.stringify({ expirationDateTime: inMinutes(600) }),
    });
    expect(renewed.status).toBe(200);
    // The tenant clock runs on in real time between the two readings.
    const renewedAt = Date.parse(((await renewed.json()) as { expirationDateTime: string }).expirationDateTime);
    expect(Math.abs(renewedAt - Date.parse(inMinutes(600)))).toBeLessThan(5_000);
    const removed = await clients.fetch(`${devtenant.origin}/v1.0/subscriptions/${sub.id}`, {
      method: 'DELETE',
      headers,
    });
    expect(removed.status).toBe(204);
  });

  it('hides a subscription from another app (404) and refuses an app without calendar roles (403) (docs/reference/graph-calendar.md §8)', async () => {
    const sub = await clients.graph(tokens[CONFER]!).api('/subscriptions').post(subscriptionBody());
    const hidden = await graphError(clients.graph(tokens[OTHER_APP]!).api(`/subscriptions/${sub.id}`).get());
    expect(hidden.statusCode).toBe(404);
    const denied = await graphError(
      clients.graph(tokens[NO_CALENDAR_APP]!).api('/subscriptions').post(subscriptionBody()),
    );
    expect(denied.statusCode).toBe(403);
    await clients.graph(tokens[CONFER]!).api(`/subscriptions/${sub.id}`).delete();
  });

  it('a subscription not renewed by its expiration is gone once the tenant clock passes it', async () => {
    const graph = clients.graph(tokens[CONFER]!);
    const sub = await graph.api('/subscriptions').post(subscriptionBody({ expirationDateTime: inMinutes(60) }));
    devtenant.clock.advance(61 * MINUTE);
    // The hour also outlived the access token; a fresh one is needed, as against Entra.
    const fresh = clients.graph(await clients.appToken(CONFER, secret));
    const error = await graphError(fresh.api(`/subscriptions/${sub.id}`).get());
    expect(error.statusCode).toBe(404);
    const list = await fresh.api('/subscriptions').get();
    expect(list.value.map((s: { id: string }) => s.id)).not.toContain(sub.id);
  });

  it('challenges a subscription within an hour of expiry with reauthorizationRequired', async () => {
    const graph = clients.graph(tokens[CONFER]!);
    const sub = await graph.api('/subscriptions').post(subscriptionBody({ expirationDateTime: inMinutes(50) }));
    const notification = await waitForLifecycle(sub.id);
    expect(notification).toMatchObject({
      lifecycleEvent: 'reauthorizationRequired',
      clientState: 'e2e-client-state',
      tenantId: devtenant.tenantId,
    });
    await graph.api(`/subscriptions/${sub.id}/reauthorize`).post(undefined);
    await graph.api(`/subscriptions/${sub.id}`).delete();
  });
});
