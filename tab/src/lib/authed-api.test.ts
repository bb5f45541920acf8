import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from './app-error.ts';
import { type AuthedApi, callApi } from './authed-api.ts';

const okSchema = z.object({ ok: z.boolean() });

/** A server that refuses the first `refusals` tokens with the given status, then answers `{ ok: true }`. */
function server(refusals: number, status = 401) {
  const seen: string[] = [];
  const fetch = (async (_url: string, init?: RequestInit) => {
    seen.push(new Headers(init?.headers).get('authorization') ?? '');
    if (seen.length <= refusals) {
      return new Response(JSON.stringify({ error: { code: 'token_expired', message: 'The token has expired.' } }), {
        status,
        headers: { 'content-type': 'application/json' },
      });
    }
    return new Response(JSON.stringify({ ok: true }), { status: 200, headers: { 'content-type': 'application/json' } });
  }) as typeof globalThis.fetch;
  return { fetch, seen };
}

function apiWith(fetch: typeof globalThis.fetch, refresh: boolean): AuthedApi {
  return {
    fetch,
    baseUrl: 'https://confer.example',
    getToken: async () => 'kept',
    ...(refresh ? { refreshToken: async () => 'fresh' } : {}),
  };
}

describe('API calls with a kept token', () => {
  it('ask once more with a new token when the API refuses the kept one (401)', async () => {
    const { fetch, seen } = server(1);
    expect(await callApi(apiWith(fetch, true), 'GET', '/api/x', okSchema)).toEqual({ ok: true });
    expect(seen).toEqual(['Bearer kept', 'Bearer fresh']);
  });

  it('ask only once more: a second refusal is the answer', async () => {
    const { fetch, seen } = server(2);
    await expect(callApi(apiWith(fetch, true), 'GET', '/api/x', okSchema)).rejects.toMatchObject({
      code: 'token_expired',
    });
    expect(seen).toHaveLength(2);
  });

  it('do not ask again for other refusals, or where the host keeps tokens itself', async () => {
    const forbidden = server(1, 403);
    await expect(callApi(apiWith(forbidden.fetch, true), 'GET', '/api/x', okSchema)).rejects.toBeInstanceOf(AppError);
    expect(forbidden.seen).toHaveLength(1);
    const browser = server(1);
    await expect(callApi(apiWith(browser.fetch, false), 'GET', '/api/x', okSchema)).rejects.toMatchObject({
      status: 401,
    });
    expect(browser.seen).toHaveLength(1);
  });
});
