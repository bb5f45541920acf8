import { z } from 'zod';
import { type ErrorCode, errorCodeSchema } from './error-codes.ts';

/** Every API error body: `{ "error": { "code", "message", "details"? } }`, with one of the API's codes. */
export const errorBodySchema = z.object({
  error: z.object({
    code: errorCodeSchema,
    message: z.string(),
    details: z.unknown().optional(),
  }),
});

/**
 * The shape of an error body whatever its code. A client reads with it what `errorBodySchema` refuses for
 * its code alone — an answer from a newer server with a code this build does not know — so it can still
 * show the server's message.
 */
export const anyErrorBodySchema = z.object({
  error: errorBodySchema.shape.error.extend({ code: z.string() }),
});

/**
 * An error body with the API's codes, or with another endpoint's own (the bot endpoint answers Bot
 * Connector refusals in the same shape with its own codes).
 */
export interface ErrorBody<Code extends string = ErrorCode> {
  error: { code: Code; message: string; details?: unknown };
}
