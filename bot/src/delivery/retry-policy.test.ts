import { describe, expect, it } from 'vitest';
import { outcomeOfStatus } from './connector-outcome.ts';
import { DEFAULT_RETRY_POLICY, parseRetryAfter, retryDelayMs } from './retry-policy.ts';

describe('retry policy', () => {
  it('doubles from 2 s with ±20 % jitter, capped', () => {
    expect(retryDelayMs(DEFAULT_RETRY_POLICY, 1, null, () => 0.5)).toBe(2000);
    expect(retryDelayMs(DEFAULT_RETRY_POLICY, 3, null, () => 0)).toBe(6400);
    expect(retryDelayMs(DEFAULT_RETRY_POLICY, 3, null, () => 1)).toBe(9600);
    expect(retryDelayMs(DEFAULT_RETRY_POLICY, 20, null, () => 0.5)).toBe(120_000);
  });

  it("honours Retry-After over the back-off, adding at most 20 % so throttled messages don't return together", () => {
    expect(retryDelayMs(DEFAULT_RETRY_POLICY, 5, 1000, () => 0)).toBe(1000);
    expect(retryDelayMs(DEFAULT_RETRY_POLICY, 1, 30_000, () => 1)).toBe(36_000);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2026-11-20T09:00:00Z');
    expect(parseRetryAfter('3', now)).toBe(3000);
    expect(parseRetryAfter('Fri, 20 Nov 2026 09:00:10 GMT', now)).toBe(10_000);
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
  });

  it.each([
    [429, null, 'retry'],
    [412, null, 'retry'],
    [503, null, 'retry'],
    [502, null, 'unknown'],
    [504, null, 'unknown'],
    [500, null, 'unknown'],
    [403, 'MessageWritesBlocked', 'permanent'],
    [404, 'ConversationNotFound', 'permanent'],
    [400, 'BadArgument', 'permanent'],
  ])('treats %i %s as %s', (status, code, kind) => {
    expect(outcomeOfStatus(status, code, null).kind).toBe(kind);
  });
});
