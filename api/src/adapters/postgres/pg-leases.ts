import type { Leases } from '../../ports/replica-coordination.ts';
import type { PgDatabase } from './pg-database.ts';

/**
 * Leases in one row each. Taking one is a single upsert that only succeeds when the row is free, expired or
 * already the caller's, so two replicas asking at once cannot both get it; the epoch grows when it changes hands.
 * Times are the replicas' own clocks (kept in step by the host's time service; a lease lasts seconds, far longer
 * than any skew such a service leaves).
 */
export function createPostgresLeases(db: PgDatabase): Leases {
  return {
    async hold(name, holder, nowMs, untilMs) {
      const changed = await db.execute(
        `INSERT INTO leases (name, holder, until_ms, epoch) VALUES ($1, $2, $4, 1)
         ON CONFLICT (name) DO UPDATE
           SET holder = EXCLUDED.holder, until_ms = EXCLUDED.until_ms,
               epoch = leases.epoch + CASE WHEN leases.holder = EXCLUDED.holder THEN 0 ELSE 1 END
           WHERE leases.holder = EXCLUDED.holder OR leases.until_ms <= $3`,
        [name, holder, nowMs, untilMs],
      );
      return changed === 1;
    },
    async release(name, holder) {
      await db.execute('UPDATE leases SET until_ms = 0 WHERE name = $1 AND holder = $2', [name, holder]);
    },
  };
}
