import type { SubscriptionLimits } from './subscription-limits.ts';
import type { StoredSubscription } from './subscription-model.ts';

export interface SweepResult {
  expired: StoredSubscription[];
  /** Subscriptions that are due an automatic reauthorizationRequired challenge now. */
  challenge: StoredSubscription[];
}

/**
 * Decides what time alone does to subscriptions: a subscription not renewed by its expiration is
 * deleted (docs/reference/graph-calendar.md §4, "Renewing and deleting"), and one with a lifecycle URL is challenged
 * with reauthorizationRequired from an hour before expiry, every 15 minutes, following the cadence Graph's lifecycle
 * page illustrates. Pure: the caller applies the result.
 */
export function sweepSubscriptions(
  subscriptions: readonly StoredSubscription[],
  now: Date,
  limits: SubscriptionLimits,
): SweepResult {
  const expired: StoredSubscription[] = [];
  const challenge: StoredSubscription[] = [];
  for (const sub of subscriptions) {
    const remaining = Date.parse(sub.expirationDateTime) - now.getTime();
    if (remaining <= 0) expired.push(sub);
    else if (
      sub.lifecycleNotificationUrl &&
      remaining <= limits.reauthorizationLeadMs &&
      challengeDue(sub, now, limits)
    ) {
      challenge.push(sub);
    }
  }
  return { expired, challenge };
}

function challengeDue(sub: StoredSubscription, now: Date, limits: SubscriptionLimits): boolean {
  if (!sub.lastReauthorizationNoticeAt) return true;
  return now.getTime() - Date.parse(sub.lastReauthorizationNoticeAt) >= limits.reauthorizationIntervalMs;
}

/** After an unanswered revoked-access challenge, Graph pauses delivery; changes in the pause are lost. */
export function isDeliveryPaused(sub: StoredSubscription, now: Date): boolean {
  return sub.reauthorizeBy !== null && now.getTime() >= Date.parse(sub.reauthorizeBy);
}
