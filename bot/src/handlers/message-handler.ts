import type { TurnContext } from '@microsoft/agents-hosting';
import { type BotDeps, userKey } from '../bot-deps.ts';
import { buildHelpCard } from '../cards/help-card.ts';
import { commandNames, parseCommand } from '../commands.ts';
import { isPersonalConversation, readConversationRecord } from '../conversation-record.ts';
import { textFor } from '../text.ts';
import { sendCard } from './send-card.ts';

/**
 * Every message refreshes the stored conversation (the service URL can change between messages), then
 * gets an answer: `help`, or help again for text the bot does not understand — never an error.
 */
export async function handleMessage(context: TurnContext, deps: BotDeps): Promise<void> {
  await rememberConversation(context, deps);
  const { activity } = context;
  const command = parseCommand(activity.text);
  const view = { commands: commandNames, unrecognised: command === undefined, tabUrl: deps.tabUrl };
  await sendCard(context, buildHelpCard(view, textFor(activity.locale)));
}

async function rememberConversation(context: TurnContext, deps: BotDeps): Promise<void> {
  const { activity } = context;
  if (!isPersonalConversation(activity)) return;
  const record = readConversationRecord(activity, activity.from?.name ?? null, deps.clock.now());
  if (!record.ok) {
    deps.logger.warn('bot.message_unidentified', { code: record.code, conversationId: activity.conversation?.id });
    return;
  }
  const { tenantId, aadObjectId } = record.conversation;
  await deps.perUser.run(userKey(tenantId, aadObjectId), () => deps.conversations.save(record.conversation));
}
