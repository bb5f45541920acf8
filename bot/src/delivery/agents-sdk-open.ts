import type { ConversationParameters } from '@microsoft/agents-activity';
import { type CloudAdapter, HttpError } from '@microsoft/agents-hosting';
import { outcomeOfStatus } from './connector-outcome.ts';
import type { OpenOutcome, OpenRequest } from './delivery-sender.ts';
import { parseRetryAfter } from './retry-policy.ts';
import { errorCodeOf, raceTimeout, SendTimeoutError } from './sdk-call.ts';

/** The Bot Connector's token audience (`createConversationAsync`, docs/teams-bot-platform.md). */
const botFrameworkAudience = 'https://api.botframework.com';

export interface OpenChatOptions {
  adapter: CloudAdapter;
  botAppId: string | null;
  timeoutMs: number;
  now: () => number;
}

/**
 * Creates (or finds: Teams answers the existing chat) the personal chat with a user by Entra object id
 * through the SDK's `createConversationAsync`, which also fetches the connector token when credentials are
 * configured, and returns the conversation reference the SDK builds for it.
 */
export async function openPersonalChat(options: OpenChatOptions, request: OpenRequest): Promise<OpenOutcome> {
  // No first activity: the card follows as its own send, under the id the worker proposes and records.
  // The SDK makes `agent` the recipient of the reference it builds, so it is always set; without
  // credentials (the Agents Playground) there is no app id and the connector does not read it.
  const parameters = {
    isGroup: false,
    agent: { id: options.botAppId ? `28:${options.botAppId}` : 'confer', name: 'Confer' },
    members: [{ id: request.aadObjectId }],
    tenantId: request.tenantId,
    channelData: { tenant: { id: request.tenantId } },
  } as ConversationParameters;
  const result: { outcome: OpenOutcome } = { outcome: { kind: 'retry', reason: 'open_not_run', retryAfterMs: null } };
  const run = options.adapter
    .createConversationAsync(
      options.botAppId ?? '',
      'msteams',
      request.serviceUrl,
      botFrameworkAudience,
      parameters,
      async (context) => {
        const reference = JSON.parse(JSON.stringify(context.activity.getConversationReference())) as Record<
          string,
          unknown
        >;
        result.outcome = {
          kind: 'opened',
          conversationId: context.activity.conversation?.id ?? '',
          channelId: context.activity.channelId ?? 'msteams',
          reference,
        };
      },
    )
    .catch((error: unknown) => {
      result.outcome = openOutcomeOfError(error, options.now());
    });
  if (await raceTimeout(run, options.timeoutMs)) {
    return { kind: 'retry', reason: `network_${new SendTimeoutError(options.timeoutMs).name}`, retryAfterMs: null };
  }
  const { outcome } = result;
  if (outcome.kind === 'opened' && outcome.conversationId === '') {
    return { kind: 'permanent', reason: 'open_without_conversation_id' };
  }
  return outcome;
}

/**
 * Teams answers 403 when the app is not installed for the user, and 403 `MessageWritesBlocked` when they
 * blocked the bot (docs/teams-bot-platform.md): neither changes by retrying. Anything that might be transient,
 * including a gateway error, is retried, since creating the chat again is harmless.
 */
function openOutcomeOfError(error: unknown, now: number): OpenOutcome {
  if (!(error instanceof HttpError)) {
    return {
      kind: 'retry',
      reason: error instanceof Error ? `network_${error.name}` : 'network_error',
      retryAfterMs: null,
    };
  }
  const code = errorCodeOf(error);
  if (error.status === 403) {
    return { kind: 'permanent', reason: code === 'MessageWritesBlocked' ? 'message_writes_blocked' : 'not_installed' };
  }
  const outcome = outcomeOfStatus(error.status, code, parseRetryAfter(error.response.headers?.get('retry-after'), now));
  switch (outcome.kind) {
    case 'retry':
    case 'permanent':
      return outcome;
    case 'unknown':
      return { kind: 'retry', reason: outcome.reason, retryAfterMs: null };
    case 'delivered':
      return { kind: 'permanent', reason: 'open_unexpected_answer' };
  }
}
