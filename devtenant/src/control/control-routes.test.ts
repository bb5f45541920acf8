import { describe, expect, it } from 'vitest';
import { CONFER_CLIENT_ID, MEGAN, MIRIAM_UPN, type TestTenant, withTenant } from '../core/test-support.ts';
import { startWebhookReceiver } from '../subscriptions/test-support/webhook-receiver.ts';

async function get(t: TestTenant, path: string, token: string) {
  const started = performance.now();
  const response = await t.fetch(path, { headers: { authorization: `Bearer ${token}` } });
  const body = (await response.json()) as { error?: { code: string } };
  return {
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    body,
    ms: performance.now() - started,
  };
}

describe('control API (/_devtenant)', () => {
  it('injected error rates answer with Graph error bodies (503 with Retry-After), scoped by path (docs/reference/graph-calendar.md §7)', async () => {
    await withTenant(async (t) => {
      const token = await t.appToken();
      expect((await t.control('/faults', { errorRates: { '503': 1 }, pathPrefixes: ['/users/'] })).status).toBe(200);
      const failed = await get(t, `/v1.0/users/${MEGAN}/mailboxSettings`, token);
      expect(failed).toMatchObject({ status: 503, retryAfter: '1', body: { error: { code: 'serviceNotAvailable' } } });
      expect((await get(t, '/v1.0/users', token)).status).toBe(200);
      await t.control('/faults', { errorRates: { '500': 1 } });
      expect((await get(t, '/v1.0/users', token)).body.error?.code).toBe('generalException');
      await t.control('/faults', {});
      expect((await get(t, '/v1.0/users', token)).status).toBe(200);
    });
  });

  it('injected latency delays Graph responses (docs/reference/graph-calendar.md §7)', async () => {
    await withTenant(async (t) => {
      const token = await t.appToken();
      await t.control('/faults', { latencyMs: 300 });
      expect((await get(t, '/v1.0/users?$top=1', token)).ms).toBeGreaterThanOrEqual(290);
    });
  });

  it('bad control input is 400 invalid_request naming the field, and changes nothing', async () => {
    await withTenant(async (t) => {
      const bad = await t.control('/faults', { errorRates: { '503': 2 } });
      expect(bad).toMatchObject({
        status: 400,
        body: { error: { code: 'invalid_request', message: expect.stringContaining('errorRates') } },
      });
      expect((await t.control('/faults')).body).toMatchObject({ errorRates: {} });
      expect((await t.control('/throttle-storm', { retryAfterSeconds: 1 })).status).toBe(400);
      expect((await t.control('/notifications', { dropRate: -1 })).status).toBe(400);
      expect((await t.control('/clock/advance', { weeks: 1 })).status).toBe(400);
      expect((await t.control('/nope')).status).toBe(404);
    });
  });

  it('the tenant clock moves forward through the control API, never backwards', async () => {
    await withTenant(async (t) => {
      const before = t.clock.now().getTime();
      const moved = await t.control('/clock/advance', { hours: 2 });
      expect(Date.parse((moved.body as { now: string }).now) - before).toBeGreaterThanOrEqual(2 * 3600 * 1000);
      const back = await t.control('/clock/set', { instant: '2001-01-01T00:00:00Z' });
      expect(back).toMatchObject({ status: 400, body: { error: { code: 'clock_backwards' } } });
    });
  });

  it('reset returns consent, policies, tokens, outbox and faults to the seed', async () => {
    await withTenant(async (t) => {
      await t.control('/consent/admin', { clientId: CONFER_CLIENT_ID, granted: false });
      await t.control('/access-policy', { enabled: true });
      await t.control('/faults', { latencyMs: 5 });
      expect((await t.control('/reset', {})).status).toBe(200);
      expect(
        ((await t.control('/consent')).body as { admin: Record<string, unknown> }).admin[CONFER_CLIENT_ID],
      ).toBeDefined();
      expect((await t.control('/access-policy')).body).toEqual({ policies: [] });
      expect((await t.control('/faults')).body).toMatchObject({ latencyMs: 0 });
      const token = await t.appToken();
      expect((await get(t, `/v1.0/users/${MIRIAM_UPN}/mailboxSettings`, token)).status).toBe(200);
    });
  });

  it('per-mailbox request counters count Graph requests by mailbox and app', async () => {
    await withTenant(async (t) => {
      const token = await t.appToken();
      await t.control('/counters/reset', {});
      await get(t, `/v1.0/users/${MEGAN}/mailboxSettings`, token);
      await get(t, '/v1.0/users/meganb@contoso.onmicrosoft.com/mailboxSettings', token);
      await get(t, '/v1.0/users?$top=2', token);
      const counters = (await t.control('/counters')).body as {
        httpRequests: number;
        graphRequests: number;
        mailboxes: Record<string, { requests: number; userPrincipalName: string; byApp: Record<string, number> }>;
      };
      expect(counters.httpRequests).toBe(3);
      expect(counters.graphRequests).toBe(3);
      expect(counters.mailboxes[MEGAN]).toMatchObject({
        requests: 2,
        userPrincipalName: 'meganb@contoso.onmicrosoft.com',
        byApp: { [CONFER_CLIENT_ID]: 2 },
      });
    });
  });

  it('delta tokens can be expired for all or one mailbox; notification faults go to the subscriptions feature (docs/reference/graph-calendar.md §5)', async () => {
    await withTenant(async (t) => {
      expect((await t.control('/delta-tokens/expire', {})).body).toMatchObject({ expired: true, mailbox: null });
      expect(
        (await t.control('/delta-tokens/expire', { mailbox: 'meganb@contoso.onmicrosoft.com' })).body,
      ).toMatchObject({ mailbox: MEGAN });
      expect((await t.control('/delta-tokens/expire', { mailbox: 'ghost@contoso.onmicrosoft.com' })).status).toBe(404);
      const faults = { dropRate: 0.5, delayMs: 100, duplicateRate: 0.1, reorder: true, endpointDown: true };
      expect((await t.control('/notifications', faults)).body).toEqual(faults);
      expect((await t.control('/notifications')).body).toEqual(faults);
      expect((await t.control('/info')).body).toMatchObject({
        tenantId: t.tenantId,
        mode: 'test',
        features: ['calendar', 'subscriptions', 'onlineMeetings'],
      });
    });
  });

  it('notification faults: bad values are 400 naming the field and keep the settings; reset clears them', async () => {
    await withTenant(async (t) => {
      await t.control('/notifications', { reorder: true, delayMs: 1000 });
      for (const bad of [{ endpointDown: 'yes' }, { reorder: 1 }, { delayMs: 1.5 }, { duplicateRate: 2 }]) {
        const answer = await t.control('/notifications', bad);
        expect(answer).toMatchObject({
          status: 400,
          body: { error: { code: 'invalid_request', message: expect.stringContaining(Object.keys(bad)[0]!) } },
        });
      }
      expect((await t.control('/notifications')).body).toMatchObject({ reorder: true, delayMs: 1000 });
      await t.control('/reset', {});
      expect((await t.control('/notifications')).body).toEqual({
        dropRate: 0,
        delayMs: 0,
        duplicateRate: 0,
        reorder: false,
        endpointDown: false,
      });
    });
  });

  it('while the endpoint is away, subscription validation fails with 400 ValidationError; once back it passes', async () => {
    const receiver = await startWebhookReceiver();
    try {
      await withTenant(async (t) => {
        const token = await t.appToken();
        const subscribe = () =>
          t.fetch('/v1.0/subscriptions', {
            method: 'POST',
            headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
            body: JSON.stringify({
              changeType: 'created,updated,deleted',
              notificationUrl: `${receiver.url}/notify`,
              resource: `/users/${MEGAN}/events`,
              expirationDateTime: new Date(t.clock.now().getTime() + 24 * 3600 * 1000).toISOString(),
            }),
          });
        await t.control('/notifications', { endpointDown: true });
        const refused = await subscribe();
        expect(refused.status).toBe(400);
        expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('ValidationError');
        expect(receiver.requests).toEqual([]);
        await t.control('/notifications', { endpointDown: false });
        expect((await subscribe()).status).toBe(201);
        expect(receiver.requests).toHaveLength(1);
      });
    } finally {
      await receiver.close();
    }
  });
});
