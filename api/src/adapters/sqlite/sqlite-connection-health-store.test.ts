import { afterAll } from 'vitest';
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
