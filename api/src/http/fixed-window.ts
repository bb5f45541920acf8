/** What one more request under a key is told: go ahead, or wait this many seconds. */
export type WindowVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export interface FixedWindowOptions {
  /** Requests a key may make per window. */
  limit: number;
  windowMs: number;
  /**
   * Keys tracked at once. Keys can come from callers (a user, a conversation), so the table is capped:
   * when full, the key seen least recently is forgotten first (it starts a fresh window if it returns).
   */
  maxKeys: number;
}

export interface FixedWindowCounter {
  /** Counts a request under `key` at `now` (ms) and says whether it fits its window. */
  hit(key: string, now: number): WindowVerdict;
  /** Keys tracked right now (for tests of the cap). */
  size(): number;
}

/** Fixed windows per key in one bounded table; in-process, so with several replicas each enforces its own share. */
export function createFixedWindowCounter(options: FixedWindowOptions): FixedWindowCounter {
  const windows = new Map<string, { startedAt: number; count: number }>();
  return {
    hit(key, now) {
      let window = windows.get(key);
      if (!window || now - window.startedAt >= options.windowMs) window = { startedAt: now, count: 0 };
      // Re-inserting keeps the Map in least-recently-seen order, so the first key is the one to forget.
      windows.delete(key);
      if (windows.size >= options.maxKeys) windows.delete(windows.keys().next().value as string);
      windows.set(key, window);
      window.count += 1;
      if (window.count <= options.limit) return { allowed: true };
      const retryAfterSeconds = Math.max(1, Math.ceil((window.startedAt + options.windowMs - now) / 1000));
      return { allowed: false, retryAfterSeconds };
    },
    size: () => windows.size,
  };
}
