import type { Config } from '../config/config.ts';
import type { Logger } from '../logging/logger.ts';
import type { Clock } from '../ports/clock.ts';
import type { StoreAdapters } from './store-adapters.ts';

/** How long a starting replica waits for PostgreSQL (started alongside it, or restarting) before giving up. */
const WAIT_FOR_DATABASE_MS = 60_000;

/**
 * The store the app runs on: PostgreSQL when CONFER_DATABASE_URL is set (migrated before anything is served),
 * otherwise the SQLite file in the data folder, which `composeApp` opens itself.
 */
export async function openStore(
  config: Pick<Config, 'databaseUrl' | 'databasePoolSize'>,
  clock: Clock,
  logger: Logger,
  sqliteFile: string,
): Promise<{ databaseFile: string } | { adapters: StoreAdapters }> {
  const url = config.databaseUrl;
  if (!url) return { databaseFile: sqliteFile };
  // Loaded only when asked for: a SQLite deployment never loads the PostgreSQL driver.
  const { isUnavailable, openPostgres } = await import('./postgres/pg-database.ts');
  const { createPostgresAdapters } = await import('./postgres/pg-adapters.ts');
  const giveUpAt = Date.now() + WAIT_FOR_DATABASE_MS;
  for (let waitMs = 250; ; waitMs = Math.min(waitMs * 2, 5_000)) {
    try {
      const db = await openPostgres({
        url,
        poolSize: config.databasePoolSize,
        onIdleError: (error) => logger.warn('a database connection dropped; it is replaced', { error: error.message }),
      });
      return { adapters: createPostgresAdapters(db, { url, clock, logger }) };
    } catch (error) {
      // Only "not reachable yet" is waited out; a wrong password or a failed migration ends the start at once.
      if (!isUnavailable(error) || Date.now() + waitMs > giveUpAt) throw error;
      logger.warn('PostgreSQL is not reachable yet; waiting', { retryInMs: waitMs });
      await new Promise((resolve) => setTimeout(resolve, waitMs));
    }
  }
}
