import { afterAll } from 'vitest';
import { accessTestStoreContract } from '../../ports/access-test-store.contract.ts';
import { createMemoryAccessTestStore } from '../memory/memory-access-test-store.ts';
import { openDatabase, type SqliteDatabase } from './database.ts';
import { createSqliteAccessTestStore } from './sqlite-access-test-store.ts';

const opened: SqliteDatabase[] = [];
afterAll(() => {
  for (const db of opened) db.close();
});

accessTestStoreContract('SQLite', () => {
  const db = openDatabase(':memory:');
  opened.push(db);
  return createSqliteAccessTestStore(db);
});
accessTestStoreContract('memory', createMemoryAccessTestStore);
