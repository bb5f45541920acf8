/** One sliding window: at most `count` requests in any `windowMs`. */
export interface WindowLimit {
  count: number;
  windowMs: number;
  /**
   * Spread requests evenly (one per windowMs / count) instead of in bursts. A burst leaves together but
   * arrives spread out by the sender's own queueing, so the next window's first requests can land inside
   * the previous window at the connector; paced requests arrive as evenly as they leave.
   */
  paced?: boolean;
}

export interface DeliveryLimits {
  /** Per bot per conversation (thread). */
  perConversation: readonly WindowLimit[];
  /** Per app per tenant, across every conversation. */
  perTenant: readonly WindowLimit[];
}

/**
 * Teams' published limits (docs/teams-bot-platform.md; msteams-docs bots/how-to/rate-limit.md): sending to a
 * conversation 7 per second, 8 per 2 s, 60 per 30 s and 1,800 per hour per bot per thread, and 50
 * requests per second per app per tenant. Microsoft says the values may change, which is why a 429 is
 * still handled (Retry-After honoured) rather than assumed impossible.
 */
export const TEAMS_LIMITS: DeliveryLimits = Object.freeze({
  perConversation: Object.freeze([
    { count: 7, windowMs: 1_000 },
    { count: 8, windowMs: 2_000 },
    { count: 60, windowMs: 30_000 },
    { count: 1_800, windowMs: 3_600_000 },
  ]),
  perTenant: Object.freeze([{ count: 50, windowMs: 1_000, paced: true }]),
});
