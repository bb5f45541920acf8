import { describe, expect, it } from 'vitest';
import { createMemoryStores } from '../../adapters/memory/memory-stores.ts';
import { isAppError } from '../../domain/app-error.ts';
import { aSettings } from '../../ports/tenant-store.contract.ts';
import { actorFor, actorForUser, backgroundCaller, callerFrom, connectionModeOf } from '../scheduling/caller.ts';

const TENANT = 'tenant-contoso';
const megan = { tenantId: TENANT, userId: 'oid-megan', email: 'meganb@contoso.test', displayName: 'Megan Bowen' };
const signedIn = callerFrom({
  tenantId: TENANT,
  userId: 'oid-megan',
  userPrincipalName: 'meganb@contoso.test',
  name: 'Megan Bowen',
  roles: [],
  rawToken: 'token',
});

async function codeOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  return isAppError(error) ? error.code : `no AppError: ${String(error)}`;
}

describe('Graph actors under the tenant settings', () => {
  it('follows the configured mode until an admin chooses one, and the saved mode from the next call on', async () => {
    const { tenants } = createMemoryStores();
    const deps = { tenants, defaultConnectionMode: 'user' as const };
    expect(await actorForUser(deps, TENANT, 'oid-megan')).toEqual({
      kind: 'stored-user',
      tenantId: TENANT,
      userId: 'oid-megan',
    });
    await tenants.saveSettings(aSettings({ tenantId: TENANT, connectionMode: 'tenant' }));
    expect(await connectionModeOf(deps, TENANT)).toBe('tenant');
    expect(await actorFor(deps, signedIn)).toEqual({ kind: 'app', tenantId: TENANT });
  });

  it('gives no actor at all (integration_off) for the API, the bot and background work once Outlook is off', async () => {
    const { tenants } = createMemoryStores();
    const deps = { tenants, defaultConnectionMode: 'tenant' as const };
    await tenants.saveSettings(aSettings({ tenantId: TENANT, integrationEnabled: false }));
    expect(await codeOf(actorFor(deps, signedIn))).toBe('integration_off');
    expect(await codeOf(actorFor(deps, backgroundCaller(megan)))).toBe('integration_off');
    expect(await codeOf(actorForUser(deps, TENANT, 'oid-megan'))).toBe('integration_off');
    await tenants.saveSettings(aSettings({ tenantId: TENANT, integrationEnabled: true }));
    expect(await actorFor(deps, signedIn)).toEqual({ kind: 'user', identity: signedIn.identity });
  });
});
