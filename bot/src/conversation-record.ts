import type { Activity } from '@microsoft/agents-activity';
import type { StoredConversation } from './ports.ts';

export type ConversationRecordError =
  | 'missing_tenant'
  | 'missing_user_object_id'
  | 'missing_conversation'
  | 'missing_service_url';

export type ConversationRecordResult =
  | { ok: true; conversation: StoredConversation }
  | { ok: false; code: ConversationRecordError };

/**
 * Teams puts the tenant on `conversation.tenantId` and, in older payloads, only on
 * `channelData.tenant.id` (docs/teams-bot-platform.md); read both.
 */
export function readTenantId(activity: Activity): string | undefined {
  const fromConversation = activity.conversation?.tenantId;
  if (fromConversation) return fromConversation;
  const channelData: unknown = activity.channelData;
  if (typeof channelData !== 'object' || channelData === null || !('tenant' in channelData)) return undefined;
  const tenant: unknown = channelData.tenant;
  if (typeof tenant !== 'object' || tenant === null || !('id' in tenant)) return undefined;
  return typeof tenant.id === 'string' && tenant.id !== '' ? tenant.id : undefined;
}

/**
 * The conversation record to keep for the person who sent `activity`, keyed by tenant and Entra
 * object id so the app can later message a user it knows only from Graph.
 */
export function readConversationRecord(
  activity: Activity,
  userName: string | null,
  now: Date,
): ConversationRecordResult {
  const tenantId = readTenantId(activity);
  if (!tenantId) return { ok: false, code: 'missing_tenant' };
  const aadObjectId = activity.from?.aadObjectId;
  if (!aadObjectId || !activity.from?.id) return { ok: false, code: 'missing_user_object_id' };
  const conversationId = activity.conversation?.id;
  if (!conversationId) return { ok: false, code: 'missing_conversation' };
  if (!activity.serviceUrl) return { ok: false, code: 'missing_service_url' };
  // The SDK's reference is a class instance; the store keeps plain JSON.
  const reference = JSON.parse(JSON.stringify(activity.getConversationReference())) as Record<string, unknown>;
  return {
    ok: true,
    conversation: {
      tenantId,
      aadObjectId,
      userId: activity.from.id,
      userName,
      conversationId,
      serviceUrl: activity.serviceUrl,
      channelId: activity.channelId ?? '',
      reference,
      updatedAt: now.toISOString(),
    },
  };
}

/**
 * Only a personal chat can be kept as "the user's conversation": proactive cards sent to a group chat
 * or channel would reach everyone in it. Channels other than Teams (emulator, Web Chat) set no
 * conversation type and are one-to-one.
 */
export function isPersonalConversation(activity: Activity): boolean {
  const type = activity.conversation?.conversationType;
  return type === 'personal' || (type === undefined && activity.conversation?.isGroup !== true);
}
