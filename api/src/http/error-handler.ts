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
  return bodyRefusal(error) ?? new AppError('internal_error', 'Something went wrong on our side.', { cause: error });
}

/**
 * express.json refuses a body it cannot read with an http-errors error: a 4xx `status` and `expose: true`
 * (the caller's fault), and a `type` for most causes. Each is the caller's mistake, so it is a 4xx with a
 * code, never a 500: an unknown charset or content encoding is 415, and a corrupt gzip stream carries no
 * `type` at all.
 */
function bodyRefusal(error: unknown): AppError | null {
  const refusal = error as { type?: unknown; status?: unknown; expose?: unknown } | null;
  if (typeof refusal?.status !== 'number' || refusal.status < 400 || refusal.status > 499 || refusal.expose !== true)
    return null;
  if (refusal.type === 'entity.too.large') return new AppError('payload_too_large', 'The request body is too large.');
  if (refusal.type === 'entity.parse.failed') return new AppError('bad_request', 'The request body is not valid JSON.');
  if (refusal.status === 415) {
    return new AppError(
      'unsupported_media_type',
      'Send the request body as UTF-8 JSON, uncompressed or with gzip, deflate or br encoding.',
    );
  }
  return new AppError('bad_request', 'The request body could not be read.');
}

export function notFound() {
  return (req: Request, _res: Response, next: NextFunction) => {
    next(new AppError('not_found', `No such endpoint: ${req.method} ${req.path}`));
  };
}
