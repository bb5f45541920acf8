import { afterAll } from 'vitest';
import { attendanceStoreContract } from '../../ports/attendance-store.contract.ts';
import { cadenceStoreContract } from '../../ports/cadence-store.contract.ts';
import { meetingHistoryStoreContract } from '../../ports/meeting-history-store.contract.ts';
import { meetingStoreContract } from '../../ports/meeting-store.contract.ts';
import { meetingStoreListingContract } from '../../ports/meeting-store-listing.contract.ts';
import { meetingTypeStoreContract } from '../../ports/meeting-type-store.contract.ts';
import { notesStoreContract } from '../../ports/notes-store.contract.ts';
import { auditLogContract, tenantStoreContract, tokenCacheStoreContract } from '../../ports/tenant-store.contract.ts';
import { openDatabase, type SqliteDatabase } from './database.ts';
import { createSqliteStores } from './sqlite-stores.ts';

const opened: SqliteDatabase[] = [];
afterAll(() => {
  for (const db of opened) db.close();
});

function create() {
  const db = openDatabase(':memory:');
  opened.push(db);
  return createSqliteStores(db);
}

meetingStoreContract('SQLite', create);
meetingStoreListingContract('SQLite', create);
meetingHistoryStoreContract('SQLite', create);
notesStoreContract('SQLite', create);
tenantStoreContract('SQLite', create);
meetingTypeStoreContract('SQLite', create);
tokenCacheStoreContract('SQLite', create);
auditLogContract('SQLite', create);
attendanceStoreContract('SQLite', create);
cadenceStoreContract('SQLite', create);
