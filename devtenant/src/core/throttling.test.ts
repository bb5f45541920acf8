import { type GraphError, RetryHandlerOptions } from '@microsoft/microsoft-graph-client';
import { describe, expect, it } from 'vitest';
import { MEGAN, type TestTenant, withTenant } from './test-support.ts';

async function get(t: TestTenant, path: string, token: string) {
  const response = await t.fetch(path, { headers: { authorization: `Bearer ${token}` } });
  return {
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    body: (await response.json()) as { error?: { code: string; message: string } },
  };
}

describe('Outlook throttling (docs/reference/graph-calendar.md §7)', () => {
  it('the 5th concurrent request for one app + mailbox gets 429 ApplicationThrottled with a fractional Retry-After', async () => {
    await withTenant(async (t) => {
      const token = await t.appToken();
      await t.control('/faults', { latencyMs: 400, pathPrefixes: ['/users'] });
      const path = `/v1.0/users/${MEGAN}/mailboxSettings`;
      const results = await Promise.all(Array.from({ length: 5 }, () => get(t, path, token)));
      const statuses = results.map((r) => r.status).sort();
      expect(statuses).toEqual([200, 200, 200, 200, 429]);
      const throttled = results.find((r) => r.status === 429);
      expect(throttled?.body.error?.code).toBe('ApplicationThrottled');
      expect(throttled?.body.error?.message).toBe('Application is over its MailboxConcurrency limit.');
      expect(Number(throttled?.retryAfter)).toBeGreaterThan(0);
      expect(throttled?.retryAfter).toMatch(/^\d+(\.\d+)?$/);
      // The slots are released once the responses have ended.
      await t.control('/faults', {});
      expect((await get(t, path, token)).status).toBe(200);
    });
  });

  it('the per-window budget (10,000 per 10 minutes, lowered here) answers 429 until the window moves on', async () => {
    await withTenant(async (t) => {
      expect((await t.control('/throttling')).body).toMatchObject({
        concurrent: 4,
        requestsPerWindow: 10000,
        windowMs: 600000,
      });
      await t.control('/throttling', { requestsPerWindow: 3 });
      const token = await t.appToken();
      const path = `/v1.0/users/${MEGAN}/mailboxSettings`;
      for (let i = 0; i < 3; i += 1) expect((await get(t, path, token)).status).toBe(200);
      const over = await get(t, path, token);
      expect(over.status).toBe(429);
      expect(over.body.error?.code).toBe('ApplicationThrottled');
      expect(Number(over.retryAfter)).toBeGreaterThan(500);
      t.clock.advance(10 * 60 * 1000);
      const fresh = await t.appToken();
      expect((await get(t, path, fresh)).status).toBe(200);
    });
  });

  it('the Graph client RetryHandler honours Retry-After and recovers after a short 429 storm (docs/reference/graph-calendar.md §10)', async () => {
    await withTenant(async (t) => {
      const token = await t.appToken();
      await t.control('/throttle-storm', { requests: 2, retryAfterSeconds: 0.1 });
      const client = t.graph(async () => token, new RetryHandlerOptions(1, 3));
      const settings = await client.api(`/users/${MEGAN}/mailboxSettings`).get();
      expect(settings.timeZone).toBe('Pacific Standard Time');
      const counters = (await t.control('/counters')).body as {
        mailboxes: Record<string, { requests: number; throttled: number }>;
      };
      expect(counters.mailboxes[MEGAN]).toMatchObject({ requests: 3, throttled: 2 });
    });
  });

  it('without retries the storm surfaces as GraphError 429 TooManyRequests', async () => {
    await withTenant(async (t) => {
      const token = await t.appToken();
      await t.control('/throttle-storm', { durationMs: 60_000, retryAfterSeconds: 2.5, mailbox: MEGAN });
      const client = t.graph(async () => token);
      const error = (await client
        .api(`/users/${MEGAN}/mailboxSettings`)
        .get()
        .catch((e: unknown) => e)) as GraphError;
      expect(error.statusCode).toBe(429);
      expect(error.code).toBe('TooManyRequests');
      expect(error.headers?.get('retry-after')).toBe('2.5');
      expect((await client.api('/users/adelev@contoso.onmicrosoft.com/mailboxSettings').get()).timeZone).toBe(
        'GMT Standard Time',
      );
      await t.control('/throttle-storm/stop', {});
      expect((await client.api(`/users/${MEGAN}/mailboxSettings`).get()).timeZone).toBe('Pacific Standard Time');
    });
  });
});
