import { adminConsentStoreContract } from '../../ports/admin-consent-store.contract.ts';
import { createMemoryAdminConsentStore } from './memory-admin-consent-store.ts';

adminConsentStoreContract('memory', createMemoryAdminConsentStore);
