import { describe, expect, it } from 'vitest';
import { TENANT_A, TENANT_B } from './store-fixtures.contract.ts';
import type { AuditEntry, AuditLog } from './tenant-store.ts';

const entry = (minute: number, action: string, actorId: string | null, tenantId = TENANT_A): AuditEntry => ({
  tenantId,
  at: new Date(Date.UTC(2026, 10, 20, 9, minute)),
  actorId,
  action,
  target: null,
  details: { minute },
});

/** One contract suite for the AuditLog's filters and export, run against every implementation. */
export function auditLogFilterContract(name: string, create: () => { audit: AuditLog } | Promise<{ audit: AuditLog }>) {
  describe(`AuditLog filters: ${name}`, () => {
    async function filled() {
      const { audit } = await create();
      await audit.append(entry(1, 'admin.settings_changed', 'oid-megan'));
      await audit.append(entry(2, 'admin.refused', 'oid-patti'));
      await audit.append(entry(3, 'sync.subscription_refused', null));
      await audit.append(entry(4, 'admin.settings_changed', 'oid-megan'));
      await audit.append(entry(4, 'admin.refused', 'oid-megan'));
      await audit.append(entry(5, 'admin.settings_changed', 'oid-megan', TENANT_B));
      return audit;
    }
    const minutes = (entries: AuditEntry[]) => entries.map((e) => e.details.minute);

    it('filters by action, by actor and by an inclusive time range, newest first', async () => {
      const audit = await filled();
      expect(minutes(await audit.list(TENANT_A, 10, { action: 'admin.settings_changed' }))).toEqual([4, 1]);
      expect(minutes(await audit.list(TENANT_A, 10, { actorId: 'oid-megan' }))).toEqual([4, 4, 1]);
      expect((await audit.list(TENANT_A, 10, { actorId: 'oid-megan' })).map((e) => e.action)).toEqual([
        'admin.refused',
        'admin.settings_changed',
        'admin.settings_changed',
      ]);
      const range = { since: new Date(Date.UTC(2026, 10, 20, 9, 2)), until: new Date(Date.UTC(2026, 10, 20, 9, 3)) };
      expect(minutes(await audit.list(TENANT_A, 10, range))).toEqual([3, 2]);
      expect(minutes(await audit.list(TENANT_A, 10, { ...range, action: 'admin.refused' }))).toEqual([2]);
      expect(minutes(await audit.list(TENANT_A, 1, { actorId: 'oid-megan' }))).toEqual([4]);
      expect(await audit.list(TENANT_A, 10, { action: 'admin' })).toEqual([]);
    });

    it('exports every matching entry newest first, past any batch size', async () => {
      const { audit } = await create();
      for (let i = 0; i < 1_100; i += 1) {
        await audit.append({
          ...entry(0, i % 2 ? 'odd' : 'even', null),
          at: new Date(Date.UTC(2026, 0, 1, 0, 0, i % 7)),
          details: { i },
        });
      }
      const seen: AuditEntry[] = [];
      for await (const e of audit.each(TENANT_A, { action: 'even' })) seen.push(e);
      expect(seen).toHaveLength(550);
      expect(new Set(seen.map((e) => e.details.i)).size).toBe(550);
      const times = seen.map((e) => e.at.getTime());
      expect(times).toEqual([...times].sort((a, b) => b - a));
      const all: AuditEntry[] = [];
      for await (const e of audit.each(TENANT_B, {})) all.push(e);
      expect(all).toEqual([]);
    });
  });
}
