import { conversationStoreContract } from '../../ports/conversation-store.contract.ts';
import { meetingHistoryStoreContract } from '../../ports/meeting-history-store.contract.ts';
import { meetingStoreContract } from '../../ports/meeting-store.contract.ts';
import { meetingStoreListingContract } from '../../ports/meeting-store-listing.contract.ts';
import { meetingTypeStoreContract } from '../../ports/meeting-type-store.contract.ts';
import { notesStoreContract } from '../../ports/notes-store.contract.ts';
import { auditLogContract, tenantStoreContract, tokenCacheStoreContract } from '../../ports/tenant-store.contract.ts';
import { createMemoryConversationStore } from './memory-conversation-store.ts';
import { createMemoryStores } from './memory-stores.ts';

meetingStoreContract('memory', createMemoryStores);
meetingStoreListingContract('memory', createMemoryStores);
meetingHistoryStoreContract('memory', createMemoryStores);
notesStoreContract('memory', createMemoryStores);
tenantStoreContract('memory', createMemoryStores);
meetingTypeStoreContract('memory', createMemoryStores);
tokenCacheStoreContract('memory', createMemoryStores);
auditLogContract('memory', createMemoryStores);
conversationStoreContract('memory', createMemoryConversationStore);
