import type { ConversationStore, StoredConversation } from '../src/ports.ts';

/** A ConversationStore kept in a Map, for tests. */
export class MemoryConversationStore implements ConversationStore {
  readonly #rows = new Map<string, StoredConversation>();
  /** Set to make every call fail, as a broken database would. */
  failWith: Error | undefined;

  async save(conversation: StoredConversation): Promise<void> {
    this.#throwIfFailing();
    this.#rows.set(key(conversation.tenantId, conversation.aadObjectId), structuredClone(conversation));
  }

  async find(tenantId: string, aadObjectId: string): Promise<StoredConversation | undefined> {
    this.#throwIfFailing();
    const row = this.#rows.get(key(tenantId, aadObjectId));
    return row ? structuredClone(row) : undefined;
  }

  async remove(tenantId: string, aadObjectId: string): Promise<void> {
    this.#throwIfFailing();
    this.#rows.delete(key(tenantId, aadObjectId));
  }

  all(): StoredConversation[] {
    return [...this.#rows.values()];
  }

  #throwIfFailing(): void {
    if (this.failWith) throw this.failWith;
  }
}

function key(tenantId: string, aadObjectId: string): string {
  return `${tenantId}/${aadObjectId}`;
}
