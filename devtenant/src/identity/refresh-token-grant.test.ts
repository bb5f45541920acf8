import { InteractionRequiredAuthError, ServerError } from '@azure/msal-node';
import { describe, expect, it } from 'vitest';
import {
  CONFER_APP,
  CONFER_CLIENT_ID,
  claimsOf,
  MEGAN,
  type TestTenant,
  tokenRequest,
  withTenant,
} from '../core/test-support.ts';

async function oboRefreshToken(t: TestTenant): Promise<string> {
  const raw = await tokenRequest(t, {
    grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
    requested_token_use: 'on_behalf_of',
    client_id: CONFER_CLIENT_ID,
    client_secret: CONFER_APP.clientSecret,
    assertion: await t.teamsToken(MEGAN),
    scope: 'https://graph.microsoft.com/Calendars.ReadWrite offline_access',
  });
  return String(raw.body.refresh_token);
}

const SCOPES = ['https://graph.microsoft.com/Calendars.ReadWrite'];

// What Entra does here: docs/reference/teams-platform.md §3.
describe('Entra refresh tokens', () => {
  it('msal-node redeems a refresh token for a new Graph token and a rotated refresh token', async () => {
    await withTenant(async (t) => {
      const refreshToken = await oboRefreshToken(t);
      const result = await t.msal().acquireTokenByRefreshToken({ refreshToken, scopes: SCOPES });
      expect(claimsOf(result?.accessToken ?? '')).toMatchObject({ oid: MEGAN, aud: 'https://graph.microsoft.com' });
      const raw = await tokenRequest(t, {
        grant_type: 'refresh_token',
        client_id: CONFER_CLIENT_ID,
        client_secret: CONFER_APP.clientSecret,
        refresh_token: refreshToken,
        scope: `${SCOPES[0]} offline_access`,
      });
      expect(raw.body.refresh_token).toEqual(expect.any(String));
      expect(raw.body.refresh_token).not.toBe(refreshToken);
    });
  });

  it('a refresh token revoked through the control API fails invalid_grant AADSTS50173', async () => {
    await withTenant(async (t) => {
      const refreshToken = await oboRefreshToken(t);
      expect(await t.control('/refresh-tokens/revoke', { userId: MEGAN })).toMatchObject({
        status: 200,
        body: { revoked: 1 },
      });
      const error = await t
        .msal()
        .acquireTokenByRefreshToken({ refreshToken, scopes: SCOPES })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ServerError);
      expect((error as ServerError).errorCode).toBe('invalid_grant');
      expect((error as ServerError).errorMessage).toContain('AADSTS50173');
    });
  });

  it('a refresh token unused for 90 days on the tenant clock expires with AADSTS700082', async () => {
    await withTenant(async (t) => {
      const refreshToken = await oboRefreshToken(t);
      t.clock.advance(91 * 24 * 3600 * 1000);
      const raw = await tokenRequest(t, {
        grant_type: 'refresh_token',
        client_id: CONFER_CLIENT_ID,
        client_secret: CONFER_APP.clientSecret,
        refresh_token: refreshToken,
        scope: SCOPES[0] ?? '',
      });
      expect(raw.status).toBe(400);
      expect(raw.body).toMatchObject({ error: 'invalid_grant', error_codes: [700082] });
    });
  });

  it('refreshing after consent was withdrawn fails AADSTS65001 consent_required', async () => {
    await withTenant(async (t) => {
      const refreshToken = await oboRefreshToken(t);
      await t.control('/consent/admin', { clientId: CONFER_CLIENT_ID, granted: false });
      const error = await t
        .msal()
        .acquireTokenByRefreshToken({ refreshToken, scopes: SCOPES })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InteractionRequiredAuthError);
      expect((error as InteractionRequiredAuthError).subError).toBe('consent_required');
    });
  });

  it('a refresh token presented by another client or made up is invalid_grant', async () => {
    await withTenant(async (t) => {
      const raw = await tokenRequest(t, {
        grant_type: 'refresh_token',
        client_id: CONFER_CLIENT_ID,
        client_secret: CONFER_APP.clientSecret,
        refresh_token: 'made-up',
        scope: SCOPES[0] ?? '',
      });
      expect(raw.body).toMatchObject({ error: 'invalid_grant', error_codes: [9002313] });
    });
  });
});
