import { Activity, ActivityTypes } from '@microsoft/agents-activity';
import { MessageFactory, TurnContext } from '@microsoft/agents-hosting';
import type { BotDeps } from '../bot-deps.ts';
import { adaptiveCardContentType } from '../cards/adaptive-card.ts';
import { handleCardInvoke } from '../handlers/card-action-handler.ts';
import { handleMessage } from '../handlers/message-handler.ts';
import type { PendingSignIn } from './pending-sign-in-store.ts';

interface InvokeBody {
  statusCode?: number;
  type?: string;
  value?: unknown;
}

/**
 * Runs the kept activity as if it had just arrived, inside the sign-in's turn (same conversation, same
 * connector): a command's answer goes to the chat; a click's answer replaces the card that was clicked (its
 * `replyToId`), exactly what the click would have shown, or says in the chat why it was refused.
 */
export async function replayPending(context: TurnContext, deps: BotDeps, pending: PendingSignIn): Promise<void> {
  const activity = Activity.fromObject(pending.activity);
  const replay = new TurnContext(context.adapter, activity, context.identity);
  const connectorKey = context.adapter.ConnectorClientKey;
  replay.turnState.set(connectorKey, context.turnState.get(connectorKey));
  let answer: InvokeBody | undefined;
  // The click's invoke was answered long ago: its response is kept here and delivered as a card update instead.
  replay.onSendActivities(async (_ctx, activities, next) => {
    const rest = activities.filter((a) => a.type !== ActivityTypes.InvokeResponse);
    const invoke = activities.find((a) => a.type === ActivityTypes.InvokeResponse);
    if (invoke) answer = (invoke.value as { body?: InvokeBody } | undefined)?.body;
    if (rest.length === 0) return [];
    activities.splice(0, activities.length, ...rest);
    return next();
  });
  if (activity.type !== ActivityTypes.Invoke) {
    await handleMessage(replay, deps);
    return;
  }
  await handleCardInvoke(replay, deps);
  if (answer?.type === adaptiveCardContentType && activity.replyToId) {
    const update = MessageFactory.attachment({ contentType: adaptiveCardContentType, content: answer.value });
    update.id = activity.replyToId;
    await replay.updateActivity(update);
    return;
  }
  const text = readMessage(answer);
  if (text) await replay.sendActivity(text);
}

function readMessage(answer: InvokeBody | undefined): string | undefined {
  if (!answer) return undefined;
  if (typeof answer.value === 'string') return answer.value;
  const message = (answer.value as { message?: unknown } | undefined)?.message;
  return typeof message === 'string' ? message : undefined;
}
