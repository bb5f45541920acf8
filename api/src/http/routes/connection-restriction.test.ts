import { connectionSchema, LOCAL_TENANT_ID } from '@confer/contracts';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryStores } from '../../adapters/memory/memory-stores.ts';
import type { StoreSet } from '../../adapters/sqlite/store-set.ts';
import type { GraphTokenProvider } from '../../ports/graph-token-provider.ts';
import { aSettings } from '../../ports/tenant-store.contract.ts';
import { apiTestAppDeps, TEST_API_CONFIG } from '../../test-support/api-test-app.ts';
import { createFakeCalendarGateway } from '../../test-support/fake-calendar-gateway.ts';
import { listen } from '../../test-support/test-server.ts';
import { createTokenFactory } from '../../test-support/token-factory.ts';
import { createApp } from '../create-app.ts';

const tenantId = LOCAL_TENANT_ID;
const megan = '00000000-0000-0000-0000-0000000000021';
const NOW = new Date('2026-11-20T09:00:00.000Z');

let tokens: Awaited<ReturnType<typeof createTokenFactory>>;
let server: Awaited<ReturnType<typeof listen>>;
let stores: StoreSet;
const graphTokens: GraphTokenProvider = {
  forUser: async () => 'graph-token',
  forStoredUser: async () => 'graph-token',
  forApp: async () => 'app-token',
  forget: async () => undefined,
};
const calendar = createFakeCalendarGateway({
  profiles: {
    [megan]: { id: megan, displayName: 'Megan Bowen', userPrincipalName: 'meganb@contoso.test', timeZone: 'UTC' },
  },
  entries: { [megan]: [] },
});

beforeAll(async () => {
  tokens = await createTokenFactory({ issuer: TEST_API_CONFIG.issuer, tenantId, audience: TEST_API_CONFIG.clientId });
});
beforeEach(async () => {
  await server?.close();
  stores = createMemoryStores();
  server = await listen(
    createApp({
      ...apiTestAppDeps(tokens, calendar),
      connection: {
        clock: { now: () => NOW },
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

const connection = async (method: 'GET' | 'POST') => {
  const response = await fetch(`${server.url}/api/me/connection`, {
    method,
    headers: { authorization: `Bearer ${await tokens.sign()}` },
  });
  return connectionSchema.parse(await response.json());
};

describe('the connection view names the admin setting behind it (restriction)', () => {
  it('is null while the admin allows everything', async () => {
    expect(await connection('POST')).toMatchObject({ status: 'connected', canDisconnect: true, restriction: null });
  });

  it('says disconnect_forbidden when the admin keeps calendars connected, connected or not', async () => {
    await stores.tenants.saveSettings(aSettings({ tenantId, allowDisconnect: false }));
    expect(await connection('GET')).toMatchObject({ canDisconnect: false, restriction: 'disconnect_forbidden' });
    expect(await connection('POST')).toMatchObject({
      status: 'connected',
      canDisconnect: false,
      restriction: 'disconnect_forbidden',
    });
  });

  it('says integration_off while the integration is off, whatever else is set', async () => {
    await connection('POST');
    await stores.tenants.saveSettings(aSettings({ tenantId, integrationEnabled: false, allowDisconnect: false }));
    expect(await connection('GET')).toMatchObject({ status: 'not_connected', restriction: 'integration_off' });
  });

  it('has none in tenant-wide mode, where disconnecting is the admin’s anyway', async () => {
    await stores.tenants.saveSettings(aSettings({ tenantId, connectionMode: 'tenant', allowDisconnect: false }));
    expect(await connection('GET')).toMatchObject({ restriction: null });
  });
});
