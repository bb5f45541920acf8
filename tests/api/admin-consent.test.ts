import { accessTestListSchema, consentLinkSchema, consentStatusSchema } from '@confer/contracts';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSqliteAuditLog } from '../../api/src/adapters/sqlite/sqlite-audit-log.ts';
import { type ControllableClock, createControllableClock, DEFAULT_ADMIN_CONSENT } from '../../devtenant/src/index.ts';
import { apiAs } from '../support/api-client.ts';
import { CLIENT_ID, PEOPLE, type Stack, startStack } from '../support/stack.ts';

let stack: Stack;
let clock: ControllableClock;
beforeAll(async () => {
  // Time stands still unless a test moves it, so recorded instants are exact.
  clock = createControllableClock(new Date('2026-12-07T09:00:00.000Z'), () => 0);
  stack = await startStack({ tabDir: null, clock });
});
afterAll(() => stack?.stop());
beforeEach(async () => {
  // Each walk starts from an organisation that has not consented yet.
  const revoked = await stack.devtenant.control('consent/admin', { clientId: CLIENT_ID, granted: false });
  expect(revoked.status).toBe(200);
});

/** Megan, the local tenant's Confer admin (and its Global Administrator), asks Confer for a consent link. */
async function consentLink(): Promise<URL> {
  const answer = await apiAs(stack, PEOPLE.megan.id).post('/api/admin/consent-link');
  expect(answer.status).toBe(201);
  return new URL(consentLinkSchema.parse(answer.body).url);
}

/** Reads a devtenant page's form: where it posts and its hidden fields. */
function formOf(html: string): { action: string; fields: Record<string, string> } {
  const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1]?.replaceAll('&amp;', '&') ?? '';
  const fields: Record<string, string> = {};
  for (const match of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) {
    fields[match[1] ?? ''] = (match[2] ?? '').replaceAll('&amp;', '&');
  }
  return { action, fields };
}

async function postForm(action: string, fields: Record<string, string>) {
  return stack.trustedFetch(new URL(action, stack.devtenant.url), {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });
}

/**
 * The admin's browser without a browser: open the link at Entra (devtenant), pick the person, answer the consent
 * screen, and follow Entra's redirect to Confer's return page.
 */
async function walk(link: URL, userId: string, answer: 'consent_accept' | 'consent_cancel') {
  const signIn = formOf(await (await stack.trustedFetch(link)).text());
  const picked = await postForm(signIn.action, { ...signIn.fields, user_id: userId });
  let redirect = picked;
  if (picked.status === 200) {
    const consent = formOf(await picked.text());
    redirect = await postForm(consent.action, { ...consent.fields, action: answer });
  }
  expect(redirect.status).toBe(302);
  const location = new URL(redirect.headers.get('location') ?? '');
  expect(`${location.origin}${location.pathname}`).toBe(`${stack.appUrl}/admin/consent/return`);
  return returnPage(location.toString());
}

async function returnPage(url: string) {
  const response = await fetch(url, { redirect: 'manual' });
  return { status: response.status, headers: response.headers, html: await response.text() };
}

async function auditActions(limit = 10) {
  const entries = await createSqliteAuditLog(stack.composed.db).list(stack.config.tenantId, limit);
  return entries.filter((e) => e.action.startsWith('admin.consent'));
}

async function latest() {
  const answer = await apiAs(stack, PEOPLE.megan.id).get('/api/admin/consent');
  expect(answer.status).toBe(200);
  return consentStatusSchema.parse(answer.body).latest;
}

async function grantedInEntra() {
  const consent = (await (await stack.devtenant.control('consent')).json()) as { admin: Record<string, unknown> };
  return consent.admin[CLIENT_ID.toLowerCase()];
}

describe('admin consent against the local tenant', () => {
  it('gives Megan a link to the authority’s adminconsent endpoint for Confer, Graph’s .default and the return page', async () => {
    const link = await consentLink();
    expect(`${link.origin}${link.pathname}`).toBe(`${stack.devtenant.url}/${stack.config.tenantId}/v2.0/adminconsent`);
    expect(link.searchParams.get('client_id')).toBe(CLIENT_ID);
    expect(link.searchParams.get('scope')).toBe('https://graph.microsoft.com/.default');
    expect(link.searchParams.get('redirect_uri')).toBe(`${stack.appUrl}/admin/consent/return`);
    expect(link.searchParams.get('state')).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('Megan accepts in Entra: the organisation consents, Confer records it, audits it, and the link is used up', async () => {
    const link = await consentLink();
    clock.advance(60_000);
    const page = await walk(link, PEOPLE.megan.id, 'consent_accept');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(page.html).toContain('Admin consent granted');
    expect(page.html).toContain(`href="${stack.appUrl}/#/admin"`);
    expect(page.html).not.toMatch(/<script/i);
    expect(await grantedInEntra()).toEqual({
      delegated: DEFAULT_ADMIN_CONSENT.delegated,
      roles: DEFAULT_ADMIN_CONSENT.roles,
    });
    expect(await latest()).toEqual({
      outcome: 'granted',
      at: clock.now().toISOString(),
      requestedBy: PEOPLE.megan.id,
      error: null,
      errorDescription: null,
    });
    const [granted, created] = await auditActions();
    expect(created).toMatchObject({ action: 'admin.consent_link_created', actorId: PEOPLE.megan.id });
    expect(granted).toMatchObject({ action: 'admin.consent_granted', actorId: PEOPLE.megan.id });
    expect(String(granted?.details.scope).split(' ')).toContain('https://graph.microsoft.com/Calendars.ReadWrite');
    // The same answer again (a reload, or someone replaying the address) is refused and records nothing new.
    const replay = new URL(link);
    const again = await returnPage(
      `${stack.appUrl}/admin/consent/return?admin_consent=True&tenant=${stack.config.tenantId}&state=${replay.searchParams.get('state')}`,
    );
    expect(again.status).toBe(400);
    expect(again.html).toContain('consent_request_invalid');
    expect((await auditActions())[0]).toMatchObject({
      action: 'admin.consent_return_refused',
      details: { reason: 'used', requestedBy: PEOPLE.megan.id },
    });
    expect((await latest())?.at).toBe(clock.now().toISOString());
  });

  it('runs an access test by itself right after consent, so the admin sees whether it took effect', async () => {
    const megan = apiAs(stack, PEOPLE.megan.id);
    const listed = async () =>
      accessTestListSchema
        .parse((await megan.get('/api/admin/access-tests')).body)
        .tests.filter((t) => t.trigger === 'after_consent');
    // Tenant-wide: what the consent grants is what the test uses (per-user, it would use Megan's own connection).
    const settings = { integrationEnabled: true, allowDisconnect: true, integrationOwners: [] };
    expect((await megan.put('/api/admin/settings', { ...settings, connectionMode: 'tenant' })).status).toBe(200);
    const before = (await listed()).length;
    const page = await walk(await consentLink(), PEOPLE.megan.id, 'consent_accept');
    expect(page.html).toContain('Admin consent granted');
    let after = await listed();
    for (let tries = 0; after.length === before && tries < 100; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      after = await listed();
    }
    expect(after).toHaveLength(before + 1);
    expect(after[0]).toMatchObject({ by: PEOPLE.megan.id, trigger: 'after_consent' });
    expect(after[0]?.tested).toBeGreaterThan(0);
    expect(after[0]?.succeeded).toBeGreaterThan(0);
    expect((await megan.put('/api/admin/settings', { ...settings, connectionMode: 'user' })).status).toBe(200);
  });

  it('Megan cancels in Entra: nothing is granted, Confer records the refusal with Entra’s error and says what to do', async () => {
    const link = await consentLink();
    const page = await walk(link, PEOPLE.megan.id, 'consent_cancel');
    expect(page.status).toBe(200);
    expect(page.html).toContain('Admin consent was not granted');
    expect(page.html).toContain('access_denied');
    expect(await grantedInEntra()).toBeUndefined();
    expect(await latest()).toMatchObject({
      outcome: 'refused',
      requestedBy: PEOPLE.megan.id,
      error: 'access_denied',
      errorDescription: expect.stringMatching(/^AADSTS65004: /),
    });
    expect((await auditActions())[0]).toMatchObject({
      action: 'admin.consent_refused',
      actorId: PEOPLE.megan.id,
      details: { error: 'access_denied' },
    });
  });

  it('a link opened by someone who is not a Global Administrator comes back refused (AADSTS90094)', async () => {
    const link = await consentLink();
    const page = await walk(link, PEOPLE.adele.id, 'consent_accept');
    expect(page.status).toBe(200);
    expect(page.html).toContain('Global Administrator');
    expect(await grantedInEntra()).toBeUndefined();
    expect(await latest()).toMatchObject({
      outcome: 'refused',
      errorDescription: expect.stringMatching(/^AADSTS90094/),
    });
  });

  it('refuses a link after 24 hours with a 400 page, recording nothing but the refusal', async () => {
    const before = await latest();
    const link = await consentLink();
    clock.advance(24 * 3600_000);
    const page = await walk(link, PEOPLE.megan.id, 'consent_accept');
    expect(page.status).toBe(400);
    expect(page.html).toContain('consent_request_invalid');
    expect(page.html).toContain('expired');
    expect(await latest()).toEqual(before);
    expect((await auditActions())[0]).toMatchObject({
      action: 'admin.consent_return_refused',
      actorId: null,
      details: { reason: 'expired' },
    });
  });

  it('refuses an answer naming another tenant, and one with a state Confer never made', async () => {
    const before = await latest();
    const state = (await consentLink()).searchParams.get('state') ?? '';
    const foreign = await returnPage(
      `${stack.appUrl}/admin/consent/return?admin_consent=True&tenant=72f988bf-86f1-41af-91ab-2d7cd011db47&state=${state}`,
    );
    expect(foreign.status).toBe(400);
    const forged = await returnPage(
      `${stack.appUrl}/admin/consent/return?admin_consent=True&tenant=${stack.config.tenantId}&state=${'A'.repeat(43)}`,
    );
    expect(forged.status).toBe(400);
    const bare = await returnPage(`${stack.appUrl}/admin/consent/return`);
    expect(bare.status).toBe(400);
    expect(await latest()).toEqual(before);
    expect((await auditActions(3)).map((e) => e.details.reason)).toEqual(['malformed', 'unknown', 'tenant_mismatch']);
    // The tampered answer did not use the link up: its real answer still counts.
    const real = await returnPage(
      `${stack.appUrl}/admin/consent/return?admin_consent=True&tenant=${stack.config.tenantId}&state=${state}`,
    );
    expect(real.status).toBe(200);
  });

  it('refuses the consent API to someone without the Confer.Admin role (403), and records the attempt', async () => {
    const adele = apiAs(stack, PEOPLE.adele.id);
    const link = await adele.post('/api/admin/consent-link');
    expect(link.status).toBe(403);
    expect(link.body).toMatchObject({ error: { code: 'admin_required' } });
    const status = await adele.get('/api/admin/consent');
    expect(status.status).toBe(403);
    const audit = await createSqliteAuditLog(stack.composed.db).list(stack.config.tenantId, 2);
    expect(audit.map((e) => [e.action, e.actorId, e.target])).toEqual([
      ['admin.refused', PEOPLE.adele.id, '/api/admin/consent'],
      ['admin.refused', PEOPLE.adele.id, '/api/admin/consent-link'],
    ]);
  });

  it('refuses a consent-link request that carries input', async () => {
    const answer = await apiAs(stack, PEOPLE.megan.id).post('/api/admin/consent-link', { tenant: 'other' });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ error: { code: 'validation_failed' } });
  });
});
