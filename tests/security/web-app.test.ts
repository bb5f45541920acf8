import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AppFixture,
  directivesOf,
  LOCAL_ENV,
  PRODUCTION_ENV,
  startApp,
  TAB_FILES,
} from './support/app-fixture.ts';
import { rawRequest } from './support/raw-http.ts';

/** Microsoft's Teams, Outlook and Microsoft 365 hosts that may frame a tab — and nothing else. */
const TEAMS_AND_M365_HOSTS = [
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://teams.cloud.microsoft',
  'https://*.cloud.microsoft',
  'https://*.office.com',
  'https://*.office365.com',
  'https://outlook.office.com',
  'https://outlook.office365.com',
  'https://*.outlook.com',
  'https://*.microsoft365.com',
  'https://www.microsoft365.com',
];
const PUBLIC_HOST = PRODUCTION_ENV.TAB_DOMAIN;

describe('the app in production (a real tenant at confer.contoso.com)', () => {
  let app: AppFixture;
  beforeAll(async () => {
    app = await startApp(PRODUCTION_ENV);
  });
  afterAll(() => app?.close());
  const get = (path: string, host: string = PUBLIC_HOST) => rawRequest(app.url, { path, headers: { host } });

  it('serves the tab with a CSP that lets it run and be framed by Teams, Outlook and Microsoft 365 only', async () => {
    const page = await get('/');
    expect(page.status).toBe(200);
    const csp = directivesOf(page.headers['content-security-policy']);
    expect(csp.get('frame-ancestors')?.sort()).toEqual([...TEAMS_AND_M365_HOSTS].sort());
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('connect-src')).toEqual(expect.arrayContaining(["'self'", 'https://login.microsoftonline.com']));
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'self'"]);
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect(page.headers['strict-transport-security']).toBe('max-age=31536000');
  });

  it('closes API answers completely: nothing in them runs, loads or is framed', async () => {
    const config = await get('/api/config');
    expect(config.status).toBe(200);
    expect(directivesOf(config.headers['content-security-policy'])).toEqual(
      new Map([
        ['default-src', ["'none'"]],
        ['frame-ancestors', ["'none'"]],
      ]),
    );
    expect(config.headers['x-content-type-options']).toBe('nosniff');
    expect(config.headers['strict-transport-security']).toBe('max-age=31536000');
  });

  it('refuses any Host but its public one with 421 host_not_allowed, loopback names included', async () => {
    expect((await get('/api/config', 'confer.contoso.com:443')).status).toBe(200);
    expect((await get('/api/config', 'CONFER.contoso.com')).status).toBe(200);
    for (const host of ['evil.example', `evil.example:${app.port}`, `localhost:${app.port}`, `127.0.0.1:${app.port}`]) {
      for (const path of ['/', '/api/config', '/api/messages']) {
        const refused = await get(path, host);
        expect(refused.status, `${host} ${path}`).toBe(421);
        expect(refused.json()).toMatchObject({ error: { code: 'host_not_allowed', message: expect.any(String) } });
      }
    }
  });

  it('answers health and readiness for any Host, as load balancers probe them by address', async () => {
    const health = await get('/api/health', `10.0.0.7:${app.port}`);
    expect(health.status).toBe(200);
    expect(health.json()).toMatchObject({ status: 'ok' });
    const ready = await get('/api/ready', `10.0.0.7:${app.port}`);
    expect(ready.status).toBe(200);
    expect(ready.json()).toMatchObject({ status: 'ready' });
    expect((await get('/api/config', `10.0.0.7:${app.port}`)).status).toBe(421);
  });

  it.each([
    '/dev/teams-host.html',
    '/dev/',
    '/dev',
    '/DEV/teams-host.html',
    '/Dev/Teams-Host.html',
    '/%64ev/teams-host.html',
    '/%64%65%76/teams-host.html',
    '/%44EV/teams-host.html',
    '/dev%2Fteams-host.html',
    '/dev%2fteams-host.html',
    '/%2564ev/teams-host.html',
    '/dev%5Cteams-host.html',
    '/./dev/teams-host.html',
    '//dev/teams-host.html',
    '/assets/../dev/teams-host.html',
    '/assets/%2e%2e/dev/teams-host.html',
    '/dev/./teams-host.html',
  ])('never serves the Teams-host emulation at %s (404 not_found)', async (path) => {
    const answer = await get(path);
    expect(answer.status).toBe(404);
    expect(answer.json()).toMatchObject({ error: { code: 'not_found' } });
    expect(answer.body).not.toContain('Teams host emulation');
  });

  it('refuses a path that is not valid percent-encoding with 400 bad_request', async () => {
    const answer = await get('/%64ev/teams-host.html%');
    expect(answer.status).toBe(400);
    expect(answer.json()).toMatchObject({ error: { code: 'bad_request' } });
  });

  it('still serves the rest of the tab, including names that merely start with "dev"', async () => {
    expect((await get('/')).body).toBe(TAB_FILES['index.html']);
    expect((await get('/devices.html')).body).toBe(TAB_FILES['devices.html']);
  });

  it('serves the admin consent return page without a token, as a page under the tab’s CSP, never cached', async () => {
    // Entra's redirect carries no Confer token: the page is public, and an answer to no link of Confer's is a 400.
    const page = await get('/admin/consent/return?admin_consent=True&tenant=x&state=not-a-state-of-confer');
    expect(page.status).toBe(400);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect(directivesOf(page.headers['content-security-policy']).get('script-src')).toEqual(["'self'"]);
    expect(page.body).toContain('consent_request_invalid');
    expect(page.body).not.toMatch(/<script/i);
    expect(page.body).toContain('href="https://confer.contoso.com/#/admin"');
    const elsewhere = await get('/admin/consent/return', 'evil.example');
    expect(elsewhere.status).toBe(421);
  });
});

describe('the app on a developer machine (plain http, local names)', () => {
  let app: AppFixture;
  beforeAll(async () => {
    app = await startApp(LOCAL_ENV);
  });
  afterAll(() => app?.close());
  const get = (path: string, host: string) => rawRequest(app.url, { path, headers: { host } });

  it('answers localhost, 127.0.0.1 and [::1] on its own port, and its configured host', async () => {
    for (const host of [`localhost:${app.port}`, `127.0.0.1:${app.port}`, `[::1]:${app.port}`, 'localhost:3978']) {
      expect((await get('/api/config', host)).status, host).toBe(200);
    }
  });

  it('refuses a rebinding page’s host name, or a loopback name on another port, with 421 host_not_allowed', async () => {
    for (const host of [
      `evil.example:${app.port}`,
      `attacker.localhost:${app.port}`,
      `127.0.0.2:${app.port}`,
      `localhost:${app.port + 1}`,
      'localhost',
    ]) {
      const refused = await get('/api/config', host);
      expect(refused.status, host).toBe(421);
      expect(refused.json()).toMatchObject({ error: { code: 'host_not_allowed' } });
    }
  });

  it('sends no HSTS over plain http, and no frame ancestor beyond Microsoft’s hosts without the emulation', async () => {
    const page = await get('/', `localhost:${app.port}`);
    expect(page.headers['strict-transport-security']).toBeUndefined();
    expect(directivesOf(page.headers['content-security-policy']).get('frame-ancestors')).not.toContain("'self'");
  });
});

describe('the bot endpoint’s global cap', () => {
  let app: AppFixture;
  let now = Date.parse('2026-03-02T09:00:00Z');
  beforeAll(async () => {
    app = await startApp(LOCAL_ENV, { clock: { now: () => new Date(now) }, botRateLimitPerMinute: 5 });
  });
  afterAll(() => app?.close());
  const post = (conversation: string) =>
    rawRequest(app.url, {
      path: '/api/messages',
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message', conversation: { id: conversation } }),
    });

  it('refuses activities over the minute’s cap with 429 rate_limited and Retry-After, whoever sends them', async () => {
    for (let index = 0; index < 5; index++) expect((await post(`c${index}`)).status).toBe(200);
    const refused = await post('someone-else');
    expect(refused.status).toBe(429);
    expect(refused.json()).toMatchObject({ error: { code: 'rate_limited', message: expect.any(String) } });
    expect(refused.headers['retry-after']).toBe('60');
    now += 60_000;
    expect((await post('c0')).status).toBe(200);
  });
});
