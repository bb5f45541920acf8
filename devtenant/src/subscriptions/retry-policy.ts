import type { SubscriptionLimits } from './subscription-limits.ts';

/**
 * Exponential back-off after a failed delivery: base × 2^(attempt−1), capped, with ±10 % jitter so
 * retries to one endpoint spread out. Graph gives up 4 hours after the first attempt
 * (docs/reference/graph-calendar.md §4); null means the notification is dropped.
 */
export function nextRetryAt(
  failedAttempts: number,
  firstAttemptAt: Date,
  now: Date,
  limits: SubscriptionLimits,
  random: () => number,
): Date | null {
  const exponential = limits.retryBaseDelayMs * 2 ** Math.max(0, failedAttempts - 1);
  const delay = Math.min(exponential, limits.retryMaxDelayMs) * (0.9 + 0.2 * random());
  const at = new Date(now.getTime() + Math.round(delay));
  return at.getTime() - firstAttemptAt.getTime() > limits.retryWindowMs ? null : at;
}
