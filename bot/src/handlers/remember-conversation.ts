import type { TurnContext } from '@microsoft/agents-hosting';
import { type BotDeps, userKey } from '../bot-deps.ts';
import { isPersonalConversation, readConversationRecord } from '../conversation-record.ts';

/**
 * Keeps the person's personal chat as it is on this activity: its service URL, and its locale (Teams sends the
 * client's language on every activity; proactive cards are written in the one they used last).
 */
export async function rememberConversation(context: TurnContext, deps: BotDeps): Promise<void> {
  const { activity } = context;
  if (!isPersonalConversation(activity)) return;
  const record = readConversationRecord(activity, activity.from?.name ?? null, deps.clock.now());
  if (!record.ok) {
    deps.logger.warn('bot.activity_unidentified', {
      type: activity.type,
      code: record.code,
      conversationId: activity.conversation?.id,
    });
    return;
  }
  const { tenantId, aadObjectId } = record.conversation;
  await deps.perUser.run(userKey(tenantId, aadObjectId), () => deps.conversations.save(record.conversation));
}
