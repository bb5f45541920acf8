import { describe, expect, it } from 'vitest';
import { failureOf, TENANT_A, TENANT_B } from './store-fixtures.contract.ts';
import type { AuditEntry, AuditLog, TenantSettings, TenantStore, TokenCacheStore, UserRecord } from './tenant-store.ts';

const at = (iso: string) => new Date(iso);

export function aUser(overrides: Partial<UserRecord> = {}): UserRecord {
  return {
    tenantId: TENANT_A,
    userId: 'oid-megan',
    email: 'meganb@contoso.onmicrosoft.com',
    displayName: 'Megan Bowen',
    timeZone: 'America/New_York',
    connectionStatus: 'connected',
    connectionCheckedAt: at('2026-11-20T09:00:00.000Z'),
    connectionExpiresAt: at('2027-02-18T09:00:00.000Z'),
    preferences: {
      reminderMinutes: [60, 10],
      timeZoneOverride: 'Europe/Dublin',
      workingHoursOverride: { days: ['monday', 'tuesday'], start: '08:30', end: '16:00' },
    },
    updatedAt: at('2026-11-20T09:00:00.000Z'),
    ...overrides,
  };
}

/** A tenant's settings as an admin left them untouched: per-user mode, integration on, no owners. */
export function aSettings(overrides: Partial<TenantSettings> = {}): TenantSettings {
  return {
    tenantId: TENANT_A,
    connectionMode: 'user',
    securityGroupId: null,
    integrationEnabled: true,
    allowDisconnect: true,
    integrationOwners: [],
    updatedAt: at('2026-11-20T09:00Z'),
    ...overrides,
  };
}

/** One contract suite for every TenantStore implementation. */
export function tenantStoreContract(
  name: string,
  create: () => { tenants: TenantStore } | Promise<{ tenants: TenantStore }>,
) {
  describe(`TenantStore contract: ${name}`, () => {
    it('keeps one settings record per tenant, the latest save winning', async () => {
      const { tenants } = await create();
      expect(await tenants.getSettings(TENANT_A)).toBeUndefined();
      const settings = aSettings();
      await tenants.saveSettings(settings);
      const limited = { ...settings, connectionMode: 'tenant' as const, securityGroupId: 'group-1' };
      await tenants.saveSettings(limited);
      expect(await tenants.getSettings(TENANT_A)).toEqual(limited);
      expect(await tenants.getSettings(TENANT_B)).toBeUndefined();
    });

    it('keeps the admin switches and the integration owners in order, and a later save replaces them', async () => {
      const { tenants } = await create();
      const owners = ['8b3f1c2e-0d4a-4f7e-9a61-2c5d8e7f9a01', '0f6e2d1c-3b4a-4c5d-8e9f-a0b1c2d3e4f5'];
      const locked = aSettings({ integrationEnabled: false, allowDisconnect: false, integrationOwners: owners });
      await tenants.saveSettings(locked);
      owners.pop();
      expect(await tenants.getSettings(TENANT_A)).toEqual({
        ...locked,
        integrationOwners: ['8b3f1c2e-0d4a-4f7e-9a61-2c5d8e7f9a01', '0f6e2d1c-3b4a-4c5d-8e9f-a0b1c2d3e4f5'],
      });
      const reopened = aSettings({ updatedAt: at('2026-11-21T09:00Z') });
      await tenants.saveSettings(reopened);
      expect(await tenants.getSettings(TENANT_A)).toEqual(reopened);
    });

    it('keeps users per tenant with their connection health and preferences intact, listed by name', async () => {
      const { tenants } = await create();
      const megan = aUser();
      const adele = aUser({ userId: 'oid-adele', displayName: 'Adele Vance', connectionStatus: 'consent_required' });
      await tenants.upsertUser(megan);
      await tenants.upsertUser(adele);
      await tenants.upsertUser(aUser({ tenantId: TENANT_B, displayName: 'Megan elsewhere' }));
      expect(await tenants.listUsers(TENANT_A)).toEqual([adele, megan]);
      const expired = { ...megan, connectionStatus: 'expired' as const, connectionExpiresAt: null };
      await tenants.upsertUser(expired);
      expect(await tenants.getUser(TENANT_A, 'oid-megan')).toEqual(expired);
      expect((await tenants.getUser(TENANT_B, 'oid-megan'))?.displayName).toBe('Megan elsewhere');
      expect(await tenants.getUser(TENANT_B, 'oid-adele')).toBeUndefined();
    });

    it('keeps a turned-off cadence nudge in the preferences, and leaves it absent when never set', async () => {
      const { tenants } = await create();
      const never = aUser();
      await tenants.upsertUser(never);
      expect((await tenants.getUser(TENANT_A, 'oid-megan'))?.preferences).not.toHaveProperty('cadenceNudges');
      const off = aUser({ preferences: { ...never.preferences, cadenceNudges: false } });
      await tenants.upsertUser(off);
      expect(await tenants.getUser(TENANT_A, 'oid-megan')).toEqual(off);
      const on = aUser({ preferences: { ...never.preferences, cadenceNudges: true } });
      await tenants.upsertUser(on);
      expect((await tenants.getUser(TENANT_A, 'oid-megan'))?.preferences.cadenceNudges).toBe(true);
    });
  });
}

/** One contract suite for every TokenCacheStore implementation. */
export function tokenCacheStoreContract(
  name: string,
  create: () => { tokenCache: TokenCacheStore } | Promise<{ tokenCache: TokenCacheStore }>,
) {
  describe(`TokenCacheStore contract: ${name}`, () => {
    it('keeps one opaque blob per tenant and user, byte for byte', async () => {
      const { tokenCache } = await create();
      const blob = Buffer.from([0, 1, 2, 250, 255, 0, 42]);
      await tokenCache.write(TENANT_A, 'oid-megan', blob);
      blob[0] = 99;
      expect(await tokenCache.read(TENANT_A, 'oid-megan')).toEqual(Buffer.from([0, 1, 2, 250, 255, 0, 42]));
      expect(await tokenCache.read(TENANT_B, 'oid-megan')).toBeUndefined();
      expect(await tokenCache.read(TENANT_A, 'oid-adele')).toBeUndefined();
      await tokenCache.write(TENANT_A, 'oid-megan', Buffer.from('next'));
      expect((await tokenCache.read(TENANT_A, 'oid-megan'))?.toString()).toBe('next');
      await tokenCache.remove(TENANT_B, 'oid-megan');
      expect(await tokenCache.read(TENANT_A, 'oid-megan')).toBeDefined();
      await tokenCache.remove(TENANT_A, 'oid-megan');
      expect(await tokenCache.read(TENANT_A, 'oid-megan')).toBeUndefined();
    });
  });
}

/** One contract suite for every AuditLog implementation. */
export function auditLogContract(name: string, create: () => { audit: AuditLog } | Promise<{ audit: AuditLog }>) {
  const entry = (minute: number, action: string, tenantId = TENANT_A): AuditEntry => ({
    tenantId,
    at: at(`2026-11-20T09:${String(minute).padStart(2, '0')}:00.000Z`),
    actorId: 'oid-admin',
    action,
    target: 'tenant',
    details: { from: 'user', to: 'tenant', nested: { group: null } },
  });

  describe(`AuditLog contract: ${name}`, () => {
    it("lists a tenant's entries newest first up to the limit, details intact", async () => {
      const { audit } = await create();
      await audit.append(entry(1, 'connection_mode_changed'));
      await audit.append(entry(3, 'security_group_changed'));
      await audit.append(entry(2, 'other_tenant', TENANT_B));
      await audit.append({ ...entry(2, 'access_tested'), actorId: null, target: null });
      expect(await audit.list(TENANT_A, 2)).toEqual([
        entry(3, 'security_group_changed'),
        { ...entry(2, 'access_tested'), actorId: null, target: null },
      ]);
      expect((await audit.list(TENANT_B, 10)).map((e) => e.action)).toEqual(['other_tenant']);
      expect(await failureOf(audit.list(TENANT_A, -1))).toBe('invalid_argument');
    });
  });
}
