import { pendingSignInStoreContract } from '../../ports/pending-sign-in-store.contract.ts';
import { openDatabase } from './database.ts';
import { createSqlitePendingSignInStore } from './sqlite-pending-sign-in-store.ts';

pendingSignInStoreContract('SQLite', () => createSqlitePendingSignInStore(openDatabase(':memory:')));
