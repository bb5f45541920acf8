import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { LOCAL_CLIENT_ID } from '@confer/contracts';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createGraphSubscriptionGateway } from '../../api/src/adapters/graph/graph-subscription-gateway.ts';
import { AppError } from '../../api/src/domain/app-error.ts';
import type { GraphActor } from '../../api/src/ports/scheduling-gateway.ts';
import type { SubscriptionGateway, SubscriptionRequest } from '../../api/src/ports/subscription-gateway.ts';
import { codeOf, type GraphHarness, PEOPLE, startGraphHarness } from './graph-harness.ts';

/** Seed people outside the Application Access Policy's group, and without a mailbox (seed-people.ts). */
const GRADY = '5f3b8c2e-9a41-4d7e-b6c0-c0de0000001b';
const NORA = '5f3b8c2e-9a41-4d7e-b6c0-c0de00000034';
const DAY_MS = 86_400_000;

/**
 * Confer's notification endpoints as Graph sees them during the handshake: `/ok` answers the validation token,
 * `/refuse` answers 500, `/echo-wrong` answers another token. Every path counts its handshakes.
 */
async function startEndpoint(): Promise<{ url: (path: string) => string; handshakes: string[]; server: Server }> {
  const handshakes: string[] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const token = url.searchParams.get('validationToken');
    if (token !== null) handshakes.push(url.pathname);
    if (url.pathname === '/refuse') return void res.writeHead(500).end();
    const body = url.pathname === '/echo-wrong' ? 'not the token' : (token ?? '');
    res.writeHead(token === null ? 202 : 200, { 'content-type': 'text/plain' }).end(body);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return { url: (path) => `http://localhost:${port}${path}`, handshakes, server };
}

describe('Graph subscriptions through the subscription gateway (devtenant)', () => {
  let h: GraphHarness;
  let gateway: SubscriptionGateway;
  let endpoint: Awaited<ReturnType<typeof startEndpoint>>;
  beforeAll(async () => {
    h = await startGraphHarness();
    gateway = createGraphSubscriptionGateway({ tokens: h.tokens, createClient: h.createClient });
    endpoint = await startEndpoint();
  });
  afterEach(async () => {
    await h.control('throttle-storm/stop', {});
  });
  afterAll(async () => {
    await h?.close();
    await new Promise((done) => endpoint?.server.close(done));
  });

  const request = (userId: string, overrides: Partial<SubscriptionRequest> = {}): SubscriptionRequest => ({
    resource: `/users/${userId}/events`,
    notificationUrl: endpoint.url('/ok'),
    lifecycleNotificationUrl: endpoint.url('/ok-lifecycle'),
    clientState: randomBytes(32).toString('base64url'),
    expiresAt: new Date(h.devtenant.clock.now().getTime() + 3 * DAY_MS),
    ...overrides,
  });

  it('creates, renews, reauthorizes and removes a subscription, with every change type and both URLs', async () => {
    const asked = request(PEOPLE.alexw);
    const grant = await gateway.create(h.appActor, asked);
    expect(grant.resource).toBe(asked.resource);
    expect(grant.expiresAt.getTime()).toBe(asked.expiresAt.getTime());
    expect(endpoint.handshakes.slice(-2)).toEqual(['/ok', '/ok-lifecycle']);
    const stored = await h.graphGet(`/subscriptions/${grant.id}`);
    expect(stored).toMatchObject({
      changeType: 'created,updated,deleted',
      notificationUrl: asked.notificationUrl,
      lifecycleNotificationUrl: asked.lifecycleNotificationUrl,
      resource: asked.resource,
      clientState: asked.clientState,
    });

    const later = new Date(asked.expiresAt.getTime() + 2 * DAY_MS);
    const renewed = await gateway.renew(h.appActor, grant.id, later);
    expect(renewed).toEqual({ id: grant.id, resource: asked.resource, expiresAt: later });
    expect(new Date(String((await h.graphGet(`/subscriptions/${grant.id}`)).expirationDateTime))).toEqual(later);

    await gateway.remove(h.appActor, grant.id);
    await expect(h.graphGet(`/subscriptions/${grant.id}`)).rejects.toThrow(/404/);
  });

  it('treats a subscription Graph no longer has as removed, and as not_found on renew', async () => {
    const grant = await gateway.create(h.appActor, request(PEOPLE.meganb));
    await gateway.remove(h.appActor, grant.id);
    expect(await codeOf(gateway.remove(h.appActor, grant.id))).toBe('resolved');
    const later = new Date(h.devtenant.clock.now().getTime() + 4 * DAY_MS);
    expect(await codeOf(gateway.renew(h.appActor, grant.id, later))).toBe('not_found');
  });

  it('subscribes per user with the delegated token on their own mailbox', async () => {
    const actor = await h.userActor('adelev');
    const grant = await gateway.create(actor, request(PEOPLE.adelev));
    expect(grant.resource).toBe(`/users/${PEOPLE.adelev}/events`);
    const later = new Date(h.devtenant.clock.now().getTime() + 2 * DAY_MS);
    expect((await gateway.renew(actor, grant.id, later)).expiresAt).toEqual(later);
    await gateway.remove(actor, grant.id);
  });

  it('is subscription_refused when an endpoint fails the handshake, and the error never carries the clientState', async () => {
    for (const path of ['/refuse', '/echo-wrong']) {
      const asked = request(PEOPLE.alexw, { notificationUrl: endpoint.url(path) });
      const failure = await gateway.create(h.appActor, asked).catch((error: unknown) => error);
      expect(failure, path).toBeInstanceOf(AppError);
      const error = failure as AppError;
      expect(error.code, path).toBe('subscription_refused');
      expect(error.details).toEqual({ graphCode: 'ValidationError' });
      const body = (error.cause as { body?: unknown }).body;
      expect(JSON.stringify([error.message, error.details, body])).not.toContain(asked.clientState);
    }
    const insecure = request(PEOPLE.alexw, { notificationUrl: 'http://confer.example/graph/notifications' });
    expect(await codeOf(gateway.create(h.appActor, insecure))).toBe('subscription_refused');
  });

  it('keeps the mailbox codes: outside the access policy, no mailbox, consent withdrawn', async () => {
    await h.control('access-policy', { enabled: true });
    try {
      expect(await codeOf(gateway.create(h.appActor, request(GRADY)))).toBe('outside_access_policy');
    } finally {
      await h.control('access-policy', { enabled: false });
    }
    expect(await codeOf(gateway.create(h.appActor, request(NORA)))).toBe('mailbox_not_enabled');

    const grant = { clientId: LOCAL_CLIENT_ID };
    await h.control('consent/admin', { ...grant, granted: false });
    try {
      const actor: GraphActor = await h.userActor('lynner');
      expect(await codeOf(gateway.create(actor, request(PEOPLE.lynner)))).toBe('consent_required');
    } finally {
      await h.control('consent/admin', { ...grant, granted: true });
    }
  });

  it('waits out a short throttle and hands a long one to the caller as graph_throttled', async () => {
    await h.control('throttle-storm', { requests: 1, retryAfterSeconds: 0.1 });
    const grant = await gateway.create(h.appActor, request(PEOPLE.isaiahl));

    await h.control('throttle-storm', { requests: 1, retryAfterSeconds: 120 });
    const renewal = gateway.renew(h.appActor, grant.id, new Date(h.devtenant.clock.now().getTime() + DAY_MS));
    await expect(renewal).rejects.toSatisfy(
      (e) => e instanceof AppError && e.code === 'graph_throttled' && e.retryAfterSeconds === 120,
    );
  });
});
