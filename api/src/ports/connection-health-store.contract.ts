import { describe, expect, it } from 'vitest';
import type { ConnectionHealthStore, HealthKey, HealthRow } from './connection-health-store.ts';
import { TENANT_A, TENANT_B } from './store-fixtures.contract.ts';
import type { GraphSubscription, SubscriptionStatus, SubscriptionStore } from './subscription-store.ts';
import { aUser } from './tenant-store.contract.ts';
import type { ConnectionStatus, TenantStore } from './tenant-store.ts';

export interface HealthStores {
  tenants: TenantStore;
  subscriptions: SubscriptionStore;
  health: ConnectionHealthStore;
}

const at = (iso: string) => new Date(iso);

function person(userId: string, displayName: string, status: ConnectionStatus = 'connected', email?: string) {
  return aUser({
    userId,
    displayName,
    email: email ?? `${userId}@contoso.onmicrosoft.com`,
    connectionStatus: status,
    connectionCheckedAt: status === 'not_connected' ? null : at('2026-11-20T09:00:00.000Z'),
  });
}

function aSubscription(id: string, userId: string, createdAt: string, status: SubscriptionStatus): GraphSubscription {
  return {
    id,
    tenantId: TENANT_A,
    userId,
    resource: `/users/${userId}/events`,
    mode: 'user',
    clientStateDigest: 'digest',
    expiresAt: '2026-11-23T09:00:00.000Z',
    createdAt,
    renewedAt: null,
    status,
  };
}

async function allPages(health: ConnectionHealthStore, limit: number, filter = {}): Promise<HealthRow[]> {
  const seen: HealthRow[] = [];
  let after: HealthKey | null = null;
  for (;;) {
    const page = await health.page(TENANT_A, filter, after, limit);
    seen.push(...page);
    const last = page.at(-1);
    if (page.length < limit || !last) return seen;
    after = { displayName: last.displayName, userId: last.userId };
  }
}

/** One contract suite for every ConnectionHealthStore implementation (with the stores it reads). */
export function connectionHealthStoreContract(name: string, create: () => HealthStores | Promise<HealthStores>) {
  describe(`ConnectionHealthStore contract: ${name}`, () => {
    it('maps stored connection statuses, telling a disconnected person from one who never connected', async () => {
      const { tenants, health } = await create();
      for (const status of ['connected', 'consent_required', 'expired', 'outside_scope'] as const) {
        await tenants.upsertUser(person(`oid-${status}`, `Person ${status}`, status));
      }
      await tenants.upsertUser(person('oid-never', 'Never Connected', 'not_connected'));
      const leaver = person('oid-left', 'Left Again');
      await tenants.upsertUser(leaver);
      await tenants.upsertUser({ ...leaver, connectionStatus: 'not_connected', updatedAt: at('2026-11-21T09:00Z') });
      const rows = await health.page(TENANT_A, {}, null, 50);
      expect(Object.fromEntries(rows.map((r) => [r.userId, r.status]))).toEqual({
        'oid-connected': 'connected',
        'oid-consent_required': 'consent_required',
        'oid-expired': 'expired',
        'oid-outside_scope': 'outside_scope',
        'oid-never': 'never_connected',
        'oid-left': 'disconnected',
      });
      const left = rows.find((r) => r.userId === 'oid-left');
      expect(left).toMatchObject({ displayName: 'Left Again', email: 'oid-left@contoso.onmicrosoft.com' });
      expect(left?.checkedAt).toEqual(at('2026-11-20T09:00:00.000Z'));
    });

    it('counts everyone by status whatever the filter, and how many match', async () => {
      const { tenants, health } = await create();
      await tenants.upsertUser(person('oid-1', 'Adele Vance'));
      await tenants.upsertUser(person('oid-2', 'Alex Wilber'));
      await tenants.upsertUser(person('oid-3', 'Megan Bowen', 'expired'));
      await tenants.upsertUser(person('oid-4', 'Nestor Wilke', 'not_connected'));
      await tenants.upsertUser({ ...person('oid-5', 'Other Tenant'), tenantId: TENANT_B });
      const counts = await health.counts(TENANT_A, { status: 'connected', search: 'ALEX' });
      expect(counts).toEqual({
        byStatus: {
          connected: 2,
          consent_required: 0,
          expired: 1,
          outside_scope: 0,
          disconnected: 0,
          never_connected: 1,
        },
        total: 4,
        matching: 1,
      });
      expect((await health.counts(TENANT_A, {})).matching).toBe(4);
      expect((await health.counts(TENANT_A, { status: 'never_connected' })).matching).toBe(1);
    });

    it('searches names and emails case-insensitively, taking % and _ literally', async () => {
      const { tenants, health } = await create();
      await tenants.upsertUser(person('oid-1', 'Adele Vance', 'connected', 'adelev@contoso.onmicrosoft.com'));
      await tenants.upsertUser(person('oid-2', '100% Remote', 'connected', 'remote@contoso.onmicrosoft.com'));
      await tenants.upsertUser(person('oid-3', 'Lee Gu', 'connected', 'lee_gu@contoso.onmicrosoft.com'));
      await tenants.upsertUser(person('oid-4', 'Leexgu Other', 'connected', 'leexgu@contoso.onmicrosoft.com'));
      await tenants.upsertUser(person('oid-5', 'Back\\slash', 'connected', 'slash@contoso.onmicrosoft.com'));
      const found = async (search: string) =>
        (await health.page(TENANT_A, { search }, null, 50)).map((r) => r.userId).sort();
      expect(await found('vANCE')).toEqual(['oid-1']);
      expect(await found('ADELEV@')).toEqual(['oid-1']);
      expect(await found('%')).toEqual(['oid-2']);
      expect(await found('e_g')).toEqual(['oid-3']);
      expect(await found('\\')).toEqual(['oid-5']);
      expect(await found('nobody')).toEqual([]);
      expect((await health.counts(TENANT_A, { search: '_' })).matching).toBe(1);
    });

    it('pages by display name then user id, people with one name included once each', async () => {
      const { tenants, health } = await create();
      const ids = ['oid-e', 'oid-a', 'oid-d', 'oid-b', 'oid-c'];
      for (const id of ids) await tenants.upsertUser(person(id, 'Alex Wilber'));
      await tenants.upsertUser(person('oid-z', 'Adele Vance'));
      await tenants.upsertUser(person('oid-0', 'Megan Bowen', 'not_connected'));
      const rows = await allPages(health, 2);
      expect(rows.map((r) => r.userId)).toEqual(['oid-z', 'oid-a', 'oid-b', 'oid-c', 'oid-d', 'oid-e', 'oid-0']);
      const connected = await allPages(health, 2, { status: 'connected' });
      expect(connected.map((r) => r.userId)).toEqual(['oid-z', 'oid-a', 'oid-b', 'oid-c', 'oid-d', 'oid-e']);
      const after = await health.page(TENANT_A, {}, { displayName: 'Alex Wilber', userId: 'oid-c' }, 10);
      expect(after.map((r) => r.userId)).toEqual(['oid-d', 'oid-e', 'oid-0']);
      expect(await health.page(TENANT_A, {}, { displayName: 'Zz', userId: 'x' }, 10)).toEqual([]);
    });

    it('exports every match in list order, past any batch size', async () => {
      const { tenants, health } = await create();
      for (let i = 0; i < 1_205; i += 1) {
        const n = String(i).padStart(4, '0');
        await tenants.upsertUser(person(`oid-${n}`, `Person ${n}`, i % 3 === 0 ? 'not_connected' : 'connected'));
      }
      const all: string[] = [];
      for await (const row of health.each(TENANT_A, {})) all.push(row.userId);
      expect(all).toHaveLength(1_205);
      expect(all).toEqual([...all].sort());
      let never = 0;
      for await (const row of health.each(TENANT_A, { status: 'never_connected' })) never += row ? 1 : 0;
      expect(never).toBe(402);
    });

    it('shows the active subscription if any, else the latest, else none', async () => {
      const { tenants, subscriptions, health } = await create();
      for (const id of ['oid-1', 'oid-2', 'oid-3', 'oid-4']) await tenants.upsertUser(person(id, `Person ${id}`));
      await subscriptions.save(aSubscription('s1', 'oid-1', '2026-11-20T09:00:00.000Z', { state: 'active' }));
      await subscriptions.save(
        aSubscription('s2', 'oid-1', '2026-11-21T09:00:00.000Z', { state: 'removed', reason: 'old' }),
      );
      await subscriptions.save(
        aSubscription('s3', 'oid-2', '2026-11-20T09:00:00.000Z', { state: 'removed', reason: 'gone' }),
      );
      await subscriptions.save(
        aSubscription('s4', 'oid-2', '2026-11-21T09:00:00.000Z', { state: 'failed', reason: 'consent_required' }),
      );
      await subscriptions.save(
        aSubscription('s5', 'oid-3', '2026-11-21T09:00:00.000Z', { state: 'removed', reason: 'disconnected' }),
      );
      const rows = await health.page(TENANT_A, {}, null, 10);
      expect(Object.fromEntries(rows.map((r) => [r.userId, r.subscription]))).toEqual({
        'oid-1': 'active',
        'oid-2': 'failed',
        'oid-3': 'removed',
        'oid-4': 'none',
      });
    });

    it('keeps the latest Graph success and one sync error, cleared only by a success of its kind', async () => {
      const { tenants, health } = await create();
      await tenants.upsertUser(person('oid-1', 'Adele Vance'));
      await tenants.upsertUser(person('oid-2', 'Alex Wilber'));
      const error = { code: 'subscription_refused', message: 'Graph refused', at: at('2026-11-20T10:00:00.000Z') };
      await health.saveActivity([
        { tenantId: TENANT_A, userId: 'oid-1', lastGraphSuccessAt: at('2026-11-20T10:05:00.000Z'), syncErrors: {} },
        { tenantId: TENANT_A, userId: 'oid-2', lastGraphSuccessAt: null, syncErrors: { subscription: error } },
        { tenantId: TENANT_A, userId: 'oid-unknown', lastGraphSuccessAt: at('2026-11-20T10:00Z'), syncErrors: {} },
      ]);
      await health.saveActivity([
        { tenantId: TENANT_A, userId: 'oid-1', lastGraphSuccessAt: at('2026-11-20T10:01:00.000Z'), syncErrors: {} },
        { tenantId: TENANT_A, userId: 'oid-2', lastGraphSuccessAt: null, syncErrors: { apply: null } },
      ]);
      const read = async () =>
        Object.fromEntries((await health.page(TENANT_A, {}, null, 10)).map((r) => [r.userId, r]));
      let rows = await read();
      expect(rows['oid-1']).toMatchObject({ lastGraphSuccessAt: at('2026-11-20T10:05:00.000Z'), lastSyncError: null });
      expect(rows['oid-2']).toMatchObject({ lastGraphSuccessAt: null, lastSyncError: error });
      expect(Object.keys(rows)).toEqual(['oid-1', 'oid-2']);
      await health.saveActivity([
        { tenantId: TENANT_A, userId: 'oid-2', lastGraphSuccessAt: null, syncErrors: { subscription: null } },
      ]);
      rows = await read();
      expect(rows['oid-2']?.lastSyncError).toBeNull();
      // Activity of a person Confer learns of later is there when they are.
      await tenants.upsertUser(person('oid-unknown', 'Zed Later'));
      rows = await read();
      expect(rows['oid-unknown']?.lastGraphSuccessAt).toEqual(at('2026-11-20T10:00:00.000Z'));
    });

    it("never shows another tenant's people", async () => {
      const { tenants, health } = await create();
      await tenants.upsertUser({ ...person('oid-1', 'Adele Vance'), tenantId: TENANT_B });
      expect(await health.page(TENANT_A, {}, null, 10)).toEqual([]);
      expect((await health.counts(TENANT_A, {})).total).toBe(0);
      expect((await health.page(TENANT_B, {}, null, 10)).map((r) => r.userId)).toEqual(['oid-1']);
    });
  });
}
