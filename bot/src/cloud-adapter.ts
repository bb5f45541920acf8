import { CloudAdapter, type TurnContext } from '@microsoft/agents-hosting';
import { describeError } from './describe-error.ts';
import type { BotLogger } from './ports.ts';
import { textFor } from './text.ts';

export interface BotCredentials {
  appId: string;
  password: string;
  tenantId: string;
}

/**
 * With credentials the SDK validates every inbound Bot Connector JWT (issuer, audience = app id,
 * signing keys) and fetches tokens for outbound calls. Without them it accepts anonymous requests
 * and calls the connector without a token, which is how the Agents Playground works (§6); the SDK
 * itself still refuses that mode when NODE_ENV is `production`.
 */
export function createCloudAdapter(credentials: BotCredentials | undefined, logger: BotLogger): CloudAdapter {
  const adapter = credentials
    ? new CloudAdapter(
        { clientId: credentials.appId, clientSecret: credentials.password, tenantId: credentials.tenantId },
        undefined,
        undefined,
        // Teams tokens carry a `serviceurl` claim; refusing a mismatch stops a valid token from steering
        // our replies (and our bearer token) to another host.
        { validateServiceUrl: true },
      )
    : new CloudAdapter({});
  adapter.onTurnError = (context, error) => reportTurnError(context, error, logger);
  return adapter;
}

async function reportTurnError(context: TurnContext, error: Error, logger: BotLogger): Promise<void> {
  const { activity } = context;
  logger.error('bot.turn_failed', {
    activityType: activity.type,
    activityId: activity.id,
    conversationId: activity.conversation?.id,
    error: describeError(error),
    stack: error.stack,
  });
  if (activity.type !== 'message') return;
  try {
    await context.sendActivity(textFor(activity.locale).errors.turnFailed);
  } catch (sendError) {
    logger.error('bot.turn_failed_reply_failed', {
      conversationId: activity.conversation?.id,
      error: describeError(sendError),
    });
  }
}
