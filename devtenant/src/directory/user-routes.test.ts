import { GraphError, PageIterator } from '@microsoft/microsoft-graph-client';
import { describe, expect, it } from 'vitest';
import { CONFER_CLIENT_ID, MEGAN, type TestTenant, withTenant } from '../core/test-support.ts';

async function appClient(t: TestTenant) {
  const token = await t.appToken();
  return t.graph(async () => token);
}

async function graphError(promise: Promise<unknown>): Promise<GraphError> {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(GraphError);
  return error as GraphError;
}

describe('Graph directory: /me and /users (docs/reference/graph-calendar.md §8)', () => {
  it('GET /me for a delegated token returns the signed-in user', async () => {
    await withTenant(async (t) => {
      const token = await t.userToken(MEGAN);
      const me = await t
        .graph(async () => token)
        .api('/me')
        .get();
      expect(me).toMatchObject({
        id: MEGAN,
        displayName: 'Megan Bowen',
        userPrincipalName: 'meganb@contoso.onmicrosoft.com',
        mail: 'meganb@contoso.onmicrosoft.com',
        jobTitle: 'Marketing Manager',
      });
      expect(me['@odata.context']).toBe(`${t.origin}/v1.0/$metadata#users/$entity`);
    });
  });

  it('/me with an app token is 400 (only valid with delegated authentication)', async () => {
    await withTenant(async (t) => {
      const error = await graphError((await appClient(t)).api('/me').get());
      expect(error.statusCode).toBe(400);
      expect(error.message).toContain('/me request is only valid with delegated authentication flow');
    });
  });

  it('GET /users/{id|upn} with $select; unknown user 404 Request_ResourceNotFound', async () => {
    await withTenant(async (t) => {
      const client = await appClient(t);
      const byUpn = await client.api('/users/ADELEV@contoso.onmicrosoft.com').select(['id', 'displayName']).get();
      expect(byUpn).toEqual({
        '@odata.context': `${t.origin}/v1.0/$metadata#users(id,displayName)/$entity`,
        id: '00000000-0000-0000-0000-0000000000022',
        displayName: 'Adele Vance',
      });
      const missing = await graphError(client.api('/users/guest@fabrikam.com').get());
      expect(missing.statusCode).toBe(404);
      expect(missing.code).toBe('Request_ResourceNotFound');
      expect(missing.requestId).toBeTruthy();
      const badSelect = await graphError(client.api('/users').select('shoeSize').get());
      expect(badSelect.statusCode).toBe(400);
    });
  });

  it('$filter startswith on displayName/mail/userPrincipalName with or', async () => {
    await withTenant(async (t) => {
      const client = await appClient(t);
      const result = await client
        .api('/users')
        .filter("startswith(displayName,'meg') or startswith(mail,'adel') or startswith(userPrincipalName,'LYNN')")
        .select('displayName')
        .get();
      expect(result.value.map((u: { displayName: string }) => u.displayName).sort()).toEqual([
        'Adele Vance',
        'Lynne Robbins',
        'Megan Bowen',
      ]);
      const external = await client.api('/users').filter("mail eq 'someone@fabrikam.com'").get();
      expect(external.value).toEqual([]);
      const bad = await graphError(client.api('/users').filter("endswith(mail,'x')").get());
      expect(bad.statusCode).toBe(400);
    });
  });

  it('$search needs ConsistencyLevel: eventual (else 400 Request_UnsupportedQuery); matches word prefixes; $count', async () => {
    await withTenant(async (t) => {
      const client = await appClient(t);
      const refused = await graphError(client.api('/users').search('"displayName:ven"').get());
      expect(refused.statusCode).toBe(400);
      expect(refused.code).toBe('Request_UnsupportedQuery');
      const found = await client
        .api('/users')
        .header('ConsistencyLevel', 'eventual')
        .search('"displayName:van" OR "mail:isaiah"')
        .count(true)
        .select('displayName')
        .get();
      expect(found['@odata.count']).toBe(2);
      expect(found.value.map((u: { displayName: string }) => u.displayName).sort()).toEqual([
        'Adele Vance',
        'Isaiah Langer',
      ]);
      const count = await graphError(client.api('/users').count(true).get());
      expect(count.message).toBe('$count is not currently supported.');
    });
  });

  it('$top pages with absolute https @odata.nextLink that PageIterator follows to every person (docs/reference/graph-calendar.md §10)', async () => {
    await withTenant(async (t) => {
      const client = await appClient(t);
      const first = await client.api('/users').top(7).select('id').get();
      expect(first['@odata.nextLink']).toMatch(new RegExp(`^${t.origin}/v1\\.0/users\\?.*\\$skiptoken=`));
      const ids: string[] = [];
      await new PageIterator(client, first, (user: { id: string }) => {
        ids.push(user.id);
        return true;
      }).iterate();
      expect(ids.length).toBeGreaterThanOrEqual(30);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids).toContain('00000000-0000-0000-0000-0000000000025');
      const tooBig = await graphError(client.api('/users').top(1000).get());
      expect(tooBig.statusCode).toBe(400);
    });
  });

  it('reading others needs User.ReadBasic.All/User.Read.All (403 Authorization_RequestDenied); ReadBasic hides non-basic fields', async () => {
    await withTenant(async (t) => {
      await t.control('/consent/admin', {
        clientId: CONFER_CLIENT_ID,
        granted: true,
        delegated: ['User.Read', 'openid', 'profile', 'offline_access'],
        roles: [],
      });
      const onlyUserRead = await t.userToken(MEGAN);
      const client = t.graph(async () => onlyUserRead);
      expect((await client.api(`/users/${MEGAN}`).get()).displayName).toBe('Megan Bowen');
      const denied = await graphError(client.api('/users').get());
      expect(denied.statusCode).toBe(403);
      expect(denied.code).toBe('Authorization_RequestDenied');
      await t.control('/consent/admin', {
        clientId: CONFER_CLIENT_ID,
        granted: true,
        delegated: ['User.Read', 'User.ReadBasic.All', 'openid', 'profile', 'offline_access'],
        roles: [],
      });
      const basic = await t.userToken(MEGAN);
      const adele = await t
        .graph(async () => basic)
        .api('/users/adelev@contoso.onmicrosoft.com')
        .get();
      expect(adele).toMatchObject({
        displayName: 'Adele Vance',
        mail: 'adelev@contoso.onmicrosoft.com',
        jobTitle: null,
        officeLocation: null,
      });
    });
  });

  it('the directory has ≥30 people in ≥3 time zones, the six Playground ids, one without a mailbox', async () => {
    await withTenant(async (t) => {
      const users = (await t.control('/users')).body as {
        value: { id: string; timeZone: string; hasMailbox: boolean }[];
      };
      expect(users.value.length).toBeGreaterThanOrEqual(30);
      expect(new Set(users.value.map((u) => u.timeZone)).size).toBeGreaterThanOrEqual(3);
      for (const n of [20, 21, 22, 23, 24, 25])
        expect(users.value.map((u) => u.id)).toContain(`00000000-0000-0000-0000-00000000000${n}`);
      expect(users.value.filter((u) => !u.hasMailbox)).toHaveLength(1);
      const groups = (await t.control('/groups')).body as {
        value: { displayName: string; mailEnabled: boolean; securityEnabled: boolean }[];
      };
      expect(groups.value.find((g) => g.displayName === 'Confer Users')).toMatchObject({
        mailEnabled: true,
        securityEnabled: true,
      });
    });
  });
});
