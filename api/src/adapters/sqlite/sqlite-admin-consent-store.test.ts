import { afterAll } from 'vitest';
import { adminConsentStoreContract } from '../../ports/admin-consent-store.contract.ts';
import { openDatabase, type SqliteDatabase } from './database.ts';
import { createSqliteAdminConsentStore } from './sqlite-admin-consent-store.ts';

const opened: SqliteDatabase[] = [];
afterAll(() => {
  for (const db of opened) db.close();
});

adminConsentStoreContract('SQLite', () => {
  const db = openDatabase(':memory:');
  opened.push(db);
  return createSqliteAdminConsentStore(db);
});
