import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from '../logging/logger.ts';
import type { Identity } from '../ports/identity.ts';

export interface RequestContext {
  requestId: string;
  logger: Logger;
  identity?: Identity;
}

declare global {
  namespace Express {
    interface Request {
      context: RequestContext;
    }
  }
}

const requestIdPattern = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * A request's context. Its logger (the app's, with the request id on every line) is made the first time something
 * logs through it: most requests log only their summary line, which is written with the id as a field instead.
 */
class Context implements RequestContext {
  identity?: Identity;
  #logger: Logger | undefined;

  constructor(
    readonly requestId: string,
    private readonly base: Logger,
  ) {}

  get logger(): Logger {
    this.#logger ??= this.base.child({ requestId: this.requestId });
    return this.#logger;
  }
}

/** Gives every request an id (the caller's `x-request-id` when well-formed), echoed in the response and logs. */
export function requestContext(logger: Logger) {
  return (req: Request, res: Response, next: NextFunction) => {
    const offered = req.headers['x-request-id'];
    const requestId = typeof offered === 'string' && requestIdPattern.test(offered) ? offered : randomUUID();
    res.setHeader('x-request-id', requestId);
    const context = new Context(requestId, logger);
    req.context = context;
    const started = performance.now();
    res.on('finish', () => {
      // The same line as through the context's logger: the id first, then these.
      logger.info('request', {
        requestId,
        method: req.method,
        // A route whose path carries a credential (the guest page's link) names a redacted path instead.
        path: typeof res.locals.logPath === 'string' ? res.locals.logPath : req.path,
        status: res.statusCode,
        ms: Math.round(performance.now() - started),
        user: context.identity?.userId,
      });
    });
    next();
  };
}
