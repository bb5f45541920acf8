import type { Clock } from '../graph/context.ts';

/** Outlook's limits per app id + mailbox (docs/reference/graph-calendar.md §7). */
export interface ThrottleLimits {
  concurrent: number;
  requestsPerWindow: number;
  windowMs: number;
  /** Retry-After for a concurrency rejection: the slot frees as soon as a request finishes. */
  concurrencyRetryAfterSeconds: number;
}

export const OUTLOOK_LIMITS: ThrottleLimits = {
  concurrent: 4,
  requestsPerWindow: 10_000,
  windowMs: 10 * 60 * 1000,
  concurrencyRetryAfterSeconds: 0.5,
};

export type ThrottleDecision =
  | { ok: true; release(): void }
  | { ok: false; reason: 'concurrency' | 'rate'; retryAfterSeconds: number };

export interface Throttle {
  tryAcquire(key: string): ThrottleDecision;
  limits(): ThrottleLimits;
  setLimits(limits: Partial<ThrottleLimits>): ThrottleLimits;
  reset(): void;
}

/**
 * Per-key semaphore plus a sliding window on the tenant clock. Rejected requests still count toward the
 * window: "usage keeps counting while throttled" (docs/reference/graph-calendar.md §7), so a client hammering through
 * 429s stays throttled.
 */
export function createThrottle(clock: Clock, initial: ThrottleLimits = OUTLOOK_LIMITS): Throttle {
  let limits = { ...initial };
  const inFlight = new Map<string, number>();
  const windows = new Map<string, number[]>();
  const prune = (key: string, now: number): number[] => {
    const stamps = windows.get(key) ?? [];
    let drop = 0;
    while (drop < stamps.length && (stamps[drop] ?? 0) <= now - limits.windowMs) drop += 1;
    const kept = drop > 0 ? stamps.slice(drop) : stamps;
    windows.set(key, kept);
    return kept;
  };
  return {
    tryAcquire(key) {
      const now = clock.now().getTime();
      const stamps = prune(key, now);
      stamps.push(now);
      if (stamps.length > limits.requestsPerWindow) {
        const oldest = stamps[stamps.length - 1 - limits.requestsPerWindow] ?? now;
        return {
          ok: false,
          reason: 'rate',
          retryAfterSeconds: Math.max(0.001, (oldest + limits.windowMs - now) / 1000),
        };
      }
      const current = inFlight.get(key) ?? 0;
      if (current >= limits.concurrent) {
        return { ok: false, reason: 'concurrency', retryAfterSeconds: limits.concurrencyRetryAfterSeconds };
      }
      inFlight.set(key, current + 1);
      let released = false;
      return {
        ok: true,
        release() {
          if (released) return;
          released = true;
          const left = (inFlight.get(key) ?? 1) - 1;
          if (left <= 0) inFlight.delete(key);
          else inFlight.set(key, left);
        },
      };
    },
    limits: () => ({ ...limits }),
    setLimits(partial) {
      limits = { ...limits, ...partial };
      return { ...limits };
    },
    reset() {
      limits = { ...initial };
      windows.clear();
    },
  };
}

/** Retry-After as Outlook sends it: seconds, fractional allowed (e.g. `2.128`). */
export function formatRetryAfter(seconds: number): string {
  return String(Math.round(seconds * 1000) / 1000);
}
