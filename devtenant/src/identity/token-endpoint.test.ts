import { ServerError } from '@azure/msal-node';
import { describe, expect, it } from 'vitest';
import { CONFER_APP, CONFER_CLIENT_ID, claimsOf, tokenRequest, withTenant } from '../core/test-support.ts';

// What Entra does here: docs/reference/teams-platform.md §3.
describe('Entra token endpoint: client credentials and client authentication', () => {
  it('msal-node client credentials gives an RS256 v2 app token with the consented roles', async () => {
    await withTenant(async (t) => {
      const result = await t
        .msal()
        .acquireTokenByClientCredential({ scopes: ['https://graph.microsoft.com/.default'] });
      const claims = claimsOf(result?.accessToken ?? '');
      expect(claims).toMatchObject({
        aud: 'https://graph.microsoft.com',
        iss: `${t.origin}/${t.tenantId}/v2.0`,
        tid: t.tenantId,
        azp: CONFER_CLIENT_ID,
        idtyp: 'app',
        ver: '2.0',
      });
      expect(claims.roles).toEqual([
        'Calendars.ReadWrite',
        'User.Read.All',
        'MailboxSettings.Read',
        'Mail.Send',
        'OnlineMeetings.Read.All',
        'OnlineMeetingArtifact.Read.All',
      ]);
      expect(claims.scp).toBeUndefined();
      expect(claims.oid).toBe(claims.sub);
      const now = Math.floor(t.clock.now().getTime() / 1000);
      expect(claims.iat).toBeGreaterThanOrEqual(now - 5);
      expect(claims.exp).toBe((claims.iat as number) + 3600);
      expect(typeof claims.uti).toBe('string');
    });
  });

  it('token times follow the tenant clock', async () => {
    await withTenant(async (t) => {
      t.clock.advance(10 * 24 * 3600 * 1000);
      const claims = claimsOf(await t.appToken());
      expect(claims.iat).toBe(Math.floor(t.clock.now().getTime() / 1000));
    });
  });

  it('without admin consent the app token carries no roles', async () => {
    await withTenant(
      async (t) => {
        expect(claimsOf(await t.appToken()).roles).toBeUndefined();
      },
      { apps: [{ ...CONFER_APP, adminConsent: null }] },
    );
  });

  it('a wrong secret is 401 invalid_client AADSTS7000215 in Entra error shape', async () => {
    await withTenant(async (t) => {
      const wrong = t.msal({ ...CONFER_APP, clientSecret: 'not-the-secret-at-all' });
      const error = await wrong
        .acquireTokenByClientCredential({ scopes: ['https://graph.microsoft.com/.default'] })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ServerError);
      expect((error as ServerError).errorCode).toBe('invalid_client');
      expect((error as ServerError).errorMessage).toContain('AADSTS7000215');
      const raw = await tokenRequest(t, {
        grant_type: 'client_credentials',
        client_id: CONFER_CLIENT_ID,
        client_secret: 'nope-nope-nope',
        scope: 'https://graph.microsoft.com/.default',
      });
      expect(raw.status).toBe(401);
      expect(raw.body).toEqual({
        error: 'invalid_client',
        error_description: expect.stringMatching(/^AADSTS7000215: .*Trace ID: .*Correlation ID: .*Timestamp: /),
        error_codes: [7000215],
        timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ$/),
        trace_id: expect.any(String),
        correlation_id: expect.any(String),
        error_uri: expect.any(String),
      });
    });
  });

  it('HTTP Basic client authentication works like client_secret in the body', async () => {
    await withTenant(async (t) => {
      const basic = Buffer.from(`${CONFER_CLIENT_ID}:${CONFER_APP.clientSecret}`).toString('base64');
      const raw = await tokenRequest(
        t,
        { grant_type: 'client_credentials', scope: 'https://graph.microsoft.com/.default' },
        { authorization: `Basic ${basic}` },
      );
      expect(raw.status).toBe(200);
      expect(raw.body).toMatchObject({ token_type: 'Bearer', expires_in: 3600, access_token: expect.any(String) });
    });
  });

  it('client credentials need {resource}/.default (AADSTS1002012); unknown clients AADSTS700016', async () => {
    await withTenant(async (t) => {
      const named = await tokenRequest(t, {
        grant_type: 'client_credentials',
        client_id: CONFER_CLIENT_ID,
        client_secret: CONFER_APP.clientSecret,
        scope: 'https://graph.microsoft.com/Calendars.Read',
      });
      expect(named.status).toBe(400);
      expect(named.body).toMatchObject({ error: 'invalid_scope', error_codes: [1002012] });
      const unknown = await tokenRequest(t, {
        grant_type: 'client_credentials',
        client_id: '99999999-9999-4999-8999-999999999999',
        client_secret: 'whatever-secret',
        scope: 'https://graph.microsoft.com/.default',
      });
      expect(unknown.body).toMatchObject({ error: 'unauthorized_client', error_codes: [700016] });
    });
  });

  it('unknown grant types and missing parameters are refused with AADSTS codes', async () => {
    await withTenant(async (t) => {
      const grant = await tokenRequest(t, { grant_type: 'password', client_id: CONFER_CLIENT_ID });
      expect(grant.body).toMatchObject({ error: 'unsupported_grant_type', error_codes: [70003] });
      const missing = await tokenRequest(t, { client_id: CONFER_CLIENT_ID });
      expect(missing.body).toMatchObject({ error: 'invalid_request', error_codes: [900144] });
    });
  });

  it('the Teams SSO token is for the app (aud = client id, scp access_as_user, azp Teams web)', async () => {
    await withTenant(async (t) => {
      const claims = claimsOf(await t.teamsToken('00000000-0000-0000-0000-0000000000020'));
      expect(claims).toMatchObject({
        aud: CONFER_CLIENT_ID,
        scp: 'access_as_user',
        azp: '5e3ce6c0-2b1f-4285-8d4b-75ee78787346',
        oid: '00000000-0000-0000-0000-0000000000020',
        name: 'Alex Wilber',
        preferred_username: 'alexw@contoso.onmicrosoft.com',
        tid: t.tenantId,
        ver: '2.0',
      });
      const bad = await t.control('/teams-sso-token', {
        userId: 'nobody@example.com',
        resource: CONFER_APP.identifierUris[0],
      });
      expect(bad).toMatchObject({ status: 400, body: { error: { code: 'unknown_user' } } });
    });
  });
});
