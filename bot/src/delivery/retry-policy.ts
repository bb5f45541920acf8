export interface RetryPolicy {
  /** Sends after which a message that keeps failing transiently ends as failed (`retries_exhausted`). */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

/**
 * Teams asks bots to back off exponentially with random jitter on 429/412/502/504 (msteams-docs
 * rate-limit.md: e.g. 2–20 s, ±20 %). Eight attempts span about four minutes before a message is given up
 * with a recorded reason, so a long outage ends visibly instead of retrying forever.
 */
export const DEFAULT_RETRY_POLICY: RetryPolicy = Object.freeze({
  maxAttempts: 8,
  baseDelayMs: 2_000,
  maxDelayMs: 120_000,
});

/**
 * How long to wait before attempt `attempt + 1`. A `Retry-After` from the connector wins: it says when
 * the window reopens, so waiting longer wastes throughput and shorter draws another 429. Up to 20 % is
 * added so many messages throttled together do not return in one burst.
 */
export function retryDelayMs(
  policy: RetryPolicy,
  attempt: number,
  retryAfterMs: number | null,
  random: () => number = Math.random,
): number {
  if (retryAfterMs !== null) return Math.round(retryAfterMs * (1 + 0.2 * random()));
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exponential * (0.8 + 0.4 * random()));
}

/** `Retry-After` is either delta-seconds or an HTTP date (RFC 9110 §10.2.3); null when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now: number): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}
