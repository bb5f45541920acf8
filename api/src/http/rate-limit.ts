import type { NextFunction, Request, Response } from 'express';
import { AppError } from '../domain/app-error.ts';
import type { Clock } from '../ports/clock.ts';

export interface RateLimitOptions {
  /** Requests a user may make per window. */
  limit: number;
  windowMs: number;
  clock: Clock;
}

/** Users tracked at once; the oldest windows are dropped first, so memory stays bounded. */
const MAX_TRACKED = 50_000;

/**
 * A per-user fixed-window limit (after authentication), so one runaway tab cannot spend the tenant's
 * Graph budget (10,000 requests per 10 minutes per mailbox, graph-calendar §7). In-process: with several
 * replicas each enforces its own share.
 */
export function rateLimitPerUser(options: RateLimitOptions) {
  const windows = new Map<string, { startedAt: number; count: number }>();
  return (req: Request, _res: Response, next: NextFunction) => {
    const identity = req.context.identity;
    if (!identity) return next();
    const key = `${identity.tenantId}|${identity.userId}`;
    const now = options.clock.now().getTime();
    let window = windows.get(key);
    if (!window || now - window.startedAt >= options.windowMs) {
      if (windows.size >= MAX_TRACKED) windows.delete(windows.keys().next().value as string);
      window = { startedAt: now, count: 0 };
      windows.delete(key);
      windows.set(key, window);
    }
    window.count += 1;
    if (window.count > options.limit) {
      const retryAfterSeconds = Math.max(1, Math.ceil((window.startedAt + options.windowMs - now) / 1000));
      return next(new AppError('rate_limited', 'Too many requests. Slow down a little.', { retryAfterSeconds }));
    }
    next();
  };
}
