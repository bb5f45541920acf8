/**
 * The numbers Graph applies to Outlook event subscriptions (docs/reference/graph-calendar.md §4).
 * Kept in one place so the tests and docs/subscriptions.md can name them.
 */
export interface SubscriptionLimits {
  /** The docs say 10,080 minutes; the live service rejects anything above 10,070 ("can only be 10070 minutes"). */
  maxExpirationMinutes: number;
  /** An expiration closer than this to the request time is raised to it. */
  minExpirationMinutes: number;
  /** The notification endpoint must answer the validation POST within 10 s. */
  validationTimeoutMs: number;
  /** Notifications are published with an HTTP client timeout of 3 s. */
  deliveryTimeoutMs: number;
  /** Graph keeps retrying a failed notification for up to 4 hours, then drops it. */
  retryWindowMs: number;
  /** First retry delay; each further retry doubles it up to `retryMaxDelayMs`. */
  retryBaseDelayMs: number;
  retryMaxDelayMs: number;
  /** 1,000 active Outlook subscriptions per mailbox across all apps. */
  maxSubscriptionsPerMailbox: number;
  maxClientStateLength: number;
  /** reauthorizationRequired starts this long before expiry and repeats every `reauthorizationIntervalMs`. */
  reauthorizationLeadMs: number;
  reauthorizationIntervalMs: number;
  /** After an unanswered reauthorization challenge (revoked access), delivery pauses once this grace has passed. */
  reauthorizationGraceMs: number;
  /** Notifications per POST when several are due for the same URL. */
  maxBatchSize: number;
  /** Real-time period of the timer that calls tick(). */
  tickIntervalMs: number;
}

const MINUTE = 60_000;

export const GRAPH_SUBSCRIPTION_LIMITS: Readonly<SubscriptionLimits> = Object.freeze({
  maxExpirationMinutes: 10_070,
  minExpirationMinutes: 45,
  validationTimeoutMs: 10_000,
  deliveryTimeoutMs: 3_000,
  retryWindowMs: 4 * 60 * MINUTE,
  retryBaseDelayMs: 30_000,
  retryMaxDelayMs: 60 * MINUTE,
  maxSubscriptionsPerMailbox: 1_000,
  maxClientStateLength: 128,
  reauthorizationLeadMs: 60 * MINUTE,
  reauthorizationIntervalMs: 15 * MINUTE,
  reauthorizationGraceMs: 10 * MINUTE,
  maxBatchSize: 50,
  tickIntervalMs: 1_000,
});
