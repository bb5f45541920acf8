import type { ConversationStore, StoredConversation } from '@confer/bot/ports';
import { copy, keyOf } from './memory-state.ts';

/** The in-memory ConversationStore: one conversation reference per (tenant, user), the latest winning. */
export function createMemoryConversationStore(): ConversationStore {
  const conversations = new Map<string, StoredConversation>();
  return {
    async save(conversation) {
      conversations.set(keyOf(conversation.tenantId, conversation.aadObjectId), copy(conversation));
    },
    async find(tenantId, aadObjectId) {
      const conversation = conversations.get(keyOf(tenantId, aadObjectId));
      return conversation ? copy(conversation) : undefined;
    },
    async remove(tenantId, aadObjectId) {
      conversations.delete(keyOf(tenantId, aadObjectId));
    },
  };
}
