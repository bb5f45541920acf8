import { LOCAL_TENANT_ID } from '@confer/contracts';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryStores } from '../../adapters/memory/memory-stores.ts';
import type { StoreSet } from '../../adapters/sqlite/store-set.ts';
import type { GraphTokenProvider } from '../../ports/graph-token-provider.ts';
import { aSettings } from '../../ports/tenant-store.contract.ts';
import { apiTestAppDeps, TEST_API_CONFIG } from '../../test-support/api-test-app.ts';
import { createFakeCalendarGateway } from '../../test-support/fake-calendar-gateway.ts';
import { listen } from '../../test-support/test-server.ts';
import { createTokenFactory } from '../../test-support/token-factory.ts';
import { ADMIN_ROLE } from '../../use-cases/admin/admin-settings.ts';
import { createApp } from '../create-app.ts';

const tenantId = LOCAL_TENANT_ID;
const megan = '00000000-0000-0000-0000-0000000000021';
const OWNER = '8B3F1C2E-0D4A-4F7E-9A61-2C5D8E7F9A01';
const config = TEST_API_CONFIG;
const NOW = new Date('2026-11-20T09:00:00.000Z');

let tokens: Awaited<ReturnType<typeof createTokenFactory>>;
let server: Awaited<ReturnType<typeof listen>>;
let stores: StoreSet;
const forgotten: string[] = [];
const graphTokens: GraphTokenProvider = {
  forUser: async () => 'graph-token',
  forStoredUser: async () => 'graph-token',
  forApp: async () => 'app-token',
  forget: async (_tenant, userId) => {
    forgotten.push(userId);
  },
};
const calendar = createFakeCalendarGateway({
  profiles: {
    [megan]: { id: megan, displayName: 'Megan Bowen', userPrincipalName: 'meganb@contoso.test', timeZone: 'UTC' },
  },
  entries: { [megan]: [] },
});

beforeAll(async () => {
  tokens = await createTokenFactory({ issuer: config.issuer, tenantId, audience: config.clientId });
});

beforeEach(async () => {
  await server?.close();
  stores = createMemoryStores();
  forgotten.length = 0;
  const clock = { now: () => NOW };
  server = await listen(
    createApp({
      ...apiTestAppDeps(tokens, calendar),
      admin: { clock, tenants: stores.tenants, audit: stores.audit, defaultConnectionMode: 'user' },
      connection: {
        clock,
        tenants: stores.tenants,
        tokens: graphTokens,
        calendar,
        checkConnection: async () => 'connected',
        defaultConnectionMode: 'user',
      },
    }),
  );
});
afterAll(() => server.close());

const adminToken = () => tokens.sign({ roles: [ADMIN_ROLE] });
const call = async (method: string, path: string, token: string, body?: unknown) => {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};
const valid = { connectionMode: 'user', integrationEnabled: true, allowDisconnect: false, integrationOwners: [OWNER] };

describe('admin API', () => {
  it('lets a Confer.Admin read and change the settings, answering owners in lower case', async () => {
    expect((await call('GET', '/api/admin/settings', await adminToken())).body).toMatchObject({
      integrationEnabled: true,
      allowDisconnect: true,
      updatedAt: null,
    });
    const saved = await call('PUT', '/api/admin/settings', await adminToken(), valid);
    expect(saved).toEqual({
      status: 200,
      body: { ...valid, integrationOwners: [OWNER.toLowerCase()], updatedAt: NOW.toISOString() },
    });
    const audit = await call('GET', '/api/admin/audit?limit=5', await adminToken());
    expect(audit.body.entries).toEqual([
      expect.objectContaining({ action: 'admin.settings_changed', actorId: megan, at: NOW.toISOString() }),
    ]);
  });

  it.each([
    ['GET', '/api/admin/settings'],
    ['PUT', '/api/admin/settings'],
    ['GET', '/api/admin/audit'],
    ['GET', '/api/admin/anything-else'],
  ])(
    'refuses %s %s to a person without the role (403 admin_required), audited, nothing changed',
    async (method, path) => {
      const body = method === 'PUT' ? { ...valid, integrationEnabled: false } : undefined;
      const refused = await call(method, path, await tokens.sign({ roles: ['Confer.Reader'] }), body);
      expect(refused).toEqual({
        status: 403,
        body: { error: { code: 'admin_required', message: expect.any(String) } },
      });
      expect(await stores.tenants.getSettings(tenantId)).toBeUndefined();
      expect(await stores.audit.list(tenantId, 10)).toEqual([
        { tenantId, at: NOW, actorId: megan, action: 'admin.refused', target: path, details: { method, path } },
      ]);
    },
  );

  it("refuses a token whose roles claim is not a list of names, and another tenant's admin", async () => {
    for (const roles of ['Confer.Admin', [ADMIN_ROLE, 7], { admin: true }]) {
      const refused = await call('GET', '/api/admin/settings', await tokens.sign({ roles }));
      expect(refused).toMatchObject({ status: 401, body: { error: { code: 'token_invalid' } } });
    }
    const otherTenant = await tokens.sign({ roles: [ADMIN_ROLE], tid: '11111111-1111-1111-1111-111111111111' });
    const put = await call('PUT', '/api/admin/settings', otherTenant, valid);
    expect(put).toMatchObject({ status: 401, body: { error: { code: 'token_wrong_tenant' } } });
    expect((await call('GET', '/api/admin/audit', otherTenant)).status).toBe(401);
    expect(await stores.tenants.getSettings(tenantId)).toBeUndefined();
  });

  const badBodies: [string, unknown][] = [
    ['an unknown mode', { ...valid, connectionMode: 'everyone' }],
    ['a mode of the wrong type', { ...valid, connectionMode: 1 }],
    ['integrationEnabled as text', { ...valid, integrationEnabled: 'false' }],
    ['allowDisconnect as a number', { ...valid, allowDisconnect: 0 }],
    ['an owner that is not an object id', { ...valid, integrationOwners: ['megan@contoso.test'] }],
    ['an owner that is not text', { ...valid, integrationOwners: [42] }],
    ['owners that are not a list', { ...valid, integrationOwners: OWNER }],
    ['the same owner twice', { ...valid, integrationOwners: [OWNER, OWNER.toLowerCase()] }],
    [
      'more than 20 owners',
      {
        ...valid,
        integrationOwners: Array.from(
          { length: 21 },
          (_, i) => `8b3f1c2e-0d4a-4f7e-9a61-${String(i).padStart(12, '0')}`,
        ),
      },
    ],
    ['an unknown field', { ...valid, securityGroupId: 'group-1' }],
    ['a missing field', { connectionMode: 'user', integrationEnabled: true, allowDisconnect: true }],
    ['a list', [valid]],
  ];

  it.each(badBodies)(
    'refuses %s with 400 validation_failed, changes nothing and audits the refusal',
    async (_name, body) => {
      const refused = await call('PUT', '/api/admin/settings', await adminToken(), body);
      expect(refused.status).toBe(400);
      expect(refused.body).toMatchObject({ error: { code: 'validation_failed' } });
      expect(await stores.tenants.getSettings(tenantId)).toBeUndefined();
      const path = '/api/admin/settings';
      expect(await stores.audit.list(tenantId, 10)).toEqual([
        {
          tenantId,
          at: NOW,
          actorId: megan,
          action: 'admin.change_refused',
          target: path,
          details: { method: 'PUT', path, code: 'validation_failed' },
        },
      ]);
    },
  );

  it.each(['0', '201', 'ten', '1.5'])('refuses the audit limit %s with 400 validation_failed', async (limit) => {
    const refused = await call('GET', `/api/admin/audit?limit=${limit}`, await adminToken());
    expect(refused).toMatchObject({ status: 400, body: { error: { code: 'validation_failed' } } });
  });
});

describe('the rules the settings enforce on my connection', () => {
  const connectedMegan = async () => {
    const token = await tokens.sign();
    expect((await call('POST', '/api/me/connection', token)).body).toMatchObject({ status: 'connected' });
    return token;
  };

  it('keeps a connection when the admin does not allow disconnecting (403 disconnect_forbidden)', async () => {
    const token = await connectedMegan();
    expect((await call('GET', '/api/me/connection', token)).body).toMatchObject({ canDisconnect: true });
    await stores.tenants.saveSettings(aSettings({ tenantId, allowDisconnect: false }));
    expect((await call('GET', '/api/me/connection', token)).body).toMatchObject({
      status: 'connected',
      canDisconnect: false,
    });
    const refused = await call('DELETE', '/api/me/connection', token);
    expect(refused).toMatchObject({ status: 403, body: { error: { code: 'disconnect_forbidden' } } });
    expect(forgotten).toEqual([]);
    expect((await stores.tenants.getUser(tenantId, megan))?.connectionStatus).toBe('connected');
  });

  it('says the organisation switched Outlook off, refuses to connect, and still lets people disconnect without Graph', async () => {
    const token = await connectedMegan();
    const callsBefore = calendar.calls.length;
    await stores.tenants.saveSettings(aSettings({ tenantId, integrationEnabled: false }));
    const view = await call('GET', '/api/me/connection', token);
    expect(view.body).toMatchObject({ status: 'not_connected', canDisconnect: false });
    expect(view.body.message).toMatch(/organisation has switched the Outlook integration off/);
    expect(await call('POST', '/api/me/connection', token)).toMatchObject({
      status: 403,
      body: { error: { code: 'integration_off' } },
    });
    expect(forgotten).toEqual([]);
    // Her tokens are Confer's own to delete: no Graph call is needed for that.
    expect(await call('DELETE', '/api/me/connection', token)).toMatchObject({ status: 200 });
    expect(forgotten).toHaveLength(1);
    expect(calendar.calls.length).toBe(callsBefore);
  });
});
