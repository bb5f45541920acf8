import { InteractionRequiredAuthError, ServerError } from '@azure/msal-node';
import { describe, expect, it } from 'vitest';
import { ALEX, CONFER_APP, CONFER_CLIENT_ID, claimsOf, MEGAN, tokenRequest, withTenant } from '../core/test-support.ts';

const GRAPH_CALENDARS = ['https://graph.microsoft.com/Calendars.ReadWrite'];

// What Entra does here: docs/reference/teams-platform.md §3.
describe('Entra On-Behalf-Of', () => {
  it('msal-node OBO trades the tab token for a Graph token of the same user with consented scp', async () => {
    await withTenant(async (t) => {
      const result = await t
        .msal()
        .acquireTokenOnBehalfOf({ oboAssertion: await t.teamsToken(MEGAN), scopes: GRAPH_CALENDARS });
      const claims = claimsOf(result?.accessToken ?? '');
      expect(claims).toMatchObject({
        aud: 'https://graph.microsoft.com',
        oid: MEGAN,
        azp: CONFER_CLIENT_ID,
        tid: t.tenantId,
        name: 'Megan Bowen',
        ver: '2.0',
      });
      expect(String(claims.scp).split(' ').sort()).toEqual([
        'Calendars.ReadWrite',
        'MailboxSettings.Read',
        'OnlineMeetingArtifact.Read.All',
        'OnlineMeetings.Read',
        'User.Read',
        'User.ReadBasic.All',
      ]);
      expect(result?.account?.homeAccountId).toBe(`${MEGAN}.${t.tenantId}`);
    });
  });

  it('OBO returns a refresh token when offline_access is asked for', async () => {
    await withTenant(async (t) => {
      const raw = await tokenRequest(t, {
        grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
        requested_token_use: 'on_behalf_of',
        client_id: CONFER_CLIENT_ID,
        client_secret: CONFER_APP.clientSecret,
        assertion: await t.teamsToken(MEGAN),
        scope: 'https://graph.microsoft.com/User.Read offline_access',
      });
      expect(raw.status).toBe(200);
      expect(raw.body.refresh_token).toEqual(expect.any(String));
      expect(raw.body.scope).toContain('https://graph.microsoft.com/User.Read');
      const without = await tokenRequest(t, {
        grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
        requested_token_use: 'on_behalf_of',
        client_id: CONFER_CLIENT_ID,
        client_secret: CONFER_APP.clientSecret,
        assertion: await t.teamsToken(MEGAN),
        scope: 'https://graph.microsoft.com/User.Read',
      });
      expect(without.body.refresh_token).toBeUndefined();
    });
  });

  it('without consent OBO fails invalid_grant AADSTS65001, suberror consent_required (msal: InteractionRequiredAuthError)', async () => {
    await withTenant(async (t) => {
      await t.control('/consent/admin', { clientId: CONFER_CLIENT_ID, granted: false });
      const error = await t
        .msal()
        .acquireTokenOnBehalfOf({ oboAssertion: await t.teamsToken(ALEX), scopes: GRAPH_CALENDARS })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InteractionRequiredAuthError);
      expect((error as InteractionRequiredAuthError).errorCode).toBe('invalid_grant');
      expect((error as InteractionRequiredAuthError).subError).toBe('consent_required');
      expect((error as InteractionRequiredAuthError).errorMessage).toContain('AADSTS65001');
    });
  });

  it('per-user consent lets that user (only) through after admin consent is revoked', async () => {
    await withTenant(async (t) => {
      await t.control('/consent/admin', { clientId: CONFER_CLIENT_ID, granted: false });
      await t.control('/consent/user', {
        clientId: CONFER_CLIENT_ID,
        userId: MEGAN,
        granted: true,
        scopes: ['Calendars.ReadWrite', 'openid', 'profile', 'offline_access'],
      });
      const megan = await t
        .msal()
        .acquireTokenOnBehalfOf({ oboAssertion: await t.teamsToken(MEGAN), scopes: GRAPH_CALENDARS });
      expect(claimsOf(megan?.accessToken ?? '').scp).toBe('Calendars.ReadWrite');
      const alex = await t
        .msal()
        .acquireTokenOnBehalfOf({ oboAssertion: await t.teamsToken(ALEX), scopes: GRAPH_CALENDARS })
        .catch((e: unknown) => e);
      expect(alex).toBeInstanceOf(InteractionRequiredAuthError);
      await t.control('/consent/user', { clientId: CONFER_CLIENT_ID, userId: MEGAN, granted: false });
      const revoked = await t
        .msal()
        .acquireTokenOnBehalfOf({ oboAssertion: await t.teamsToken(MEGAN), scopes: GRAPH_CALENDARS, skipCache: true })
        .catch((e: unknown) => e);
      expect(revoked).toBeInstanceOf(InteractionRequiredAuthError);
    });
  });

  it('an assertion for another audience, an expired one, or a Graph token is invalid_grant', async () => {
    await withTenant(async (t) => {
      const graphToken = await t.userToken(MEGAN);
      const wrongAudience = await t
        .msal()
        .acquireTokenOnBehalfOf({ oboAssertion: graphToken, scopes: GRAPH_CALENDARS })
        .catch((e: unknown) => e);
      expect(wrongAudience).toBeInstanceOf(ServerError);
      expect((wrongAudience as ServerError).errorCode).toBe('invalid_grant');
      expect((wrongAudience as ServerError).errorMessage).toContain('AADSTS50013');
      const tabToken = await t.teamsToken(MEGAN);
      t.clock.advance(2 * 3600 * 1000);
      const expired = await t
        .msal()
        .acquireTokenOnBehalfOf({ oboAssertion: tabToken, scopes: GRAPH_CALENDARS })
        .catch((e: unknown) => e);
      expect((expired as ServerError).errorMessage).toContain('AADSTS500133');
      const garbage = await t
        .msal()
        .acquireTokenOnBehalfOf({ oboAssertion: 'not-a-jwt', scopes: GRAPH_CALENDARS })
        .catch((e: unknown) => e);
      expect((garbage as ServerError).errorCode).toBe('invalid_request');
    });
  });

  it('a misspelt Graph scope is invalid_scope AADSTS70011; two resources AADSTS28000', async () => {
    await withTenant(async (t) => {
      const base = {
        grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
        requested_token_use: 'on_behalf_of',
        client_id: CONFER_CLIENT_ID,
        client_secret: CONFER_APP.clientSecret,
        assertion: await t.teamsToken(MEGAN),
      };
      const misspelt = await tokenRequest(t, { ...base, scope: 'https://graph.microsoft.com/Calendar.ReadWrite' });
      expect(misspelt.body).toMatchObject({ error: 'invalid_scope', error_codes: [70011] });
      const two = await tokenRequest(t, {
        ...base,
        scope: `https://graph.microsoft.com/User.Read ${CONFER_APP.identifierUris[0]}/access_as_user`,
      });
      expect(two.body).toMatchObject({ error: 'invalid_request', error_codes: [28000] });
    });
  });
});
