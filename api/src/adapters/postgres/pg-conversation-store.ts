import type { ConversationStore } from '@confer/bot/ports';
import { type ConversationRow, conversationFromRow } from '../store-rows/conversation-rows.ts';
import type { PgDatabase } from './pg-database.ts';

type Row = ConversationRow<Record<string, unknown>, Date>;
const toConversation = (row: Row) =>
  conversationFromRow(row, { reference: (document) => document, instant: (date) => date.toISOString() });

/** The bot's conversation references in PostgreSQL, one per (tenant, user), shared by every replica. */
export function createPostgresConversationStore(db: PgDatabase): ConversationStore {
  return {
    async save(conversation) {
      await db.execute(
        `INSERT INTO bot_conversations
           (tenant_id, aad_object_id, user_id, user_name, conversation_id, service_url, channel_id, reference_json,
            updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         ON CONFLICT (tenant_id, aad_object_id) DO UPDATE SET
           user_id = excluded.user_id, user_name = excluded.user_name, conversation_id = excluded.conversation_id,
           service_url = excluded.service_url, channel_id = excluded.channel_id,
           reference_json = excluded.reference_json, updated_at = excluded.updated_at`,
        [
          conversation.tenantId,
          conversation.aadObjectId,
          conversation.userId,
          conversation.userName,
          conversation.conversationId,
          conversation.serviceUrl,
          conversation.channelId,
          JSON.stringify(conversation.reference),
          new Date(conversation.updatedAt),
        ],
      );
    },
    async find(tenantId, aadObjectId) {
      const [row] = await db.query<Row>('SELECT * FROM bot_conversations WHERE tenant_id = $1 AND aad_object_id = $2', [
        tenantId,
        aadObjectId,
      ]);
      return row ? toConversation(row) : undefined;
    },
    async remove(tenantId, aadObjectId) {
      await db.execute('DELETE FROM bot_conversations WHERE tenant_id = $1 AND aad_object_id = $2', [
        tenantId,
        aadObjectId,
      ]);
    },
  };
}

/**
 * The service URL Teams last used for a tenant (any of its stored conversations): where the bot opens a
 * personal chat with someone who has the app but never wrote to it.
 */
export function createPostgresTenantServiceUrlLookup(db: PgDatabase): (tenantId: string) => Promise<string | null> {
  return async (tenantId) => {
    const [row] = await db.query<{ service_url: string }>(
      'SELECT service_url FROM bot_conversations WHERE tenant_id = $1 ORDER BY updated_at DESC LIMIT 1',
      [tenantId],
    );
    return row?.service_url ?? null;
  };
}
