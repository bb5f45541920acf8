import type { NextFunction, Request, Response } from 'express';
import { AppError, isAppError, toHttpStatus } from '../domain/app-error.ts';

/** Maps every error to `{ error: { code, message, details? } }` once; never a stack trace. */
export function errorHandler() {
  return (error: unknown, req: Request, res: Response, _next: NextFunction) => {
    const appError = normalise(error);
    const status = toHttpStatus(appError.code);
    const log = req.context?.logger;
    if (status >= 500) log?.error('request failed', { code: appError.code, error: appError.cause ?? appError });
    else log?.info('request refused', { code: appError.code });
    if (appError.retryAfterSeconds !== undefined) res.setHeader('retry-after', String(appError.retryAfterSeconds));
    if (status === 401)
      res.setHeader('www-authenticate', `Bearer error="invalid_token", error_description="${appError.code}"`);
    if (res.headersSent) return;
    res.status(status).json({
      error: {
        code: appError.code,
        message: appError.message,
        ...(appError.details === undefined ? {} : { details: appError.details }),
      },
    });
  };
}

function normalise(error: unknown): AppError {
  if (isAppError(error)) return error;
  const httpError = error as { type?: string; status?: number };
  // body-parser errors (malformed JSON, too large) carry a `type`.
  if (httpError?.type === 'entity.parse.failed')
    return new AppError('bad_request', 'The request body is not valid JSON.');
  if (httpError?.type === 'entity.too.large')
    return new AppError('payload_too_large', 'The request body is too large.');
  return new AppError('internal_error', 'Something went wrong on our side.', { cause: error });
}

export function notFound() {
  return (req: Request, _res: Response, next: NextFunction) => {
    next(new AppError('not_found', `No such endpoint: ${req.method} ${req.path}`));
  };
}
