import type { ConversationStore } from '@confer/bot/ports';
import { type ConversationRow, conversationFromRow } from '../store-rows/conversation-rows.ts';
import type { SqliteDatabase } from './database.ts';

type Row = ConversationRow<string, string>;
const toConversation = (row: Row) =>
  conversationFromRow(row, {
    reference: (text) => JSON.parse(text) as Record<string, unknown>,
    instant: (text) => text,
  });

/** The bot's conversation references, one per (tenant, user), surviving restarts. */
export function createSqliteConversationStore(db: SqliteDatabase): ConversationStore {
  const upsert = db.prepare(`
    INSERT INTO bot_conversations
      (tenant_id, aad_object_id, user_id, user_name, conversation_id, service_url, channel_id, reference_json, updated_at)
    VALUES (@tenantId, @aadObjectId, @userId, @userName, @conversationId, @serviceUrl, @channelId, @reference, @updatedAt)
    ON CONFLICT (tenant_id, aad_object_id) DO UPDATE SET
      user_id = excluded.user_id, user_name = excluded.user_name, conversation_id = excluded.conversation_id,
      service_url = excluded.service_url, channel_id = excluded.channel_id,
      reference_json = excluded.reference_json, updated_at = excluded.updated_at`);
  const select = db.prepare('SELECT * FROM bot_conversations WHERE tenant_id = ? AND aad_object_id = ?');
  const remove = db.prepare('DELETE FROM bot_conversations WHERE tenant_id = ? AND aad_object_id = ?');

  return {
    async save(conversation) {
      upsert.run({ ...conversation, reference: JSON.stringify(conversation.reference) });
    },
    async find(tenantId, aadObjectId) {
      const row = select.get(tenantId, aadObjectId) as Row | undefined;
      return row ? toConversation(row) : undefined;
    },
    async remove(tenantId, aadObjectId) {
      remove.run(tenantId, aadObjectId);
    },
  };
}

/**
 * The service URL Teams last used for a tenant (any of its stored conversations): where the bot opens a
 * personal chat with someone who has the app but never wrote to it.
 */
export function createTenantServiceUrlLookup(db: SqliteDatabase): (tenantId: string) => Promise<string | null> {
  const latest = db.prepare(
    'SELECT service_url FROM bot_conversations WHERE tenant_id = ? ORDER BY updated_at DESC LIMIT 1',
  );
  return async (tenantId) => (latest.pluck().get(tenantId) as string | undefined) ?? null;
}
