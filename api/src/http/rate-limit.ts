import type { NextFunction, Request, Response } from 'express';
import { AppError } from '../domain/app-error.ts';
import type { Logger } from '../logging/logger.ts';
import type { Clock } from '../ports/clock.ts';
import type { SharedWindowCounter } from '../ports/replica-coordination.ts';
import { createFixedWindowCounter } from './fixed-window.ts';

export interface RateLimitOptions {
  /** Requests a user may make per window. */
  limit: number;
  windowMs: number;
  clock: Clock;
  /**
   * Counts shared by every replica (PostgreSQL). Without it the counts are this process's, which with one
   * process (SQLite) are everyone's.
   */
  shared?: { counter: SharedWindowCounter; logger: Logger };
}

/** Users tracked at once; the least recently seen are dropped first, so memory stays bounded. */
const MAX_TRACKED = 50_000;

/**
 * A per-user fixed-window limit (after authentication), so one runaway tab cannot spend the tenant's
 * Graph budget (Graph allows 10,000 requests per 10 minutes per mailbox). In-process: with several replicas
 * each enforces its own share.
 */
export function rateLimitPerUser(options: RateLimitOptions) {
  if (options.shared) return sharedRateLimit(options.shared, options.clock);
  const counter = createFixedWindowCounter({ limit: options.limit, windowMs: options.windowMs, maxKeys: MAX_TRACKED });
  return (req: Request, _res: Response, next: NextFunction) => {
    const identity = req.context.identity;
    if (!identity) return next();
    const verdict = counter.hit(`${identity.tenantId}|${identity.userId}`, options.clock.now().getTime());
    if (verdict.allowed) return next();
    next(
      new AppError('rate_limited', 'Too many requests. Slow down a little.', {
        retryAfterSeconds: verdict.retryAfterSeconds,
      }),
    );
  };
}

function sharedRateLimit(shared: NonNullable<RateLimitOptions['shared']>, clock: Clock) {
  return (req: Request, _res: Response, next: NextFunction) => {
    const identity = req.context.identity;
    if (!identity) return next();
    shared.counter.hit(`${identity.tenantId}|${identity.userId}`, clock.now().getTime()).then(
      (verdict) => {
        if (verdict.allowed) return next();
        next(
          new AppError('rate_limited', 'Too many requests. Slow down a little.', {
            retryAfterSeconds: verdict.retryAfterSeconds,
          }),
        );
      },
      (error: unknown) => {
        // The limit guards the Graph budget; it never takes the app down with the database: the request goes on
        // (and meets the database's own 503 if it needs it).
        shared.logger.warn('the shared rate limit could not be counted; request let through', { error });
        next();
      },
    );
  };
}
