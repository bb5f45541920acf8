import type { DeliveryLimits, WindowLimit } from './teams-limits.ts';

export interface RateLimiterOptions {
  limits: DeliveryLimits;
  /**
   * Added to every window: the connector counts arrivals on its own clock, so two sends exactly one
   * window apart here can land a hair inside one window there and draw a 429.
   */
  marginMs: number;
}

export interface RateLimiter {
  /** Milliseconds until a request to this conversation is allowed (0 = now). Reserves nothing. */
  delayFor(tenantId: string, conversationId: string, now: number): number;
  /** Counts a request made at `now` against both the conversation's and the tenant's windows. */
  record(tenantId: string, conversationId: string, now: number): void;
  /** Holds a conversation back until `until` (a 429's Retry-After). */
  pause(tenantId: string, conversationId: string, until: number): void;
  /** Windows and pauses held in memory right now. */
  tracked(): number;
}

/**
 * Records between sweeps of idle windows. A window whose requests have all aged out (and a pause that has
 * passed) says nothing a fresh one would not, so dropping it keeps memory to the conversations active in
 * the last hour instead of every conversation ever written to.
 */
const SWEEP_EVERY = 1_000;

/**
 * Sliding windows over the times of requests actually made, per conversation and per tenant. Asking
 * answers the exact instant the next request fits, so the worker sets one timer for it instead of
 * polling; times only grow (each request is recorded when it is made), so each window is a sorted list.
 */
export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const conversations = new Map<string, Window>();
  const tenants = new Map<string, Window>();
  const pausedUntil = new Map<string, number>();
  const conversationKey = (tenantId: string, conversationId: string) => `${tenantId}\n${conversationId}`;
  let recordsSinceSweep = 0;
  const sweep = (now: number) => {
    for (const map of [conversations, tenants])
      for (const [key, window] of map) if (window.isIdle(now)) map.delete(key);
    for (const [key, until] of pausedUntil) if (until <= now) pausedUntil.delete(key);
  };
  const windowOf = (map: Map<string, Window>, key: string, limits: readonly WindowLimit[]) => {
    let window = map.get(key);
    if (!window) {
      window = new Window(limits, options.marginMs);
      map.set(key, window);
    }
    return window;
  };

  return {
    delayFor(tenantId, conversationId, now) {
      const key = conversationKey(tenantId, conversationId);
      const ready = Math.max(
        conversations.get(key)?.readyAt(now) ?? now,
        tenants.get(tenantId)?.readyAt(now) ?? now,
        pausedUntil.get(key) ?? now,
      );
      return Math.max(0, ready - now);
    },
    record(tenantId, conversationId, now) {
      if (++recordsSinceSweep >= SWEEP_EVERY) {
        recordsSinceSweep = 0;
        sweep(now);
      }
      windowOf(conversations, conversationKey(tenantId, conversationId), options.limits.perConversation).add(now);
      windowOf(tenants, tenantId, options.limits.perTenant).add(now);
    },
    pause(tenantId, conversationId, until) {
      const key = conversationKey(tenantId, conversationId);
      pausedUntil.set(key, Math.max(until, pausedUntil.get(key) ?? 0));
    },
    tracked: () => conversations.size + tenants.size + pausedUntil.size,
  };
}

/**
 * How many paced requests may go back to back after the worker fell behind (a late timer, a busy event
 * loop): without it every late wake-up would be throughput lost for good; the sliding window still caps
 * the total.
 */
const PACING_TOLERANCE = 5;

class Window {
  readonly #limits: readonly WindowLimit[];
  readonly #marginMs: number;
  readonly #longestMs: number;
  readonly #times: number[] = [];
  #head = 0;
  /** Theoretical time of the next paced request (GCRA): lets a late timer catch up by a few requests. */
  #nextPaced = Number.NEGATIVE_INFINITY;

  constructor(limits: readonly WindowLimit[], marginMs: number) {
    this.#limits = limits;
    this.#marginMs = marginMs;
    this.#longestMs = Math.max(0, ...limits.map((limit) => limit.windowMs)) + marginMs;
    const paced = limits.find((limit) => limit.paced);
    this.#paced = paced ? { spacingMs: (paced.windowMs + marginMs) / paced.count } : null;
  }

  readonly #paced: { spacingMs: number } | null;

  /** A request at t fits a limit when fewer than `count` requests lie in (t − window, t]. */
  readyAt(now: number): number {
    this.#prune(now);
    const size = this.#times.length - this.#head;
    let ready = now;
    if (this.#paced) ready = Math.max(ready, this.#nextPaced - PACING_TOLERANCE * this.#paced.spacingMs);
    for (const { count, windowMs } of this.#limits) {
      if (size < count) continue;
      const nthMostRecent = this.#times[this.#times.length - count] as number;
      ready = Math.max(ready, nthMostRecent + windowMs + this.#marginMs);
    }
    return ready;
  }

  /** No request inside any window and no pacing debt: a fresh window would answer the same. */
  isIdle(now: number): boolean {
    this.#prune(now);
    return this.#head === this.#times.length && this.#nextPaced <= now;
  }

  add(at: number): void {
    if (this.#paced) this.#nextPaced = Math.max(this.#nextPaced, at) + this.#paced.spacingMs;
    const last = this.#times[this.#times.length - 1];
    // A wall clock stepped back must not reorder the list (the limits only get stricter).
    this.#times.push(last !== undefined && last > at ? last : at);
  }

  #prune(now: number): void {
    while (this.#head < this.#times.length && (this.#times[this.#head] as number) <= now - this.#longestMs)
      this.#head++;
    if (this.#head > 1024 && this.#head * 2 > this.#times.length) {
      this.#times.splice(0, this.#head);
      this.#head = 0;
    }
  }
}
