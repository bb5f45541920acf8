import { afterAll, describe, expect, it, vi } from 'vitest';
import { auditLogFilterContract } from '../../ports/audit-log-filter.contract.ts';
import { connectionHealthStoreContract } from '../../ports/connection-health-store.contract.ts';
import { openDatabase, type SqliteDatabase } from './database.ts';
import { createSqliteAuditLog } from './sqlite-audit-log.ts';
import { createSqliteConnectionHealthStore } from './sqlite-connection-health-store.ts';
import { createSqliteSubscriptionStore } from './sqlite-subscription-store.ts';
import { createSqliteTenantStore } from './sqlite-tenant-store.ts';

const opened: SqliteDatabase[] = [];
afterAll(() => {
  for (const db of opened) db.close();
});

function open() {
  const db = openDatabase(':memory:');
  opened.push(db);
  return db;
}

connectionHealthStoreContract('SQLite', () => {
  const db = open();
  return {
    tenants: createSqliteTenantStore(db),
    subscriptions: createSqliteSubscriptionStore(db),
    health: createSqliteConnectionHealthStore(db),
  };
});
auditLogFilterContract('SQLite', () => ({ audit: createSqliteAuditLog(open()) }));

describe('SQLite connection health store statements', () => {
  it('are prepared once when the store is created, not on every call', async () => {
    const db = open();
    const health = createSqliteConnectionHealthStore(db);
    const audit = createSqliteAuditLog(db);
    const prepare = vi.spyOn(db, 'prepare');
    const after = { displayName: 'Adele Vance', userId: 'oid-1' };
    for (const filter of [
      {},
      { status: 'expired' as const },
      { search: 'a_b' },
      { status: 'expired' as const, search: 'a' },
    ]) {
      await health.page('tenant-a', filter, null, 5);
      await health.page('tenant-a', filter, after, 5);
      await health.counts('tenant-a', filter);
      for await (const _row of health.each('tenant-a', filter));
    }
    const error = { code: 'graph_unavailable', message: 'down', at: new Date('2026-11-20T09:00:00Z') };
    await health.saveActivity([
      { tenantId: 'tenant-a', userId: 'oid-1', lastGraphSuccessAt: new Date(), syncErrors: { apply: error } },
      { tenantId: 'tenant-a', userId: 'oid-1', lastGraphSuccessAt: null, syncErrors: { apply: null } },
    ]);
    await audit.list('tenant-a', 5, { action: 'a', actorId: 'b', since: new Date(0), until: new Date() });
    for await (const _entry of audit.each('tenant-a', { actorId: 'b' }));
    expect(prepare).not.toHaveBeenCalled();
  });
});
