import type { NextFunction, Request, Response } from 'express';
import { describe, expect, it } from 'vitest';
import { AppError } from '../domain/app-error.ts';
import { rateLimitPerUser } from './rate-limit.ts';

function requestFor(userId: string): Request {
  return { context: { identity: { tenantId: 't', userId } } } as unknown as Request;
}

describe('rateLimitPerUser', () => {
  it('refuses the request over the limit with a retry-after, per user, and forgets after the window', () => {
    let now = Date.parse('2026-11-21T10:00:00Z');
    const limit = rateLimitPerUser({ limit: 2, windowMs: 60_000, clock: { now: () => new Date(now) } });
    const outcomes: unknown[] = [];
    const next: NextFunction = (error?: unknown) => outcomes.push(error ?? 'ok');
    limit(requestFor('a'), {} as Response, next);
    limit(requestFor('a'), {} as Response, next);
    now += 30_000;
    limit(requestFor('a'), {} as Response, next);
    limit(requestFor('b'), {} as Response, next);
    expect(outcomes.slice(0, 2)).toEqual(['ok', 'ok']);
    const refused = outcomes[2] as AppError;
    expect(refused).toBeInstanceOf(AppError);
    expect(refused.code).toBe('rate_limited');
    expect(refused.retryAfterSeconds).toBe(30);
    expect(outcomes[3]).toBe('ok');
    now += 30_000;
    limit(requestFor('a'), {} as Response, next);
    expect(outcomes[4]).toBe('ok');
  });
});
