import { describe, expect, it } from 'vitest';
import { type AppRegistration, DEFAULT_ADMIN_CONSENT } from '../core/options.ts';
import { ADELE, CONFER_APP, CONFER_CLIENT_ID, MEGAN, type TestTenant, withTenant } from '../core/test-support.ts';

const RETURN = 'http://localhost:3978/admin/consent/return';
/** Confer's registration with its consent return page, and nothing granted tenant-wide yet. */
const UNCONSENTED: AppRegistration = {
  ...CONFER_APP,
  redirectUris: [...CONFER_APP.redirectUris, RETURN],
  adminConsent: null,
};

function consentUrl(t: TestTenant, params: Record<string, string> = {}): string {
  const query = new URLSearchParams({
    client_id: CONFER_CLIENT_ID,
    scope: 'https://graph.microsoft.com/.default',
    redirect_uri: RETURN,
    state: 'st-1',
    ...params,
  });
  return `/${t.tenantId}/v2.0/adminconsent?${query}`;
}

function formOf(html: string): { action: string; fields: Record<string, string> } {
  const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1]?.replaceAll('&amp;', '&') ?? '';
  const fields: Record<string, string> = {};
  for (const match of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) {
    fields[match[1] ?? ''] = (match[2] ?? '').replaceAll('&amp;', '&');
  }
  return { action, fields };
}

async function post(t: TestTenant, action: string, fields: Record<string, string>) {
  return t.fetch(action, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });
}

/** Opens the link, picks the person, and answers the consent screen when one is shown. */
async function walk(t: TestTenant, userId: string, answer?: 'consent_accept' | 'consent_cancel') {
  const signIn = formOf(await (await t.fetch(consentUrl(t))).text());
  const picked = await post(t, signIn.action, { ...signIn.fields, user_id: userId });
  if (!answer || picked.status !== 200) return { page: picked, final: picked };
  const html = await picked.text();
  const consent = formOf(html);
  return { page: html, final: await post(t, consent.action, { ...consent.fields, action: answer }) };
}

async function adminGrant(t: TestTenant) {
  const consent = (await t.control('/consent')).body as { admin: Record<string, unknown> };
  return consent.admin[CONFER_CLIENT_ID.toLowerCase()];
}

// What Entra does here: docs/reference/teams-platform.md §10.
describe('Entra admin consent endpoint', () => {
  it('a Global Administrator sees the required permissions, accepts, and the app gets them tenant-wide', async () => {
    await withTenant(
      async (t) => {
        const { page, final } = await walk(t, MEGAN, 'consent_accept');
        expect(page).toContain('Application permissions');
        for (const role of DEFAULT_ADMIN_CONSENT.roles) expect(page).toContain(`<code>${role}</code>`);
        expect(final.status).toBe(302);
        const back = new URL(final.headers.get('location') ?? '');
        expect(`${back.origin}${back.pathname}`).toBe(RETURN);
        expect(back.searchParams.get('admin_consent')).toBe('True');
        expect(back.searchParams.get('tenant')).toBe(t.tenantId);
        expect(back.searchParams.get('state')).toBe('st-1');
        expect(back.searchParams.get('scope')?.split(' ')).toContain('https://graph.microsoft.com/Calendars.ReadWrite');
        expect(await adminGrant(t)).toEqual({
          delegated: DEFAULT_ADMIN_CONSENT.delegated,
          roles: DEFAULT_ADMIN_CONSENT.roles,
        });
        // The grant is real: the app's client-credentials token now carries the application permissions.
        const token = await t.appToken(UNCONSENTED);
        const roles = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()).roles;
        expect(roles).toEqual(expect.arrayContaining(DEFAULT_ADMIN_CONSENT.roles));
      },
      { apps: [UNCONSENTED] },
    );
  });

  it('Cancel goes back with error=access_denied and the state, and grants nothing', async () => {
    await withTenant(
      async (t) => {
        const { final } = await walk(t, MEGAN, 'consent_cancel');
        const back = new URL(final.headers.get('location') ?? '');
        expect(back.searchParams.get('error')).toBe('access_denied');
        expect(back.searchParams.get('error_description')).toMatch(/^AADSTS65004: /);
        expect(back.searchParams.get('error_uri')).toContain('code=65004');
        expect(back.searchParams.get('state')).toBe('st-1');
        expect(back.searchParams.get('admin_consent')).toBeNull();
        expect(await adminGrant(t)).toBeUndefined();
      },
      { apps: [UNCONSENTED] },
    );
  });

  it('someone who is no directory admin is refused with AADSTS90094, even when posting Accept', async () => {
    await withTenant(
      async (t) => {
        const { final } = await walk(t, ADELE);
        const back = new URL(final.headers.get('location') ?? '');
        expect(back.searchParams.get('error')).toBe('access_denied');
        expect(back.searchParams.get('error_description')).toMatch(/^AADSTS90094: .*needs admin approval/);
        const signIn = formOf(await (await t.fetch(consentUrl(t))).text());
        const forged = await post(t, signIn.action, { ...signIn.fields, user_id: ADELE, action: 'consent_accept' });
        expect(new URL(forged.headers.get('location') ?? '').searchParams.get('error')).toBe('access_denied');
        expect(await adminGrant(t)).toBeUndefined();
      },
      { apps: [UNCONSENTED] },
    );
  });

  it('an unknown client or an unregistered redirect URI is an error page, never a redirect', async () => {
    await withTenant(
      async (t) => {
        const cases: [Record<string, string>, string][] = [
          [{ client_id: '99999999-9999-4999-8999-999999999999' }, 'AADSTS700016'],
          [{ redirect_uri: 'https://evil.example/return' }, 'AADSTS50011'],
          [{ redirect_uri: `${RETURN}/x` }, 'AADSTS50011'],
        ];
        for (const [params, code] of cases) {
          const answer = await t.fetch(consentUrl(t, params), { redirect: 'manual' });
          expect(answer.status).toBe(400);
          expect(answer.headers.get('location')).toBeNull();
          expect(await answer.text()).toContain(code);
        }
        const posted = await post(t, `/${t.tenantId}/v2.0/adminconsent`, {
          client_id: CONFER_CLIENT_ID,
          redirect_uri: 'https://evil.example/return',
          scope: 'https://graph.microsoft.com/.default',
          user_id: MEGAN,
          action: 'consent_accept',
        });
        expect(posted.status).toBe(400);
        expect(await adminGrant(t)).toBeUndefined();
      },
      { apps: [UNCONSENTED] },
    );
  });

  it('a scope other than {resource}/.default goes back as invalid_request', async () => {
    await withTenant(
      async (t) => {
        for (const scope of ['https://graph.microsoft.com/Calendars.ReadWrite', 'openid', '']) {
          const answer = await t.fetch(consentUrl(t, { scope }), { redirect: 'manual' });
          expect(answer.status).toBe(302);
          const back = new URL(answer.headers.get('location') ?? '');
          expect(back.searchParams.get('error')).toBe('invalid_request');
          expect(back.searchParams.get('state')).toBe('st-1');
        }
      },
      { apps: [UNCONSENTED] },
    );
  });
});
