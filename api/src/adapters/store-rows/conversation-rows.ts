import type { StoredConversation } from '@confer/bot/ports';

/**
 * A bot_conversations row; `J` is how the database returns the reference document (JSON text or parsed jsonb)
 * and `I` an instant (ISO text or Date).
 */
export interface ConversationRow<J, I> {
  tenant_id: string;
  aad_object_id: string;
  user_id: string;
  user_name: string | null;
  conversation_id: string;
  service_url: string;
  channel_id: string;
  reference_json: J;
  updated_at: I;
}

export function conversationFromRow<J, I>(
  row: ConversationRow<J, I>,
  decode: { reference: (document: J) => Record<string, unknown>; instant: (instant: I) => string },
): StoredConversation {
  return {
    tenantId: row.tenant_id,
    aadObjectId: row.aad_object_id,
    userId: row.user_id,
    userName: row.user_name,
    conversationId: row.conversation_id,
    serviceUrl: row.service_url,
    channelId: row.channel_id,
    reference: decode.reference(row.reference_json),
    updatedAt: decode.instant(row.updated_at),
  };
}
