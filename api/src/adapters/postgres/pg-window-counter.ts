import type { SharedWindowCounter } from '../../ports/replica-coordination.ts';
import type { PgDatabase } from './pg-database.ts';

/**
 * Fixed windows every replica counts in: one upsert per request returns the key's count in the current window,
 * so a user spread over three replicas by the load balancer gets the limit once, not three times.
 */
export function createPostgresWindowCounter(db: PgDatabase, limit: number, windowMs: number): SharedWindowCounter {
  return {
    async hit(key, nowMs) {
      const windowStart = Math.floor(nowMs / windowMs) * windowMs;
      const [row] = await db.query<{ hits: number }>(
        `INSERT INTO rate_windows (key, window_start, hits) VALUES ($1, $2, 1)
         ON CONFLICT (key) DO UPDATE
           SET hits = CASE WHEN rate_windows.window_start = EXCLUDED.window_start THEN rate_windows.hits + 1 ELSE 1 END,
               window_start = EXCLUDED.window_start
         RETURNING hits`,
        [key, windowStart],
      );
      if ((row?.hits ?? 0) <= limit) return { allowed: true };
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((windowStart + windowMs - nowMs) / 1000)) };
    },
  };
}
