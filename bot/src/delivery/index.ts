export { type AgentsSdkSenderOptions, createAgentsSdkSender } from './agents-sdk-sender.ts';
export { outcomeOfStatus, type SendOutcome } from './connector-outcome.ts';
export { createDelivery, type DeliveryOptions } from './create-delivery.ts';
export { DEFAULT_TUNING, type DeliveryDeps, type DeliveryTuning } from './delivery-deps.ts';
export type {
  ConfirmOutcome,
  DeliverySender,
  DeliveryTarget,
  OpenOutcome,
  OpenRequest,
  OutgoingMessage,
} from './delivery-sender.ts';
export type {
  ClaimedJob,
  OutboundInspector,
  OutboundJobStore,
  OutboundRecord,
  OutboundState,
  RecentSend,
  ReleaseDetails,
} from './delivery-types.ts';
export { OUTBOUND_STATES, zeroStateCounts } from './delivery-types.ts';
export { createDeliveryWorker, type DeliveryWorker } from './delivery-worker.ts';
export { createRateLimiter, type RateLimiter, type RateLimiterOptions } from './rate-limiter.ts';
export { DEFAULT_RETRY_POLICY, parseRetryAfter, type RetryPolicy, retryDelayMs } from './retry-policy.ts';
export {
  createServiceUrlBook,
  DEFAULT_TEAMS_SERVICE_URL,
  type ServiceUrlBook,
  type TenantServiceUrlLookup,
} from './service-urls.ts';
export { type DeliveryLimits, TEAMS_LIMITS, type WindowLimit } from './teams-limits.ts';
