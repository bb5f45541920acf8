import { guestOfferStoreContract } from '../../ports/guest-offer-store.contract.ts';
import { createMemoryGuestOfferStore } from './memory-guest-offer-store.ts';
import { createMemoryStores } from './memory-stores.ts';

guestOfferStoreContract('memory', async () => ({
  offers: createMemoryGuestOfferStore(),
  meetings: createMemoryStores().meetings,
}));
