import { describe, expect, it } from 'vitest';
import { isObjectId, isTenantId, LOCAL_TENANT_ID, playgroundUserId } from './local-tenant.ts';

const realTenant = '72f988bf-86f1-41af-91ab-2d7cd011db47';

describe('Entra ids and the local tenant’s exceptions', () => {
  it('takes a tenant id that is a GUID, or exactly the local tenant’s 13-digit id', () => {
    expect(isTenantId(realTenant)).toBe(true);
    expect(isTenantId(realTenant.toUpperCase())).toBe(true);
    expect(isTenantId(LOCAL_TENANT_ID)).toBe(true);
    expect(isTenantId(`${realTenant}0`)).toBe(false);
    expect(isTenantId('00000000-0000-0000-0000-0000000000002')).toBe(false);
    expect(isTenantId(realTenant.slice(0, -1))).toBe(false);
  });

  it('takes the Playground’s people’s ids as object ids in the local tenant only', () => {
    const alex = playgroundUserId(20);
    expect(alex).toBe('00000000-0000-0000-0000-0000000000020');
    expect(isObjectId(LOCAL_TENANT_ID, alex)).toBe(true);
    expect(isObjectId(realTenant, alex)).toBe(false);
    expect(isObjectId(realTenant, '5f3b8c2e-9a41-4d7e-b6c0-c0de00000001')).toBe(true);
    expect(isObjectId(LOCAL_TENANT_ID, 'not-an-id')).toBe(false);
  });
});
