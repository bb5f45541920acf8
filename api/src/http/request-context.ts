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

/** Gives every request an id (the caller's `x-request-id` when well-formed), echoed in the response and logs. */
export function requestContext(logger: Logger) {
  return (req: Request, res: Response, next: NextFunction) => {
    const offered = req.header('x-request-id');
    const requestId = offered && requestIdPattern.test(offered) ? offered : randomUUID();
    res.setHeader('x-request-id', requestId);
    req.context = { requestId, logger: logger.child({ requestId }) };
    const started = performance.now();
    res.on('finish', () => {
      req.context.logger.info('request', {
        method: req.method,
        path: req.path,
        status: res.statusCode,
        ms: Math.round(performance.now() - started),
        user: req.context.identity?.userId,
      });
    });
    next();
  };
}
