import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { Logger } from '../../logging/logger.ts';
import type { Change, ChangeFeed } from '../../ports/replica-coordination.ts';
import type { PgQueryable } from './pg-database.ts';

export interface PgChangeFeedOptions {
  /** The store's pool: changes are sent on it. */
  db: PgQueryable;
  /** Listening needs a connection of its own, outside the pool. */
  url: string;
  /** The store's schema: replicas on one schema share a channel, tests on other schemas hear nothing of it. */
  schema: string;
  logger: Logger;
  /** Longest wait between attempts to listen again after the connection dropped. */
  maxRetryMs?: number;
}

const ID = /^[^\n]{1,200}$/;

/** A change read off the wire, or null when it is not one this version knows (ignored, never half-applied). */
export function parseChange(value: unknown): Change | null {
  if (typeof value !== 'object' || value === null) return null;
  const change = value as Record<string, unknown>;
  const id = (key: string) => typeof change[key] === 'string' && ID.test(change[key] as string);
  switch (change.topic) {
    case 'availability':
      return id('tenantId') ? { topic: 'availability', tenantId: change.tenantId as string } : null;
    case 'resync':
      return { topic: 'resync' };
    case 'sync':
      if (change.what === 'inbox' || change.what === 'catch_up') return { topic: 'sync', what: change.what };
      if ((change.what === 'watch' || change.what === 'reconnected') && id('tenantId') && id('userId')) {
        return {
          topic: 'sync',
          what: change.what,
          tenantId: change.tenantId as string,
          userId: change.userId as string,
        };
      }
      return null;
    default:
      return null;
  }
}

/**
 * Changes between replicas over PostgreSQL's LISTEN/NOTIFY: a notification is delivered to every listening
 * session when the sender's statement commits, in milliseconds. A dropped listening connection is opened again
 * with growing waits; once listening again, listeners hear `resync`, since notifications sent meanwhile are lost.
 */
export function createPostgresChangeFeed(options: PgChangeFeedOptions): ChangeFeed {
  const origin = randomUUID();
  const channel = `confer_changes_${options.schema}`;
  const listeners = new Set<(change: Change) => void>();
  const logger = options.logger;
  let client: pg.Client | null = null;
  let closed = false;
  let retryMs = 100;
  let retryTimer: NodeJS.Timeout | null = null;
  const deliver = (change: Change) => {
    for (const listener of listeners) {
      try {
        listener(change);
      } catch (error) {
        logger.error('a change listener failed', { topic: change.topic, error });
      }
    }
  };

  const listen = async (afterLoss: boolean) => {
    const next = new pg.Client({ connectionString: options.url, connectionTimeoutMillis: 5_000 });
    next.on('error', () => {});
    next.on('end', () => {
      if (client !== next || closed) return;
      client = null;
      logger.warn('the change feed lost its database connection; listening again');
      scheduleRetry();
    });
    next.on('notification', (message) => {
      if (message.channel !== channel || !message.payload) return;
      let parsed: { origin?: unknown; change?: unknown };
      try {
        parsed = JSON.parse(message.payload) as typeof parsed;
      } catch {
        parsed = {};
      }
      if (parsed.origin === origin) return;
      const change = parseChange(parsed.change);
      if (change) deliver(change);
      else logger.warn('ignored a change this version does not know', { channel });
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${channel}`);
    } catch (error) {
      await next.end().catch(() => {});
      throw error;
    }
    if (closed) {
      await next.end().catch(() => {});
      return;
    }
    client = next;
    retryMs = 100;
    if (afterLoss) deliver({ topic: 'resync' });
  };
  const scheduleRetry = () => {
    if (closed || retryTimer) return;
    retryTimer = setTimeout(() => {
      retryTimer = null;
      listen(true).catch(() => {
        retryMs = Math.min(retryMs * 2, options.maxRetryMs ?? 5_000);
        scheduleRetry();
      });
    }, retryMs);
    retryTimer.unref();
  };
  // Listening starts at once; a database away at start is retried like a dropped connection.
  listen(false).catch((error: unknown) => {
    logger.warn('the change feed could not listen yet; retrying', { error });
    scheduleRetry();
  });

  return {
    publish(change) {
      deliver(change);
      const payload = JSON.stringify({ origin, change });
      options.db.query('SELECT pg_notify($1, $2)', [channel, payload]).catch((error: unknown) => {
        // The others learn of it late or not at all: caches expire on their own, workers also poll.
        logger.warn('could not tell the other replicas of a change', { topic: change.topic, error });
      });
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      closed = true;
      if (retryTimer) clearTimeout(retryTimer);
      const open = client;
      client = null;
      await open?.end().catch(() => {});
      listeners.clear();
    },
  };
}
