import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CONFER_ADMIN_ROLE } from '../core/options.ts';
import {
  CONFER_API,
  CONFER_APP,
  CONFER_CLIENT_ID,
  claimsOf,
  MEGAN,
  type TestTenant,
  tokenRequest,
  withTenant,
} from '../core/test-support.ts';

const REDIRECT = 'http://localhost:3978/auth-end.html';
const SPA_ORIGIN = 'http://localhost:3978';

function pkce() {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

function authorizeUrl(t: TestTenant, params: Record<string, string>): string {
  const query = new URLSearchParams({
    client_id: CONFER_CLIENT_ID,
    response_type: 'code',
    redirect_uri: REDIRECT,
    scope: `${CONFER_API}/access_as_user openid profile offline_access`,
    ...params,
  });
  return `/${t.tenantId}/oauth2/v2.0/authorize?${query}`;
}

/** Reads the form of the sign-in or consent page: its action and hidden fields. */
function formOf(html: string): { action: string; fields: Record<string, string> } {
  const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1]?.replaceAll('&amp;', '&') ?? '';
  const fields: Record<string, string> = {};
  for (const match of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) {
    fields[match[1] ?? ''] = (match[2] ?? '')
      .replaceAll('&quot;', '"')
      .replaceAll('&#39;', "'")
      .replaceAll('&lt;', '<')
      .replaceAll('&gt;', '>')
      .replaceAll('&amp;', '&');
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

async function signIn(t: TestTenant, params: Record<string, string>, userId: string) {
  const page = await (await t.fetch(authorizeUrl(t, params))).text();
  const form = formOf(page);
  return post(t, form.action, { ...form.fields, user_id: userId });
}

// What Entra does here: docs/reference/teams-platform.md §3.
describe('Entra authorize endpoint (browser sign-in)', () => {
  it('the sign-in page lists the people as buttons, the login_hint person first', async () => {
    await withTenant(async (t) => {
      const response = await t.fetch(authorizeUrl(t, { login_hint: 'adelev@contoso.onmicrosoft.com', state: 's1' }));
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/html');
      const html = await response.text();
      expect(html).toContain('Continue as Adele Vance');
      expect(html).toContain('Megan Bowen');
      expect(html.indexOf('Adele Vance')).toBeLessThan(html.indexOf('Alex Wilber'));
      expect(html.match(/<button class="person"/g)?.length).toBeGreaterThanOrEqual(30);
    });
  });

  it('picking a person redirects with code, state and client_info (query and fragment modes)', async () => {
    await withTenant(async (t) => {
      const query = await signIn(t, { state: 'abc' }, MEGAN);
      expect(query.status).toBe(302);
      const location = new URL(query.headers.get('location') ?? '');
      expect(`${location.origin}${location.pathname}`).toBe(REDIRECT);
      expect(location.searchParams.get('state')).toBe('abc');
      expect(location.searchParams.get('code')).toBeTruthy();
      const fragment = await signIn(t, { state: 'xyz', response_mode: 'fragment', client_info: '1' }, MEGAN);
      const hash = new URLSearchParams(new URL(fragment.headers.get('location') ?? '').hash.slice(1));
      expect(hash.get('state')).toBe('xyz');
      expect(JSON.parse(Buffer.from(hash.get('client_info') ?? '', 'base64url').toString())).toEqual({
        uid: MEGAN,
        utid: t.tenantId,
      });
    });
  });

  it('a SPA redeems the code with PKCE S256 from its origin: id_token with nonce, client_info, refresh token, CORS', async () => {
    await withTenant(async (t) => {
      const { verifier, challenge } = pkce();
      const redirect = await signIn(
        t,
        {
          state: 's',
          nonce: 'n-123',
          code_challenge: challenge,
          code_challenge_method: 'S256',
          response_mode: 'fragment',
        },
        MEGAN,
      );
      const code = new URLSearchParams(new URL(redirect.headers.get('location') ?? '').hash.slice(1)).get('code') ?? '';
      const raw = await tokenRequest(
        t,
        {
          grant_type: 'authorization_code',
          client_id: CONFER_CLIENT_ID,
          code,
          redirect_uri: REDIRECT,
          code_verifier: verifier,
          client_info: '1',
          scope: `${CONFER_API}/access_as_user openid profile offline_access`,
        },
        { origin: SPA_ORIGIN },
      );
      expect(raw.status).toBe(200);
      expect(raw.headers.get('access-control-allow-origin')).toBe(SPA_ORIGIN);
      expect(claimsOf(String(raw.body.access_token))).toMatchObject({
        aud: CONFER_CLIENT_ID,
        scp: 'access_as_user',
        oid: MEGAN,
        azpacr: '0',
      });
      expect(claimsOf(String(raw.body.id_token))).toMatchObject({
        aud: CONFER_CLIENT_ID,
        nonce: 'n-123',
        oid: MEGAN,
        preferred_username: 'meganb@contoso.onmicrosoft.com',
        tid: t.tenantId,
      });
      expect(raw.body.refresh_token).toEqual(expect.any(String));
      expect(JSON.parse(Buffer.from(String(raw.body.client_info), 'base64url').toString())).toEqual({
        uid: MEGAN,
        utid: t.tenantId,
      });
      const replay = await tokenRequest(
        t,
        {
          grant_type: 'authorization_code',
          client_id: CONFER_CLIENT_ID,
          code,
          redirect_uri: REDIRECT,
          code_verifier: verifier,
        },
        { origin: SPA_ORIGIN },
      );
      expect(replay.body).toMatchObject({ error: 'invalid_grant', error_codes: [54005] });
      const preflight = await t.fetch(`/${t.tenantId}/oauth2/v2.0/token`, {
        method: 'OPTIONS',
        headers: {
          origin: SPA_ORIGIN,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type',
        },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-origin')).toBe(SPA_ORIGIN);
    });
  });

  it("the code and refresh grants for Confer's API carry the user's app roles (also in the ID token); for Graph they carry none (docs/reference/teams-platform.md §9)", async () => {
    await withTenant(async (t) => {
      const redirect = await signIn(t, {}, MEGAN);
      const code = new URL(redirect.headers.get('location') ?? '').searchParams.get('code') ?? '';
      const confidential = { client_id: CONFER_CLIENT_ID, client_secret: CONFER_APP.clientSecret };
      const redeemed = await tokenRequest(t, {
        ...confidential,
        grant_type: 'authorization_code',
        code,
        redirect_uri: REDIRECT,
        scope: `${CONFER_API}/access_as_user openid offline_access`,
      });
      expect(claimsOf(String(redeemed.body.id_token))).toMatchObject({ oid: MEGAN, roles: [CONFER_ADMIN_ROLE] });
      expect(claimsOf(String(redeemed.body.access_token))).toMatchObject({
        aud: CONFER_CLIENT_ID,
        roles: [CONFER_ADMIN_ROLE],
      });
      const refresh = (scope: string) =>
        tokenRequest(t, {
          ...confidential,
          grant_type: 'refresh_token',
          refresh_token: String(redeemed.body.refresh_token),
          scope,
        });
      const api = claimsOf(String((await refresh(`${CONFER_API}/access_as_user`)).body.access_token));
      expect(api).toMatchObject({ aud: CONFER_CLIENT_ID, oid: MEGAN, roles: [CONFER_ADMIN_ROLE] });
      const graph = claimsOf(String((await refresh('https://graph.microsoft.com/User.Read')).body.access_token));
      expect(graph).toMatchObject({ aud: 'https://graph.microsoft.com', oid: MEGAN });
      expect(graph).not.toHaveProperty('roles');
    });
  });

  it('a wrong PKCE verifier is invalid_grant; without a secret or Origin the client is refused', async () => {
    await withTenant(async (t) => {
      const { challenge } = pkce();
      const redirect = await signIn(t, { code_challenge: challenge, code_challenge_method: 'S256' }, MEGAN);
      const code = new URL(redirect.headers.get('location') ?? '').searchParams.get('code') ?? '';
      const noClientAuth = await tokenRequest(t, {
        grant_type: 'authorization_code',
        client_id: CONFER_CLIENT_ID,
        code,
        redirect_uri: REDIRECT,
        code_verifier: 'x',
      });
      expect(noClientAuth.body).toMatchObject({ error: 'invalid_client', error_codes: [7000218] });
      const wrong = await tokenRequest(
        t,
        {
          grant_type: 'authorization_code',
          client_id: CONFER_CLIENT_ID,
          code,
          redirect_uri: REDIRECT,
          code_verifier: pkce().verifier,
        },
        { origin: SPA_ORIGIN },
      );
      expect(wrong.body).toMatchObject({ error: 'invalid_grant', error_codes: [501481] });
    });
  });

  it('msal-node authorization code flow (getAuthCodeUrl → sign-in → acquireTokenByCode) with a Graph scope', async () => {
    await withTenant(async (t) => {
      const msal = t.msal();
      const { verifier, challenge } = pkce();
      const url = await msal.getAuthCodeUrl({
        scopes: ['https://graph.microsoft.com/Calendars.ReadWrite'],
        redirectUri: REDIRECT,
        codeChallenge: challenge,
        codeChallengeMethod: 'S256',
        loginHint: 'meganb@contoso.onmicrosoft.com',
        state: 'st',
      });
      expect(url.startsWith(`${t.origin}/${t.tenantId}/oauth2/v2.0/authorize?`)).toBe(true);
      const page = await (await t.fetch(url)).text();
      const form = formOf(page);
      const redirect = await post(t, form.action, { ...form.fields, user_id: MEGAN });
      const code = new URL(redirect.headers.get('location') ?? '').searchParams.get('code') ?? '';
      const result = await msal.acquireTokenByCode({
        code,
        scopes: ['https://graph.microsoft.com/Calendars.ReadWrite'],
        redirectUri: REDIRECT,
        codeVerifier: verifier,
      });
      expect(result.account?.username).toBe('meganb@contoso.onmicrosoft.com');
      expect(claimsOf(result.accessToken)).toMatchObject({ aud: 'https://graph.microsoft.com', oid: MEGAN });
      const silent = await msal.acquireTokenSilent({
        account: result.account ?? (undefined as never),
        scopes: ['https://graph.microsoft.com/Calendars.ReadWrite'],
        forceRefresh: true,
      });
      expect(claimsOf(silent.accessToken).oid).toBe(MEGAN);
    });
  });

  it('prompt=consent shows the consent screen; accepting records the user consent, cancelling is access_denied', async () => {
    await withTenant(
      async (t) => {
        const params = {
          scope: 'https://graph.microsoft.com/Calendars.ReadWrite openid profile offline_access',
          state: 'c',
          prompt: 'consent',
        };
        const consentPage = await signIn(t, params, MEGAN);
        expect(consentPage.status).toBe(200);
        const html = await consentPage.text();
        expect(html).toContain('Permissions requested');
        expect(html).toContain('Have full access to your calendars');
        const form = formOf(html);
        const cancelled = await post(t, form.action, { ...form.fields, action: 'consent_cancel' });
        expect(new URL(cancelled.headers.get('location') ?? '').searchParams.get('error')).toBe('access_denied');
        const accepted = await post(t, form.action, { ...form.fields, action: 'consent_accept' });
        expect(new URL(accepted.headers.get('location') ?? '').searchParams.get('code')).toBeTruthy();
        const consent = (await t.control('/consent')).body as { user: Record<string, string[]> };
        expect(consent.user[`${CONFER_CLIENT_ID}|${MEGAN}`]).toEqual(
          expect.arrayContaining(['Calendars.ReadWrite', 'offline_access']),
        );
        const obo = await t.msal().acquireTokenOnBehalfOf({
          oboAssertion: await t.teamsToken(MEGAN),
          scopes: ['https://graph.microsoft.com/Calendars.ReadWrite'],
        });
        expect(claimsOf(obo?.accessToken ?? '').scp).toContain('Calendars.ReadWrite');
      },
      { apps: [{ ...CONFER_APP, adminConsent: null }] },
    );
  });

  it('prompt=none signs the hinted user in silently or answers login_required', async () => {
    await withTenant(async (t) => {
      const silent = await t.fetch(
        authorizeUrl(t, { prompt: 'none', login_hint: 'meganb@contoso.onmicrosoft.com', state: 'q' }),
        { redirect: 'manual' },
      );
      expect(new URL(silent.headers.get('location') ?? '').searchParams.get('code')).toBeTruthy();
      const anonymous = await t.fetch(authorizeUrl(t, { prompt: 'none', state: 'q' }), { redirect: 'manual' });
      const location = new URL(anonymous.headers.get('location') ?? '');
      expect(location.searchParams.get('error')).toBe('login_required');
      expect(location.searchParams.get('state')).toBe('q');
    });
  });

  it('an unregistered redirect URI or unknown client is an error page, never a redirect', async () => {
    await withTenant(async (t) => {
      const evil = await t.fetch(authorizeUrl(t, { redirect_uri: 'https://evil.example/cb' }), { redirect: 'manual' });
      expect(evil.status).toBe(400);
      expect(evil.headers.get('location')).toBeNull();
      expect(await evil.text()).toContain('AADSTS50011');
      const unknown = await t.fetch(authorizeUrl(t, { client_id: '99999999-9999-4999-8999-999999999999' }), {
        redirect: 'manual',
      });
      expect(await unknown.text()).toContain('AADSTS700016');
    });
  });
});
