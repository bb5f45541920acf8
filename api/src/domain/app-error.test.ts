import { ErrorCodes, errorBodySchema, errorCodeSchema } from '@confer/contracts';
import { describe, expect, it } from 'vitest';
import { toHttpStatus } from './app-error.ts';

describe('error codes and HTTP statuses', () => {
  it.each(errorCodeSchema.options)('%s has an error status', (code) => {
    const status = toHttpStatus(code);
    expect(Number.isInteger(status)).toBe(true);
    expect(status).toBeGreaterThanOrEqual(400);
    expect(status).toBeLessThanOrEqual(599);
  });

  it('answers the caller-side refusals with 4xx and the server-side faults with 5xx', () => {
    expect(toHttpStatus(ErrorCodes.validation_failed)).toBe(400);
    expect(toHttpStatus(ErrorCodes.token_expired)).toBe(401);
    expect(toHttpStatus(ErrorCodes.forbidden)).toBe(403);
    expect(toHttpStatus(ErrorCodes.not_found)).toBe(404);
    expect(toHttpStatus(ErrorCodes.version_conflict)).toBe(409);
    expect(toHttpStatus(ErrorCodes.rate_limited)).toBe(429);
    expect(toHttpStatus(ErrorCodes.internal_error)).toBe(500);
    expect(toHttpStatus(ErrorCodes.graph_error)).toBe(502);
    expect(toHttpStatus(ErrorCodes.graph_unavailable)).toBe(503);
  });

  it('every 401 code is one the token check raises, so the tab can send the person to sign in again', () => {
    const unauthenticated = errorCodeSchema.options.filter((code) => toHttpStatus(code) === 401);
    expect(unauthenticated.every((code) => code.startsWith('token_'))).toBe(true);
  });
});

describe('the error body contract', () => {
  it('accepts every API code and refuses one it does not define', () => {
    for (const code of errorCodeSchema.options) {
      expect(errorBodySchema.safeParse({ error: { code, message: 'm' } }).success).toBe(true);
    }
    expect(errorBodySchema.safeParse({ error: { code: 'made_up', message: 'm' } }).success).toBe(false);
  });
});
