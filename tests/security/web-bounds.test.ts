import { LOCAL_CLIENT_ID, LOCAL_TENANT_ID } from '@confer/contracts';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMsalClientPool } from '../../api/src/adapters/entra/msal-client-pool.ts';
import { createTokenCacheCipher } from '../../api/src/adapters/entra/token-cache-cipher.ts';
import { activityKeys, limitBotActivity } from '../../api/src/http/bot-rate-limit.ts';
import { createFixedWindowCounter } from '../../api/src/http/fixed-window.ts';
import { createLogger } from '../../api/src/logging/logger.ts';
import { listen } from '../../api/src/test-support/test-server.ts';
import { createRateLimiter } from '../../bot/src/delivery/rate-limiter.ts';
import { TEAMS_LIMITS } from '../../bot/src/delivery/teams-limits.ts';

/**
 * Tables keyed by what callers send (a tenant id in an activity, a conversation, a user) stay bounded, and the
 * bot's per-conversation limit refuses a flood with a code.
 */
describe('in-memory tables keyed by callers stay bounded', () => {
  it('a rate window table forgets the least recently seen key when full', () => {
    const counter = createFixedWindowCounter({ limit: 2, windowMs: 60_000, maxKeys: 3 });
    for (let index = 0; index < 10_000; index++) counter.hit(`tenant-${index}`, 0);
    expect(counter.size()).toBe(3);
    // A key seen recently keeps its count: it is the oldest, not the busiest, that goes.
    const busy = createFixedWindowCounter({ limit: 2, windowMs: 60_000, maxKeys: 3 });
    busy.hit('busy', 0);
    busy.hit('busy', 0);
    busy.hit('a', 0);
    busy.hit('b', 0);
    busy.hit('c', 0); // forgets "busy", seen least recently
    expect(busy.hit('busy', 0)).toEqual({ allowed: true });
    busy.hit('busy', 0);
    expect(busy.hit('busy', 0)).toEqual({ allowed: false, retryAfterSeconds: 60 });
  });

  it('MSAL application clients are kept for a bounded number of tenants, least recently used out', () => {
    const pool = createMsalClientPool({
      clientId: LOCAL_CLIENT_ID,
      clientSecret: 'unused',
      authority: `https://login.microsoftonline.com/${LOCAL_TENANT_ID}`,
      authorityHost: 'login.microsoftonline.com',
      networkClient: {
        sendGetRequestAsync: () => Promise.reject(new Error('no network in this test')),
        sendPostRequestAsync: () => Promise.reject(new Error('no network in this test')),
      },
      logger: createLogger('silent'),
      tokenCache: {
        store: { read: async () => undefined, write: async () => undefined, remove: async () => undefined },
        cipher: createTokenCacheCipher(Buffer.alloc(32, 1)),
      },
    });
    const tenant = (index: number) => `00000000-0000-0000-0000-${String(index).padStart(12, '0')}`;
    const home = pool.app(tenant(0));
    const first = pool.app(tenant(1));
    // A flood of activities naming made-up tenants, while the home tenant keeps being used.
    for (let index = 2; index < 500; index++) {
      pool.app(tenant(index));
      if (index % 5 === 0) expect(pool.app(tenant(0))).toBe(home);
    }
    expect(pool.app(tenant(0))).toBe(home);
    expect(pool.app(tenant(1))).not.toBe(first);
  });

  it('the bot’s outbound pacing forgets conversations that have gone quiet', () => {
    const limiter = createRateLimiter({ limits: TEAMS_LIMITS, marginMs: 0 });
    for (let index = 0; index < 5_000; index++) limiter.record('t', `conversation-${index}`, index);
    expect(limiter.tracked()).toBeGreaterThan(1_000);
    // Teams' longest window is an hour: after it, every one of those windows is empty.
    const later = 5_000 + 3_600_001;
    for (let index = 0; index < 1_000; index++) limiter.record('t', 'still-talking', later + index * 100);
    expect(limiter.tracked()).toBeLessThanOrEqual(2);
    expect(limiter.delayFor('t', 'conversation-1', later + 200_000)).toBe(0);
  });
});

describe('the bot endpoint’s per-conversation and per-sender limit', () => {
  let server: Awaited<ReturnType<typeof listen>>;
  let now = Date.parse('2026-03-02T09:00:00Z');
  beforeAll(async () => {
    const app = express();
    // As the bot endpoint runs it: after the activity is parsed and trusted.
    app.post(
      '/api/messages',
      express.json(),
      limitBotActivity({ clock: { now: () => new Date(now) }, perMinute: 3 }),
      (_req, res) => {
        res.json({ handled: true });
      },
    );
    server = await listen(app);
  });
  afterAll(() => server?.close());
  const send = (conversation: string, sender: string) =>
    fetch(`${server.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'message',
        conversation: { id: conversation, tenantId: 't1' },
        from: { id: `29:${sender}`, aadObjectId: sender },
      }),
    });

  it('refuses the fourth activity of a minute from one conversation with 429 rate_limited, and only that one', async () => {
    for (let index = 0; index < 3; index++) expect((await send('a:megan', 'megan')).status).toBe(200);
    const refused = await send('a:megan', 'megan');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('60');
    expect(await refused.json()).toMatchObject({ error: { code: 'rate_limited', message: expect.any(String) } });
    // Someone else is not held back by Megan's flood …
    expect((await send('a:alex', 'alex')).status).toBe(200);
    // … nor can Megan move on to another conversation to keep going.
    expect((await send('a:megan-2', 'megan')).status).toBe(429);
    now += 60_000;
    expect((await send('a:megan', 'megan')).status).toBe(200);
  });

  it('keys an activity by its conversation and its sender within the tenant', () => {
    expect(
      activityKeys({
        conversation: { id: 'a:1', tenantId: 't1' },
        from: { id: '29:x', aadObjectId: 'oid-1' },
      }),
    ).toEqual(['conversation|t1|a:1', 'sender|t1|oid-1']);
    expect(
      activityKeys({ conversation: { id: 'a:1' }, channelData: { tenant: { id: 't2' } }, from: { id: '29:x' } }),
    ).toEqual(['conversation|t2|a:1', 'sender|t2|29:x']);
    expect(activityKeys(null)).toEqual([]);
  });
});
