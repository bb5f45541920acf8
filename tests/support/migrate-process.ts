/**
 * One process that opens the PostgreSQL store at the URL given (migrating it, as an app replica does at start)
 * and exits: the migrations test starts several at once.
 */
import { openPostgres } from '../../api/src/adapters/postgres/pg-database.ts';

const url = process.argv[2];
if (!url) throw new Error('usage: migrate-process.ts <postgres url>');
const db = await openPostgres({ url, poolSize: 2 });
await db.close();
