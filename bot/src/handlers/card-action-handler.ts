import { Activity, ActivityTypes } from '@microsoft/agents-activity';
import { MessageFactory, type TurnContext } from '@microsoft/agents-hosting';
import type { BotDeps } from '../bot-deps.ts';
import { type AdaptiveCard, adaptiveCardContentType, toAttachment } from '../cards/adaptive-card.ts';
import { describeError } from '../describe-error.ts';
import { botText } from '../i18n/bot-text.ts';
import { type ParsedAction, readInvokeAction, readSubmitAction } from './card-action-request.ts';
import { type CardOutcome, refuse, runCardAction } from './card-actions.ts';
import { rememberConversation } from './remember-conversation.ts';

export const cardActionInvokeName = 'adaptiveCard/action';
export const errorResponseType = 'application/vnd.microsoft.error';

/**
 * `Action.Execute` arrives as an `adaptiveCard/action` invoke; the invoke response replaces the card
 * for the person who clicked (`application/vnd.microsoft.card.adaptive`) or, when refused, is the
 * card-safe error `application/vnd.microsoft.error` with a code (docs/teams-bot-platform.md).
 */
export async function handleCardInvoke(context: TurnContext, deps: BotDeps): Promise<void> {
  await rememberConversation(context, deps);
  const outcome = await outcomeOf(readInvokeAction(context.activity), context, deps);
  const body = outcome.ok
    ? { statusCode: 200, type: adaptiveCardContentType, value: outcome.card }
    : {
        statusCode: outcome.status,
        type: errorResponseType,
        value: { code: outcome.code, message: botText(context.activity.locale).errors.action[outcome.code] },
      };
  await context.sendActivity(Activity.fromObject({ type: ActivityTypes.InvokeResponse, value: { status: 200, body } }));
}

/**
 * Clients without Universal Actions send the fallback `Action.Submit` as a message carrying the data;
 * there is no invoke response, so the bot updates the card it sent (or says why it refused).
 */
export async function handleCardSubmit(context: TurnContext, deps: BotDeps): Promise<void> {
  const outcome = await outcomeOf(readSubmitAction(context.activity), context, deps);
  if (!outcome.ok) {
    await context.sendActivity(botText(context.activity.locale).errors.action[outcome.code]);
    return;
  }
  await replaceCard(context, outcome.card);
}

async function outcomeOf(parsed: ParsedAction, context: TurnContext, deps: BotDeps): Promise<CardOutcome> {
  if (!parsed.ok) {
    deps.logger.warn('bot.card_action_refused', {
      code: parsed.code,
      conversationId: context.activity.conversation?.id,
    });
    return parsed;
  }
  if (!deps.actions) return refuse('unavailable');
  const { request } = parsed;
  try {
    const outcome = await runCardAction(request, {
      actions: deps.actions,
      text: botText(context.activity.locale),
      now: deps.clock.now(),
      tabUrl: deps.tabUrl,
    });
    const fields = { verb: request.verb, tenantId: request.user.tenantId, userId: request.user.userId };
    if (outcome.ok) deps.logger.info('bot.card_action', fields);
    else deps.logger.warn('bot.card_action_refused', { ...fields, code: outcome.code });
    return outcome;
  } catch (error) {
    deps.logger.error('bot.card_action_failed', { verb: request.verb, error: describeError(error) });
    return refuse('unavailable');
  }
}

async function replaceCard(context: TurnContext, card: AdaptiveCard): Promise<void> {
  const message = MessageFactory.attachment(toAttachment(card));
  const replyToId = context.activity.replyToId;
  if (replyToId) {
    message.id = replyToId;
    await context.updateActivity(message);
    return;
  }
  await context.sendActivity(message);
}
