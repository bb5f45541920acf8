import type { ConnectorClient, TurnContext } from '@microsoft/agents-hosting';
import { describeError } from './describe-error.ts';
import type { BotLogger } from './ports.ts';

/**
 * The display name of the person behind the current activity. Messages carry `from.name`, but install
 * events often do not (Teams and the Agents Playground send only `id` and `aadObjectId`), so ask the
 * connector for the conversation member, as TeamsInfo.getMember does (`GET v3/conversations/{id}/members/{userId}`).
 */
export async function resolveUserName(context: TurnContext, logger: BotLogger): Promise<string | null> {
  const { from, conversation } = context.activity;
  if (from?.name) return from.name;
  if (!from?.id || !conversation?.id) return null;
  const connector = context.turnState.get<ConnectorClient | undefined>(context.adapter.ConnectorClientKey);
  if (!connector) return null;
  try {
    const member = await connector.getConversationMember(from.id, conversation.id);
    return member.name ? member.name : null;
  } catch (error) {
    // A missing name only makes the greeting less personal; the install itself must still succeed.
    logger.warn('bot.member_lookup_failed', { conversationId: conversation.id, error: describeError(error) });
    return null;
  }
}
