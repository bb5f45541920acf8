import { guestOfferStoreContract } from '../../ports/guest-offer-store.contract.ts';
import { usePostgresSchemas } from '../../test-support/postgres.ts';
import { createPgGuestOfferStore } from './pg-guest-offer-store.ts';
import { createPostgresStores } from './pg-stores.ts';

const postgres = usePostgresSchemas();

guestOfferStoreContract('PostgreSQL', async () => {
  const db = await postgres.open();
  return { offers: createPgGuestOfferStore(db), meetings: createPostgresStores(db).meetings };
});
