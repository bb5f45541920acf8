import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ALEX,
  CONFER_API,
  CONFER_APP,
  CONFER_CLIENT_ID,
  claimsOf,
  MEGAN,
  startTestTenant,
  type TestTenant,
  withTenant,
} from '../core/test-support.ts';
import { DEFAULT_BOT_CONNECTION_NAME } from './connections.ts';

// The Bot Framework user-token protocol as the Agents SDK's UserTokenClient speaks it (docs/sign-in-from-chat.md).
const connectionName = DEFAULT_BOT_CONNECTION_NAME;
const channelId = 'msteams';
let t: TestTenant;

beforeAll(async () => {
  t = await startTestTenant();
});
afterAll(async () => {
  await t.close();
});

const query = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

async function exchange(teamsUserId: string, token: string) {
  const response = await t.fetch(
    `/api/usertoken/exchange?${query({ userId: teamsUserId, connectionName, channelId })}`,
    {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token }),
    },
  );
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function getToken(teamsUserId: string, code?: string) {
  const params: Record<string, string> = { userId: teamsUserId, connectionName, channelId };
  if (code) params.code = code;
  const response = await t.fetch(`/api/usertoken/GetToken?${query(params)}`);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function signInResource(teamsUserId: string) {
  const state = Buffer.from(
    JSON.stringify({ connectionName, conversation: { channelId, user: { id: teamsUserId } }, msAppId: 'bot' }),
  ).toString('base64');
  const response = await t.fetch(`/api/botsignin/GetSignInResource?${query({ state })}`);
  expect(response.status).toBe(200);
  return (await response.json()) as {
    signInLink: string;
    tokenExchangeResource: { id: string; uri: string; providerId: string };
  };
}

/** Follows the sign-in link as a browser would: the account picker, then consent when asked; answers the code. */
async function signInThroughBrowser(link: string, userId: string): Promise<string> {
  const toAuthorize = await t.fetch(link, { redirect: 'manual' });
  expect(toAuthorize.status).toBe(302);
  const authorize = new URL(String(toAuthorize.headers.get('location')));
  const form = Object.fromEntries(authorize.searchParams);
  let answer = await t.fetch(authorize.pathname, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ ...form, user_id: userId }).toString(),
  });
  if (answer.status === 200) {
    expect(await answer.text()).toContain('consent');
    answer = await t.fetch(authorize.pathname, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ ...form, user_id: userId, action: 'consent_accept' }).toString(),
    });
  }
  expect(answer.status).toBe(302);
  const back = new URL(String(answer.headers.get('location')));
  const page = await t.fetch(`${back.pathname}${back.search}`);
  const html = await page.text();
  expect(page.status, html).toBe(200);
  const code = /data-magic-code>(\d{6})</.exec(html)?.[1];
  if (!code) throw new Error(`no magic code on the page: ${html}`);
  return code;
}

describe('devtenant bot token service', () => {
  it('GetSignInResource names the token exchange URL and a sign-in link on this origin', async () => {
    const resource = await signInResource('29:alex');
    expect(resource.tokenExchangeResource).toMatchObject({ uri: CONFER_API, providerId: 'AzureAD' });
    expect(resource.tokenExchangeResource.id).toMatch(/^[0-9a-f]{32}$/);
    expect(new URL(resource.signInLink).origin).toBe(t.origin);
  });

  it('exchanges a Teams SSO token for a token of the connection and holds it for GetToken', async () => {
    expect((await getToken('29:alex-held')).status).toBe(404);
    const exchanged = await exchange('29:alex-held', await t.teamsToken(ALEX));
    expect(exchanged.status).toBe(200);
    expect(exchanged.body).toMatchObject({ connectionName, channelId });
    const claims = claimsOf(String(exchanged.body.token));
    expect(claims).toMatchObject({ aud: CONFER_CLIENT_ID, oid: ALEX, scp: 'access_as_user', azp: CONFER_CLIENT_ID });
    const held = await getToken('29:alex-held');
    expect(held).toMatchObject({ status: 200, body: { token: exchanged.body.token } });
    const signedOut = await t.fetch(
      `/api/usertoken/SignOut?${query({ userId: '29:alex-held', connectionName, channelId })}`,
      {
        method: 'DELETE',
      },
    );
    expect(signedOut.status).toBe(200);
    expect((await getToken('29:alex-held')).status).toBe(404);
  });

  it('refuses tokens that are not for the bot, and unknown connections, with the service error body', async () => {
    expect(await exchange('29:x', 'not-a-jwt')).toMatchObject({
      status: 400,
      body: { error: { code: 'invalid_token' } },
    });
    const graphToken = await t.userToken(ALEX);
    expect(await exchange('29:x', graphToken)).toMatchObject({
      status: 400,
      body: { error: { code: 'invalid_token' } },
    });
    const unknown = await t.fetch(
      `/api/usertoken/GetToken?${query({ userId: '29:x', connectionName: 'other', channelId })}`,
    );
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: { code: 'unknown_connection' } });
  });

  it('fails the exchange when consent is missing, until the person signs in and consents through the link', async () => {
    expect((await t.control('/bot-token-service/faults', { userId: MEGAN, fault: 'consent_required' })).status).toBe(
      200,
    );
    const failed = await exchange('29:megan', await t.teamsToken(MEGAN));
    expect(failed).toMatchObject({ status: 400, body: { error: { code: 'consent_required' } } });

    const resource = await signInResource('29:megan');
    const code = await signInThroughBrowser(resource.signInLink, MEGAN);
    expect((await getToken('29:someone-else', code)).status).toBe(404);
    const redeemed = await getToken('29:megan', code);
    expect(redeemed.status).toBe(200);
    expect(claimsOf(String(redeemed.body.token))).toMatchObject({ oid: MEGAN, aud: CONFER_CLIENT_ID });
    // Single use; and the person consented, so the next exchange works.
    expect((await getToken('29:megan', code)).status).toBe(404);
    expect((await exchange('29:megan', await t.teamsToken(MEGAN))).status).toBe(200);
  });

  it('refuses a disabled account or one not assigned to the app, naming why', async () => {
    await t.control('/bot-token-service/faults', { userId: ALEX, fault: 'account_disabled' });
    expect(await exchange('29:alex-off', await t.teamsToken(ALEX))).toMatchObject({
      status: 403,
      body: { error: { code: 'account_disabled' } },
    });
    await t.control('/bot-token-service/faults', { userId: ALEX, fault: 'not_in_group' });
    expect(await exchange('29:alex-off', await t.teamsToken(ALEX))).toMatchObject({
      status: 403,
      body: { error: { code: 'not_assigned' } },
    });
    await t.control('/bot-token-service/faults', { userId: ALEX, fault: null });
    expect((await exchange('29:alex-off', await t.teamsToken(ALEX))).status).toBe(200);
    const counted = await t.control('/bot-token-service/exchanges?userId=29:alex-off');
    expect(counted.body).toEqual({ userId: '29:alex-off', exchanges: 3 });
    // The tenant's reset forgets the service's state too.
    await t.control('/reset', {});
    expect((await t.control('/bot-token-service/exchanges?userId=29:alex-off')).body).toMatchObject({ exchanges: 0 });
  });

  it('fails the exchange naturally when nobody consented to the sign-in scopes', async () => {
    await t.control('/consent/admin', { clientId: CONFER_CLIENT_ID, granted: false });
    try {
      expect(await exchange('29:adele', await t.teamsToken(MEGAN))).toMatchObject({
        status: 400,
        body: { error: { code: 'consent_required' } },
      });
    } finally {
      await t.control('/consent/admin', { clientId: CONFER_CLIENT_ID, granted: true });
    }
  });

  it("exchanges Teams' token for the bot's own resource, api://{domain}/botid-{botId}, when the app exposes it", async () => {
    const botResource = 'api://localhost:3978/botid-00000000-0000-0000-0000-000000000011';
    const app = { ...CONFER_APP, identifierUris: [...CONFER_APP.identifierUris, botResource] };
    await withTenant(
      async (tenant) => {
        const connections = await tenant.control('/bot-token-service/connections');
        expect(connections.body).toMatchObject({ value: [{ name: connectionName, tokenExchangeUrl: botResource }] });
        const minted = await tenant.control('/teams-sso-token', { userId: ALEX, resource: botResource });
        const token = (minted.body as { token: string }).token;
        const response = await tenant.fetch(
          `/api/usertoken/exchange?${query({ userId: '29:alex', connectionName, channelId })}`,
          { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token }) },
        );
        expect(response.status).toBe(200);
      },
      { apps: [app] },
    );
  });
});
