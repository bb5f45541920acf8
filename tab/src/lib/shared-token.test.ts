import { describe, expect, it } from 'vitest';
import { expiryOf, sharedToken } from './shared-token.ts';

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const jwt = (claims: Record<string, unknown>) => `${base64url({ alg: 'RS256' })}.${base64url(claims)}.sig`;

const NOW = Date.parse('2026-12-02T10:00:00Z');
const inAnHour = jwt({ exp: NOW / 1000 + 3600, name: 'Ünïcødé ✓' });

function counting(tokens: string[]) {
  let calls = 0;
  return {
    fetch: async () => {
      const token = tokens[Math.min(calls, tokens.length - 1)] ?? '';
      calls += 1;
      return token;
    },
    calls: () => calls,
  };
}

describe('the page-wide SSO token', () => {
  it('asks the host once for callers that ask at the same time, and keeps the token until near its expiry', async () => {
    let clock = NOW;
    const host = counting([inAnHour, jwt({ exp: NOW / 1000 + 7200 })]);
    const token = sharedToken(host.fetch, () => clock);
    expect(await Promise.all([token.get(), token.get(), token.get()])).toEqual([inAnHour, inAnHour, inAnHour]);
    expect(host.calls()).toBe(1);
    clock = NOW + 54 * 60_000;
    expect(await token.get()).toBe(inAnHour);
    expect(host.calls()).toBe(1);
    // Within five minutes of its expiry it is not used: a new one is asked for.
    clock = NOW + 56 * 60_000;
    expect(await token.get()).not.toBe(inAnHour);
    expect(host.calls()).toBe(2);
  });

  it('asks again after the API refused the kept token', async () => {
    const host = counting([inAnHour, jwt({ exp: NOW / 1000 + 3000 })]);
    const token = sharedToken(host.fetch, () => NOW);
    await token.get();
    const fresh = await token.refresh();
    expect(fresh).not.toBe(inAnHour);
    expect(await token.get()).toBe(fresh);
    expect(host.calls()).toBe(2);
  });

  it('keeps nothing after a failure or for a token it cannot read', async () => {
    let fail = true;
    let calls = 0;
    const token = sharedToken(async () => {
      calls += 1;
      if (fail) throw new Error('host refused');
      return 'not-a-jwt';
    });
    await expect(token.get()).rejects.toThrow('host refused');
    fail = false;
    expect(await token.get()).toBe('not-a-jwt');
    expect(await token.get()).toBe('not-a-jwt');
    expect(calls).toBe(3);
  });

  it('prefetches once: callers that ask later get that token, or its failure, without another request', async () => {
    const host = counting([inAnHour]);
    const token = sharedToken(host.fetch, () => NOW);
    token.prefetch();
    token.prefetch();
    expect(await Promise.all([token.get(), token.get()])).toEqual([inAnHour, inAnHour]);
    token.prefetch();
    expect(host.calls()).toBe(1);

    let calls = 0;
    const refusing = sharedToken(async () => {
      calls += 1;
      throw new Error(`host refused ${calls}`);
    });
    refusing.prefetch();
    await new Promise((settle) => setTimeout(settle, 0));
    // Nobody asked while it was in flight: the first caller hears the prefetch's failure, not a second request.
    await expect(refusing.get()).rejects.toThrow('host refused 1');
    expect(calls).toBe(1);
    // Heard once; the next caller asks the host again.
    await expect(refusing.get()).rejects.toThrow('host refused 2');
    // A caller that joined the prefetch in flight heard its failure, so it is not kept for anyone else.
    refusing.prefetch();
    await expect(refusing.get()).rejects.toThrow('host refused 3');
    await expect(refusing.get()).rejects.toThrow('host refused 4');
    expect(calls).toBe(4);
  });

  it('reads exp from a base64url payload, and nothing from a malformed one', () => {
    expect(expiryOf(inAnHour)).toBe(NOW + 3_600_000);
    expect(expiryOf('a.b')).toBeNull();
    expect(expiryOf('onlyone')).toBeNull();
    expect(expiryOf(jwt({ exp: 'soon' }))).toBeNull();
  });
});
