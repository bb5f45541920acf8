import { pendingSignInStoreContract } from '../../ports/pending-sign-in-store.contract.ts';
import { createMemoryPendingSignInStore } from './memory-pending-sign-in-store.ts';

pendingSignInStoreContract('memory', createMemoryPendingSignInStore);
