import type { Request } from 'express';
import type { z } from 'zod';
import { AppError } from '../domain/app-error.ts';

/** Parses an outside input with its schema; a mismatch is a 400 naming each problem, and nothing runs. */
export function parseInput<T extends z.ZodType>(schema: T, value: unknown, what = 'request body'): z.infer<T> {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new AppError('validation_failed', `The ${what} is not valid.`, {
      details: result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
    });
  }
  return result.data;
}

/** Whether the request carries a body at all (a length above zero, or a chunked one), read or not. */
export function hasBody(req: Request): boolean {
  return req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
}
