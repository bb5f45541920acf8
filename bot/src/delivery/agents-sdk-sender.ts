import type { Activity, ConversationReference } from '@microsoft/agents-activity';
import { type CloudAdapter, type ConnectorClient, HttpError } from '@microsoft/agents-hosting';
import { openPersonalChat } from './agents-sdk-open.ts';
import { outcomeOfStatus, type SendOutcome } from './connector-outcome.ts';
import type { ConfirmOutcome, DeliverySender, DeliveryTarget } from './delivery-sender.ts';
import { toOutboundActivity } from './outbound-activity.ts';
import { parseRetryAfter } from './retry-policy.ts';
import { errorCodeOf, raceTimeout, SendTimeoutError } from './sdk-call.ts';

type BotIdentity = Parameters<CloudAdapter['continueConversation']>[0];

export interface AgentsSdkSenderOptions {
  /** An adapter for outbound calls only (its own turn-error handler is replaced). */
  adapter: CloudAdapter;
  /** The bot's app id when credentials are configured; null for the credential-less Playground mode. */
  botAppId: string | null;
  /**
   * True only for connectors that keep the activity id a bot proposes (the local connectors). Teams and
   * the Agents Playground assign their own ids, so an update by our id cannot tell whether a send arrived.
   */
  connectorKeepsActivityIds: boolean;
  /** Past this a send counts as outcome-unknown (it may still complete at the connector). */
  timeoutMs: number;
  now: () => number;
}

/**
 * Proactive messages through the Agents SDK: `continueConversation` with the stored reference (which
 * fetches a Bot Connector token when credentials are configured), then the connector client's
 * `sendToConversation`. The client is used directly because `TurnContext.sendActivity` drops the activity
 * id the worker proposes.
 */
export function createAgentsSdkSender(options: AgentsSdkSenderOptions): DeliverySender {
  const { adapter } = options;
  // The SDK's default handler would post "The agent encountered an error" into the user's chat.
  adapter.onTurnError = async (_context, error) => {
    throw error;
  };
  const identity: BotIdentity = options.botAppId ?? {};

  async function withClient<T>(
    target: DeliveryTarget,
    call: (client: ConnectorClient) => Promise<T>,
  ): Promise<{ ok: true; value: T } | { ok: false; error: unknown }> {
    let result: { ok: true; value: T } | { ok: false; error: unknown } = { ok: false, error: new Error('not run') };
    const run = adapter
      // The stored reference is the JSON the SDK itself produced on install (conversation-record.ts).
      .continueConversation(identity, target.reference as unknown as ConversationReference, async (context) => {
        const client = context.turnState.get<ConnectorClient>(adapter.ConnectorClientKey);
        result = { ok: true, value: await call(client) };
      })
      .catch((error: unknown) => {
        result = { ok: false, error };
      });
    const timedOut = await raceTimeout(run, options.timeoutMs);
    return timedOut ? { ok: false, error: new SendTimeoutError(options.timeoutMs) } : result;
  }

  return {
    async send(target, message) {
      const activity = toOutboundActivity(target, message);
      const result = await withClient(target, (client) => client.sendToConversation(target.conversationId, activity));
      if (!result.ok) return outcomeOfError(result.error, options.now());
      return { kind: 'delivered', activityId: result.value.id || message.deliveryId };
    },
    async confirm(target, message) {
      if (!options.connectorKeepsActivityIds) return { kind: 'unsupported' };
      const activity: Activity = toOutboundActivity(target, message);
      const result = await withClient(target, (client) =>
        client.updateActivity(target.conversationId, message.deliveryId, activity),
      );
      if (result.ok) return { kind: 'delivered', activityId: message.deliveryId };
      return confirmOutcomeOfError(result.error, options.now());
    },
    open: (request) => openPersonalChat(options, request),
  };
}

function outcomeOfError(error: unknown, now: number): SendOutcome {
  if (error instanceof HttpError) {
    return outcomeOfStatus(
      error.status,
      errorCodeOf(error),
      parseRetryAfter(error.response.headers?.get('retry-after'), now),
    );
  }
  // No HTTP answer: a reset or timeout after the request left may hide a delivered message.
  return { kind: 'unknown', reason: error instanceof Error ? `network_${error.name}` : 'network_error' };
}

function confirmOutcomeOfError(error: unknown, now: number): ConfirmOutcome {
  if (error instanceof HttpError && error.status === 404) return { kind: 'absent' };
  const outcome = outcomeOfError(error, now);
  const retryAfterMs = outcome.kind === 'retry' ? outcome.retryAfterMs : null;
  return { kind: 'retry', reason: outcome.kind === 'delivered' ? 'confirm_failed' : outcome.reason, retryAfterMs };
}
