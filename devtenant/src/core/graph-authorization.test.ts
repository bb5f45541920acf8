import type { GraphError } from '@microsoft/microsoft-graph-client';
import { describe, expect, it } from 'vitest';
import {
  ADELE,
  CONFER_CLIENT_ID,
  MEGAN,
  MIRIAM_UPN,
  startTestTenant,
  type TestTenant,
  withTenant,
} from './test-support.ts';

async function status(t: TestTenant, path: string, token: string) {
  const response = await t.fetch(path, { headers: { authorization: `Bearer ${token}` } });
  return { status: response.status, body: (await response.json()) as { error?: { code: string; message: string } } };
}

describe('Graph authorization (docs/reference/graph-calendar.md §8)', () => {
  it('a missing, expired, foreign-signed or wrong-audience token is 401 InvalidAuthenticationToken', async () => {
    const other = await startTestTenant();
    try {
      const foreign = await other.appToken();
      await withTenant(async (t) => {
        const missing = await t.fetch('/v1.0/users');
        expect(missing.status).toBe(401);
        expect(missing.headers.get('www-authenticate')).toContain('Bearer');
        expect((await status(t, '/v1.0/users', foreign)).body.error?.code).toBe('InvalidAuthenticationToken');
        const appForApi = await t.teamsToken(MEGAN);
        const wrongAudience = await status(t, '/v1.0/me', appForApi);
        expect(wrongAudience.status).toBe(401);
        expect(wrongAudience.body.error?.message).toContain('Invalid audience');
        const token = await t.appToken();
        t.clock.advance(3601 * 1000);
        const expired = await status(t, '/v1.0/users', token);
        expect(expired).toMatchObject({
          status: 401,
          body: {
            error: { code: 'InvalidAuthenticationToken', message: 'Access token has expired or is not yet valid.' },
          },
        });
        expect((await status(t, '/v1.0/users', 'abc')).status).toBe(401);
      });
    } finally {
      await other.close();
    }
  });

  it('an app token without the role is 403 ErrorAccessDenied on a mailbox endpoint', async () => {
    await withTenant(async (t) => {
      await t.control('/consent/admin', {
        clientId: CONFER_CLIENT_ID,
        granted: true,
        delegated: ['User.Read'],
        roles: ['User.Read.All'],
      });
      const token = await t.appToken();
      const error = (await t
        .graph(async () => token)
        .api(`/users/${MEGAN}/mailboxSettings`)
        .get()
        .catch((e: unknown) => e)) as GraphError;
      expect(error.statusCode).toBe(403);
      expect(error.code).toBe('ErrorAccessDenied');
    });
  });

  it('the Application Access Policy scoped to Confer Users blocks app-only access to other mailboxes with the RAOP message', async () => {
    await withTenant(async (t) => {
      const token = await t.appToken();
      const client = t.graph(async () => token);
      expect((await client.api(`/users/${MIRIAM_UPN}/mailboxSettings`).get()).timeZone).toBe('Eastern Standard Time');
      const enabled = await t.control('/access-policy', { enabled: true });
      expect(enabled.status).toBe(200);
      expect((await client.api(`/users/${MEGAN}/mailboxSettings`).get()).timeZone).toBe('Pacific Standard Time');
      const blocked = (await client
        .api(`/users/${MIRIAM_UPN}/mailboxSettings`)
        .get()
        .catch((e: unknown) => e)) as GraphError;
      expect(blocked.statusCode).toBe(403);
      expect(blocked.code).toBe('ErrorAccessDenied');
      expect(blocked.message).toBe(
        'Access to OData is disabled: [RAOP] : Blocked by tenant configured AppOnly AccessPolicy settings.',
      );
      const test = await t.control(`/access-policy?appId=${CONFER_CLIENT_ID}&user=${MIRIAM_UPN}`);
      expect(test.body).toMatchObject({ accessCheckResult: 'Denied' });
      // Directory reads are not Exchange: the policy does not apply to them.
      expect((await client.api(`/users/${MIRIAM_UPN}`).get()).displayName).toBe('Miriam Graham');
      await t.control('/access-policy', { enabled: false });
      expect((await client.api(`/users/${MIRIAM_UPN}/mailboxSettings`).get()).timeZone).toBe('Eastern Standard Time');
    });
  });

  it('the access policy does not affect delegated tokens', async () => {
    await withTenant(async (t) => {
      await t.control('/access-policy', { enabled: true });
      const token = await t.userToken('miriamg@contoso.onmicrosoft.com');
      expect(
        (
          await t
            .graph(async () => token)
            .api('/me/mailboxSettings')
            .get()
        ).timeZone,
      ).toBe('Eastern Standard Time');
    });
  });

  it("a delegated caller cannot reach someone else's mailbox (403); an app caller can", async () => {
    await withTenant(async (t) => {
      const megan = await t.userToken(MEGAN);
      const response = await status(t, `/v1.0/users/${ADELE}/mailboxSettings`, megan);
      expect(response).toMatchObject({ status: 403, body: { error: { code: 'ErrorAccessDenied' } } });
      expect((await status(t, `/v1.0/users/${ADELE}/mailboxSettings`, await t.appToken())).status).toBe(200);
    });
  });

  it('a policy needs a mail-enabled security group', async () => {
    await withTenant(async (t) => {
      const response = await t.control('/access-policy', { enabled: true, group: 'Engineering' });
      expect(response).toMatchObject({ status: 400, body: { error: { code: 'invalid_group' } } });
    });
  });
});
