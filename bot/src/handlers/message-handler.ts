import type { TurnContext } from '@microsoft/agents-hosting';
import type { BotDeps } from '../bot-deps.ts';
import type { AdaptiveCard } from '../cards/adaptive-card.ts';
import { buildHelpCard } from '../cards/help-card.ts';
import { buildNoticeCard } from '../cards/schedule-card.ts';
import { type Command, commandNames, parseCommand } from '../commands.ts';
import { describeError } from '../describe-error.ts';
import { botText } from '../i18n/bot-text.ts';
import { handleCardSubmit } from './card-action-handler.ts';
import { isCardSubmit } from './card-action-request.ts';
import { scheduleWith, upcoming, userOf } from './command-handler.ts';
import { rememberConversation } from './remember-conversation.ts';
import { sendCard } from './send-card.ts';

/**
 * Every message refreshes the stored conversation (the service URL and the locale can change between
 * messages), then
 * gets an answer: a command's card, or help for text the bot does not understand — never an error.
 * A message with card data and no text is an `Action.Submit` from a client without Universal Actions.
 */
export async function handleMessage(context: TurnContext, deps: BotDeps): Promise<void> {
  await rememberConversation(context, deps);
  const { activity } = context;
  if (isCardSubmit(activity)) return handleCardSubmit(context, deps);
  const command = parseCommand(activity.text);
  await sendCard(context, await answer(command, context, deps));
}

async function answer(command: Command | undefined, context: TurnContext, deps: BotDeps): Promise<AdaptiveCard> {
  const text = botText(context.activity.locale);
  const help = () =>
    buildHelpCard({ commands: commandNames, unrecognised: command === undefined, tabUrl: deps.tabUrl }, text);
  if (!command || command.name === 'help') return help();
  const user = userOf(context);
  if (!deps.actions || !user) {
    return buildNoticeCard(text.errors.action.unavailable, { title: text.openTab, url: deps.tabUrl }, text);
  }
  const commandDeps = { actions: deps.actions, text, tabUrl: deps.tabUrl };
  try {
    return command.name === 'upcoming'
      ? await upcoming(user, commandDeps)
      : await scheduleWith(user, command.who, commandDeps);
  } catch (error) {
    deps.logger.error('bot.command_failed', { command: command.name, error: describeError(error) });
    return buildNoticeCard(text.errors.action.unavailable, { title: text.openTab, url: deps.tabUrl }, text);
  }
}
