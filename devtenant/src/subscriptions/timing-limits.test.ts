import { afterEach, describe, expect, it } from 'vitest';
import { nextRetryAt } from './retry-policy.ts';
import { GRAPH_SUBSCRIPTION_LIMITS } from './subscription-limits.ts';
import { appToken } from './test-support/fake-graph-context.ts';
import { type Harness, startHarness } from './test-support/harness.ts';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('Graph timing limits (docs/reference/graph-calendar.md §4)', () => {
  it('uses a 10 s validation timeout, a 3 s delivery timeout and a 4 h retry window', () => {
    expect(GRAPH_SUBSCRIPTION_LIMITS).toMatchObject({
      validationTimeoutMs: 10_000,
      deliveryTimeoutMs: 3_000,
      retryWindowMs: 4 * 60 * 60_000,
      minExpirationMinutes: 45,
      maxClientStateLength: 128,
    });
  });

  it('refuses the subscription (400 InvalidRequest) when validation is not answered in time', async () => {
    h = await startHarness({ validationTimeoutMs: 100 });
    h.receiver.behave((r) => ({
      status: 200,
      contentType: 'text/plain',
      body: r.query.get('validationToken') ?? '',
      delayMs: 400,
    }));
    const created = await h.app.call('POST', '/subscriptions', appToken(), h.body());
    expect(created.status).toBe(400);
    expect(created.body.error).toMatchObject({
      code: 'InvalidRequest',
      message: 'Subscription validation request timed out.',
    });
  });
});

describe('retry back-off (docs/reference/graph-calendar.md §4)', () => {
  const first = new Date('2026-03-02T09:00:00Z');
  const at = (ms: number) => new Date(first.getTime() + ms);
  const middle = () => 0.5;

  it.each([
    [1, 30_000],
    [2, 60_000],
    [3, 120_000],
    [7, 1_920_000],
    [8, 3_600_000],
    [12, 3_600_000],
  ])('waits base × 2^(n−1), capped at an hour, after failure %i', (attempt, delay) => {
    expect(nextRetryAt(attempt, first, first, GRAPH_SUBSCRIPTION_LIMITS, middle)?.getTime()).toBe(
      first.getTime() + delay,
    );
  });

  it('spreads retries by ±10 % jitter', () => {
    expect(nextRetryAt(1, first, first, GRAPH_SUBSCRIPTION_LIMITS, () => 0)?.getTime()).toBe(first.getTime() + 27_000);
    expect(nextRetryAt(1, first, first, GRAPH_SUBSCRIPTION_LIMITS, () => 1)?.getTime()).toBe(first.getTime() + 33_000);
  });

  it('gives up when the next try would fall outside 4 hours from the first attempt', () => {
    const late = at(3.5 * 3_600_000);
    expect(nextRetryAt(9, first, late, GRAPH_SUBSCRIPTION_LIMITS, middle)).toBeNull();
    expect(nextRetryAt(9, first, at(2 * 3_600_000), GRAPH_SUBSCRIPTION_LIMITS, middle)).not.toBeNull();
  });
});
