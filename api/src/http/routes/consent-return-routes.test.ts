import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryAdminConsentStore } from '../../adapters/memory/memory-admin-consent-store.ts';
import { createMemoryStores } from '../../adapters/memory/memory-stores.ts';
import { listen } from '../../test-support/test-server.ts';
import { type AdminConsentDeps, createConsentLink } from '../../use-cases/admin/admin-consent.ts';
import type { Admin } from '../../use-cases/admin/admin-settings.ts';
import { CONSENT_RETURNS_PER_MINUTE, consentReturnRoutes } from './consent-return-routes.ts';

const TENANT = 'tenant-contoso';
const admin = { tenantId: TENANT, userId: 'oid-megan', roles: ['Confer.Admin'] } as unknown as Admin;
let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
});

async function start(failOn?: 'store') {
  const stores = createMemoryStores();
  let now = new Date('2026-12-07T09:00:00.000Z');
  const store = createMemoryAdminConsentStore();
  const deps: AdminConsentDeps = {
    clock: { now: () => now },
    store:
      failOn === 'store'
        ? {
            ...store,
            findRequest: async () => {
              throw new Error('disk I/O error');
            },
          }
        : store,
    audit: stores.audit,
    logger: { error: () => {} },
    authority: 'https://login.microsoftonline.com/tenant-contoso',
    clientId: 'client-confer',
    redirectUri: 'https://confer.contoso.com/admin/consent/return',
    tenantId: TENANT,
    adminPageUrl: 'https://confer.contoso.com/#/admin',
  };
  const app = express();
  app.use('/admin/consent', consentReturnRoutes(deps));
  const server = await listen(app);
  close = server.close;
  const get = async (query: string) => {
    const response = await fetch(`${server.url}/admin/consent/return${query}`);
    return { status: response.status, headers: response.headers, html: await response.text() };
  };
  const later = (ms: number) => {
    now = new Date(now.getTime() + ms);
  };
  const refusals = async () =>
    (await stores.audit.list(TENANT, 500)).filter((e) => e.action === 'admin.consent_return_refused').length;
  return { deps, get, later, refusals };
}

describe('the consent return page', () => {
  it('answers Entra’s refusal with a page that escapes what Entra sent and links back to the admin page', async () => {
    const { deps, get } = await start();
    const state = new URL((await createConsentLink(deps, admin)).url).searchParams.get('state') ?? '';
    const page = await get(
      `?error=access_denied&error_description=${encodeURIComponent('<img src=x onerror=alert(1)>')}&state=${state}`,
    );
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.html).toContain('&#60;img src=x onerror=alert(1)&#62;');
    expect(page.html).not.toContain('<img');
    expect(page.html).toContain('href="https://confer.contoso.com/#/admin"');
  });

  it(`takes ${CONSENT_RETURNS_PER_MINUTE} answers a minute from everyone together, then 429 without auditing`, async () => {
    const { get, later, refusals } = await start();
    for (let i = 0; i < CONSENT_RETURNS_PER_MINUTE; i++)
      expect((await get('?state=unknown-state-value')).status).toBe(400);
    const busy = await get('?state=unknown-state-value');
    expect(busy.status).toBe(429);
    expect(busy.headers.get('retry-after')).toBe('60');
    expect(busy.html).toContain('Too many answers');
    expect(await refusals()).toBe(CONSENT_RETURNS_PER_MINUTE);
    later(60_000);
    expect((await get('?state=unknown-state-value')).status).toBe(400);
  });

  it('answers a store failure with a 500 page, never a stack trace', async () => {
    const { get } = await start('store');
    const page = await get(`?admin_consent=True&tenant=${TENANT}&state=${'s'.repeat(43)}`);
    expect(page.status).toBe(500);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.html).toContain('Something went wrong on our side');
    expect(page.html).not.toContain('disk I/O error');
  });
});
