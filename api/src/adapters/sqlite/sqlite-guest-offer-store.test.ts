import { afterAll } from 'vitest';
import { guestOfferStoreContract } from '../../ports/guest-offer-store.contract.ts';
import { openDatabase, type SqliteDatabase } from './database.ts';
import { createSqliteGuestOfferStore } from './sqlite-guest-offer-store.ts';
import { createSqliteStores } from './sqlite-stores.ts';

const opened: SqliteDatabase[] = [];
afterAll(() => {
  for (const db of opened) db.close();
});

guestOfferStoreContract('SQLite', async () => {
  const db = openDatabase(':memory:');
  opened.push(db);
  return { offers: createSqliteGuestOfferStore(db), meetings: createSqliteStores(db).meetings };
});
