import { rmSync } from 'node:fs';
import type { AvailabilityResponse } from '@confer/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createControllableClock } from '../../devtenant/src/index.ts';
import { devtenantGraph } from '../scheduling/support/devtenant-graph.ts';
import { bodyOf, mail } from '../scheduling/support/scheduling-api.ts';
import { apiAs } from '../support/api-client.ts';
import { PEOPLE, type Stack, startStack, TENANT_ID } from '../support/stack.ts';
import { directivesOf, writeTabFixture } from './support/app-fixture.ts';
import { rawRequest } from './support/raw-http.ts';

/**
 * The local stack as `npm start` runs it (devtenant + the app with the Teams-host emulation): the tab's headers,
 * who devtenant answers cross-origin, the Host check on both servers, and availability windows that share
 * one Graph request. "Now" is pinned: a Monday morning, so the windows below are the next working day.
 */
let stack: Stack;
let tabDir: string;
let appOrigin: string;
const devtenantPort = () => Number(new URL(stack.devtenant.url).port);
const appPort = () => Number(new URL(stack.appUrl).port);

beforeAll(async () => {
  tabDir = writeTabFixture();
  stack = await startStack({ clock: createControllableClock(new Date('2026-03-02T08:00:00Z')), tabDir });
  appOrigin = new URL(stack.appUrl).origin;
});
afterAll(async () => {
  await stack?.stop();
  rmSync(tabDir, { recursive: true, force: true });
});

describe('the tab’s headers against the local tenant', () => {
  it('lets the emulated Teams host (same origin) frame the tab, MSAL reach devtenant, and nothing else', async () => {
    for (const path of ['/', '/dev/teams-host.html']) {
      const page = await fetch(`${stack.appUrl}${path}`);
      expect(page.status, path).toBe(200);
      const csp = directivesOf(page.headers.get('content-security-policy') ?? '');
      expect(csp.get('frame-ancestors')).toEqual(
        expect.arrayContaining(["'self'", 'https://teams.microsoft.com', 'https://*.cloud.microsoft']),
      );
      expect(csp.get('connect-src')).toEqual(expect.arrayContaining(["'self'", stack.devtenant.url]));
      expect(csp.get('script-src')).toEqual(["'self'"]);
      expect(page.headers.get('x-content-type-options')).toBe('nosniff');
      expect(page.headers.get('referrer-policy')).toBe('no-referrer');
      // Plain http on localhost: HSTS would pin localhost to https for every other local project.
      expect(page.headers.get('strict-transport-security')).toBeNull();
    }
  });
});

describe('devtenant answers browsers only from the app’s origin, only where a browser needs it', () => {
  const tokenPath = `/${TENANT_ID}/oauth2/v2.0/token`;
  const preflight = (path: string, origin: string) =>
    stack.trustedFetch(`${stack.devtenant.url}${path}`, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });

  it('answers the tab’s origin on the token and discovery endpoints (msal-browser redeems codes there)', async () => {
    const answer = await preflight(tokenPath, appOrigin);
    expect(answer.status).toBe(204);
    expect(answer.headers.get('access-control-allow-origin')).toBe(appOrigin);
    const metadata = await stack.trustedFetch(
      `${stack.devtenant.url}/${TENANT_ID}/v2.0/.well-known/openid-configuration`,
      { headers: { origin: appOrigin } },
    );
    expect(metadata.headers.get('access-control-allow-origin')).toBe(appOrigin);
  });

  it('gives an unknown origin no Access-Control-Allow-Origin anywhere', async () => {
    for (const origin of ['https://evil.example', 'http://localhost:1', 'null']) {
      const token = await preflight(tokenPath, origin);
      expect(token.headers.get('access-control-allow-origin'), origin).toBeNull();
      const metadata = await stack.trustedFetch(
        `${stack.devtenant.url}/${TENANT_ID}/v2.0/.well-known/openid-configuration`,
        { headers: { origin } },
      );
      expect(metadata.status).toBe(200);
      expect(metadata.headers.get('access-control-allow-origin'), origin).toBeNull();
    }
  });

  it('never answers Graph or the control API cross-origin, not even from the tab’s origin', async () => {
    for (const path of ['/v1.0/me', '/_devtenant/teams-sso-token', '/_devtenant/info']) {
      const answer = await preflight(path, appOrigin);
      expect(answer.headers.get('access-control-allow-origin'), path).toBeNull();
      const get = await stack.trustedFetch(`${stack.devtenant.url}${path}`, { headers: { origin: appOrigin } });
      expect(get.headers.get('access-control-allow-origin'), path).toBeNull();
    }
  });
});

describe('a foreign Host header (DNS rebinding) is refused by both servers', () => {
  const devtenant = (path: string, host: string) =>
    rawRequest(stack.devtenant.url, { path, headers: { host }, caPem: stack.devtenant.caPem });

  it('devtenant answers only localhost, 127.0.0.1 and [::1] on its own port (421 host_not_allowed)', async () => {
    const port = devtenantPort();
    const metadata = `/${TENANT_ID}/v2.0/.well-known/openid-configuration`;
    for (const host of [`localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`]) {
      expect((await devtenant(metadata, host)).status, host).toBe(200);
    }
    for (const host of [
      `evil.example:${port}`,
      `localhost:${port + 1}`,
      'localhost',
      `devtenant.evil.example:${port}`,
    ]) {
      for (const path of [metadata, '/_devtenant/info', '/v1.0/me']) {
        const refused = await devtenant(path, host);
        expect(refused.status, `${host} ${path}`).toBe(421);
        expect(refused.json()).toMatchObject({ error: { code: 'host_not_allowed', message: expect.any(String) } });
      }
    }
  });

  it('the app refuses a page’s own host name on the tab, the API, the bot and the emulation', async () => {
    const host = `evil.example:${appPort()}`;
    for (const path of ['/', '/api/config', '/dev/teams-host.html', '/dev/api/people']) {
      const refused = await rawRequest(stack.appUrl, { path, headers: { host } });
      expect(refused.status, path).toBe(421);
      expect(refused.json()).toMatchObject({ error: { code: 'host_not_allowed' } });
    }
    const bot = await rawRequest(stack.appUrl, {
      path: '/api/messages',
      method: 'POST',
      headers: { host, 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message', text: 'upcoming', conversation: { id: 'c1' } }),
    });
    expect(bot.status).toBe(421);
  });
});

describe('availability windows a moment apart share one Graph request', () => {
  const megan = () => apiAs(stack, PEOPLE.megan.id);
  const graphRequests = async () =>
    ((await (await stack.devtenant.control('counters')).json()) as { graphRequests: number }).graphRequests;
  const shifted = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString();

  it('asks Graph once for windows shifted by a millisecond, and answers each only with its own window', async () => {
    // A meeting that ends exactly where the asked window starts: inside the widened window Graph is asked for,
    // outside the one the caller asked for.
    await devtenantGraph(stack).createEvent(PEOPLE.megan.id, {
      subject: 'Ends at ten',
      start: { dateTime: '2026-03-03T09:50:00', timeZone: 'UTC' },
      end: { dateTime: '2026-03-03T10:00:00', timeZone: 'UTC' },
      showAs: 'busy',
    });
    const api = megan();
    const ask = (start: string, end: string) =>
      api.post<AvailabilityResponse>('/api/availability', { attendees: [mail('adelev')], start, end });
    const start = '2026-03-03T10:00:00.001Z';
    const end = '2026-03-04T10:00:00.001Z';
    const first = bodyOf<AvailabilityResponse>(await ask(start, end), 200);

    const before = await graphRequests();
    // Anything within the same quarter hours: a millisecond, half a second, a minute, almost the whole quarter.
    for (const ms of [1, 2, 500, 60_000, 14 * 60_000 - 2]) {
      bodyOf<AvailabilityResponse>(await ask(shifted(start, ms), shifted(end, ms)), 200);
    }
    expect(await graphRequests()).toBe(before);

    for (const person of first.people) {
      for (const block of person.blocks) {
        expect(Date.parse(block.end), block.subject ?? person.person.email).toBeGreaterThan(Date.parse(start));
        expect(Date.parse(block.start)).toBeLessThan(Date.parse(end));
      }
    }
    const organizer = first.people.find((p) => p.isOrganizer);
    expect(organizer?.blocks.map((b) => b.subject)).not.toContain('Ends at ten');
    // The same meeting is there for a window that does include it.
    const earlier = bodyOf<AvailabilityResponse>(await ask('2026-03-03T09:55:00Z', end), 200);
    expect(earlier.people.find((p) => p.isOrganizer)?.blocks.map((b) => b.subject)).toContain('Ends at ten');
  });
});

describe('the bot endpoint holds one conversation to 60 activities a minute', () => {
  const activity = (conversation: string, sender: string) => ({
    type: 'typing',
    id: `typing-${Math.random().toString(36).slice(2)}`,
    channelId: 'msteams',
    conversation: { id: conversation, conversationType: 'personal', tenantId: TENANT_ID },
    from: { id: `29:${sender}`, name: sender },
    recipient: { id: '28:confer-bot', name: 'Confer' },
    channelData: { tenant: { id: TENANT_ID } },
  });
  const send = (conversation: string, sender: string) =>
    fetch(`${stack.appUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity(conversation, sender)),
    });

  it('answers the 61st with 429 rate_limited and Retry-After, and keeps answering other conversations', async () => {
    for (let index = 0; index < 60; index++) {
      const accepted = await send('a:flooded', 'flooder');
      expect(accepted.status, `activity ${index + 1}: ${await accepted.text()}`).toBeLessThan(300);
    }
    const refused = await send('a:flooded', 'flooder');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await refused.json()).toMatchObject({ error: { code: 'rate_limited', message: expect.any(String) } });
    expect((await send('a:quiet', 'someone-else')).status).toBeLessThan(300);
  });
});
