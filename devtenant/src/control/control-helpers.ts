import type { Request, Response } from 'express';
import type { z } from 'zod';

/** Control API errors use the app-style body `{ error: { code, message } }` (it is not a Microsoft API). */
export function sendControlError(res: Response, status: number, code: string, message: string): void {
  res.status(status).json({ error: { code, message } });
}

/** Parses the JSON body with a schema; on failure answers 400 `invalid_request` naming the field, and returns undefined. */
export function parseBody<T extends z.ZodType>(schema: T, req: Request, res: Response): z.infer<T> | undefined {
  const parsed = schema.safeParse(req.body ?? {});
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue?.path.join('.') || 'body';
  sendControlError(res, 400, 'invalid_request', `${field}: ${issue?.message ?? 'invalid value'}`);
  return undefined;
}
