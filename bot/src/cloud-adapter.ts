import { CloudAdapter, type OutboundUrlPolicy, type TurnContext } from '@microsoft/agents-hosting';
import { describeError } from './describe-error.ts';
import { botText } from './i18n/bot-text.ts';
import type { BotLogger } from './ports.ts';
import type { ServiceUrlPolicy } from './service-url-policy.ts';

export interface BotCredentials {
  appId: string;
  password: string;
  tenantId: string;
}

/**
 * The SDK adapter, used for outbound calls only: inbound activities are checked by `trustActivity` before
 * the adapter sees them (the SDK's own middleware leaves the issuer unchecked unless asked, and accepts a
 * token without a `serviceurl` claim). With credentials it fetches a Bot Connector token for every call;
 * without them (the Agents Playground) it calls the connector without one. Either way it refuses to create a
 * connector client for a service URL the policy does not list, so no code path can carry the token elsewhere.
 */
export function createCloudAdapter(
  credentials: BotCredentials | undefined,
  serviceUrls: ServiceUrlPolicy,
  logger: BotLogger,
): CloudAdapter {
  const outbound: OutboundUrlPolicy = {
    enabled: true,
    isAllowed: (url) => Boolean(url) && serviceUrls.allows(String(url)),
  };
  const adapter = new CloudAdapter(
    credentials
      ? { clientId: credentials.appId, clientSecret: credentials.password, tenantId: credentials.tenantId }
      : {},
    undefined,
    undefined,
    { validateServiceUrl: true },
    outbound,
  );
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
    await context.sendActivity(botText(activity.locale).errors.turnFailed);
  } catch (sendError) {
    logger.error('bot.turn_failed_reply_failed', {
      conversationId: activity.conversation?.id,
      error: describeError(sendError),
    });
  }
}
