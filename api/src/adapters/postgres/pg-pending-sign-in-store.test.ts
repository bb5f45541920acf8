import { pendingSignInStoreContract } from '../../ports/pending-sign-in-store.contract.ts';
import { usePostgresSchemas } from '../../test-support/postgres.ts';
import { createPgPendingSignInStore } from './pg-pending-sign-in-store.ts';

const postgres = usePostgresSchemas();

pendingSignInStoreContract('PostgreSQL', async () => createPgPendingSignInStore(await postgres.open()));
