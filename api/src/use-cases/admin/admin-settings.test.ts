import { describe, expect, it } from 'vitest';
import { createMemoryStores } from '../../adapters/memory/memory-stores.ts';
import { isAppError } from '../../domain/app-error.ts';
import type { Identity } from '../../ports/identity.ts';
import {
  ADMIN_ROLE,
  type AdminDeps,
  getAdminSettings,
  isAdmin,
  listAuditEntries,
  requireAdmin,
  saveAdminSettings,
} from './admin-settings.ts';

const TENANT = 'tenant-contoso';
const OWNER = '8b3f1c2e-0d4a-4f7e-9a61-2c5d8e7f9a01';
const person = (roles: string[], userId = 'oid-megan'): Identity => ({
  tenantId: TENANT,
  userId,
  userPrincipalName: 'meganb@contoso.test',
  name: 'Megan Bowen',
  roles,
  rawToken: 'token',
});

function setup() {
  const stores = createMemoryStores();
  let now = new Date('2026-11-20T09:00:00.000Z');
  const invalidated: string[] = [];
  const deps: AdminDeps = {
    clock: { now: () => now },
    tenants: stores.tenants,
    audit: stores.audit,
    defaultConnectionMode: 'user',
    afterChange: (tenantId) => invalidated.push(tenantId),
  };
  const later = (iso: string) => {
    now = new Date(iso);
  };
  return { deps, stores, invalidated, later };
}

const choice = {
  connectionMode: 'tenant' as const,
  integrationEnabled: false,
  allowDisconnect: false,
  integrationOwners: [OWNER],
};

async function codeOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  return isAppError(error) ? error.code : `no AppError: ${String(error)}`;
}

describe('the admin guard', () => {
  it('recognises an admin by the Confer.Admin role only', () => {
    expect(isAdmin(person([ADMIN_ROLE]))).toBe(true);
    expect(isAdmin(person(['Confer.Reader', 'confer.admin']))).toBe(false);
    expect(isAdmin(person([]))).toBe(false);
  });

  it('lets an admin through without writing to the audit log', async () => {
    const { deps, stores } = setup();
    const admin = await requireAdmin(deps, person([ADMIN_ROLE]), { method: 'GET', path: '/api/admin/settings' });
    expect(admin.userId).toBe('oid-megan');
    expect(await stores.audit.list(TENANT, 10)).toEqual([]);
  });

  it('refuses anyone else with admin_required and records who tried which path', async () => {
    const { deps, stores } = setup();
    const attempt = { method: 'PUT', path: '/api/admin/settings' };
    expect(await codeOf(requireAdmin(deps, person([], 'oid-adele'), attempt))).toBe('admin_required');
    expect(await stores.audit.list(TENANT, 10)).toEqual([
      {
        tenantId: TENANT,
        at: new Date('2026-11-20T09:00:00.000Z'),
        actorId: 'oid-adele',
        action: 'admin.refused',
        target: '/api/admin/settings',
        details: attempt,
      },
    ]);
  });
});

describe('admin settings', () => {
  const admin = (deps: AdminDeps) =>
    requireAdmin(deps, person([ADMIN_ROLE]), { method: 'GET', path: '/api/admin/settings' });

  it('shows the defaults of a tenant nobody configured: configured mode, integration on, disconnect allowed', async () => {
    const { deps } = setup();
    expect(await getAdminSettings(deps, await admin(deps))).toEqual({
      connectionMode: 'user',
      integrationEnabled: true,
      allowDisconnect: true,
      integrationOwners: [],
      updatedAt: null,
    });
  });

  it('saves a change, audits it with before and after, and drops what was cached under the old settings', async () => {
    const { deps, stores, invalidated } = setup();
    const saved = await saveAdminSettings(deps, await admin(deps), choice);
    expect(saved).toEqual({ ...choice, updatedAt: '2026-11-20T09:00:00.000Z' });
    expect(await getAdminSettings(deps, await admin(deps))).toEqual(saved);
    expect(await stores.tenants.getSettings(TENANT)).toMatchObject({ ...choice, securityGroupId: null });
    expect(invalidated).toEqual([TENANT]);
    const [entry] = await stores.audit.list(TENANT, 10);
    expect(entry).toEqual({
      tenantId: TENANT,
      at: new Date('2026-11-20T09:00:00.000Z'),
      actorId: 'oid-megan',
      action: 'admin.settings_changed',
      target: 'tenant_settings',
      details: {
        before: { connectionMode: 'user', integrationEnabled: true, allowDisconnect: true, integrationOwners: [] },
        after: choice,
      },
    });
  });

  it('records nothing when the same settings are saved again', async () => {
    const { deps, stores, later } = setup();
    await saveAdminSettings(deps, await admin(deps), choice);
    later('2026-11-20T10:00:00.000Z');
    const again = await saveAdminSettings(deps, await admin(deps), { ...choice, integrationOwners: [OWNER] });
    expect(again.updatedAt).toBe('2026-11-20T09:00:00.000Z');
    expect((await stores.audit.list(TENANT, 10)).map((e) => e.action)).toEqual(['admin.settings_changed']);
  });

  it("lists only the admin's own tenant's audit entries, newest first, up to the limit", async () => {
    const { deps, stores, later } = setup();
    await saveAdminSettings(deps, await admin(deps), choice);
    later('2026-11-20T10:00:00.000Z');
    await saveAdminSettings(deps, await admin(deps), { ...choice, integrationEnabled: true });
    await stores.audit.append({
      tenantId: 'tenant-fabrikam',
      at: new Date('2026-11-20T11:00:00.000Z'),
      actorId: 'oid-other',
      action: 'admin.settings_changed',
      target: 'tenant_settings',
      details: {},
    });
    const entries = await listAuditEntries(deps, await admin(deps), 1);
    expect(entries).toEqual([
      expect.objectContaining({
        at: '2026-11-20T10:00:00.000Z',
        actorId: 'oid-megan',
        action: 'admin.settings_changed',
      }),
    ]);
    expect(entries[0]).not.toHaveProperty('tenantId');
    expect(await listAuditEntries(deps, await admin(deps), 10)).toHaveLength(2);
  });
});
