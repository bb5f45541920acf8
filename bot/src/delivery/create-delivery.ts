import { randomUUID } from 'node:crypto';
import { type BotCredentials, createCloudAdapter } from '../cloud-adapter.ts';
import type { BotClock, BotLogger, ConversationStore, RenderOutbound } from '../ports.ts';
import type { ServiceUrlPolicy } from '../service-url-policy.ts';
import { createAgentsSdkSender } from './agents-sdk-sender.ts';
import { DEFAULT_TUNING, type DeliveryTuning } from './delivery-deps.ts';
import type { DeliverySender } from './delivery-sender.ts';
import type { OutboundJobStore } from './delivery-types.ts';
import { createDeliveryWorker, type DeliveryWorker } from './delivery-worker.ts';
import { createRateLimiter } from './rate-limiter.ts';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry-policy.ts';
import { createServiceUrlBook, DEFAULT_TEAMS_SERVICE_URL, type TenantServiceUrlLookup } from './service-urls.ts';
import { type DeliveryLimits, TEAMS_LIMITS } from './teams-limits.ts';

export interface DeliveryOptions {
  store: OutboundJobStore;
  conversations: ConversationStore;
  render: RenderOutbound;
  clock: BotClock;
  logger: BotLogger;
  /** Same as the bot's: with them the SDK fetches a Bot Connector token for every send. */
  credentials?: BotCredentials;
  /** The Bot Connector origins messages may go to; a conversation stored with any other ends `failed`. */
  serviceUrls: ServiceUrlPolicy;
  /** Replaces the Agents SDK sender (e.g. a recording one); by default the SDK's `continueConversation`. */
  sender?: DeliverySender;
  /** See AgentsSdkSenderOptions; false for Teams and the Agents Playground. */
  connectorKeepsActivityIds?: boolean;
  limits?: DeliveryLimits;
  retry?: RetryPolicy;
  tuning?: Partial<DeliveryTuning>;
  /** Extra milliseconds on every rate window (default 25) for network jitter between us and the connector. */
  rateMarginMs?: number;
  /** Per-request timeout of the default sender (default 15 s, well inside the lease). */
  sendTimeoutMs?: number;
  /** The service URL of any stored conversation of a tenant, to open chats with people who have none. */
  tenantServiceUrl?: TenantServiceUrlLookup;
  /** Used when no conversation of the tenant is known (default Teams' global `smba` endpoint). */
  defaultServiceUrl?: string;
}

/** The delivery worker with Teams' limits, the default retry policy and the Agents SDK sender. */
export function createDelivery(options: DeliveryOptions): DeliveryWorker {
  const tuning = { ...DEFAULT_TUNING, ...options.tuning };
  const sender =
    options.sender ??
    createAgentsSdkSender({
      adapter: createCloudAdapter(options.credentials, options.serviceUrls, options.logger),
      botAppId: options.credentials?.appId ?? null,
      connectorKeepsActivityIds: options.connectorKeepsActivityIds ?? false,
      timeoutMs: options.sendTimeoutMs ?? 15_000,
      now: () => options.clock.now().getTime(),
    });
  return createDeliveryWorker({
    store: options.store,
    conversations: options.conversations,
    serviceUrls: createServiceUrlBook({
      ...(options.tenantServiceUrl ? { lookup: options.tenantServiceUrl } : {}),
      defaultServiceUrl: options.defaultServiceUrl ?? DEFAULT_TEAMS_SERVICE_URL,
      policy: options.serviceUrls,
    }),
    serviceUrlPolicy: options.serviceUrls,
    render: options.render,
    sender,
    limiter: createRateLimiter({ limits: options.limits ?? TEAMS_LIMITS, marginMs: options.rateMarginMs ?? 25 }),
    retry: options.retry ?? DEFAULT_RETRY_POLICY,
    tuning,
    clock: options.clock,
    logger: options.logger,
    newId: randomUUID,
    random: Math.random,
  });
}
