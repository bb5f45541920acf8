import type { ConnectionDto } from '@confer/contracts';
import { describe, expect, it } from 'vitest';
import { connectWithConsent } from './connect-flow.ts';

const view = (status: ConnectionDto['status']): ConnectionDto => ({
  mode: 'user',
  status,
  checkedAt: null,
  message: status,
  canDisconnect: status === 'connected',
});

function fakeApi(answers: ConnectionDto['status'][]) {
  const calls: string[] = [];
  const fetch = (async (url: URL | string, init?: RequestInit) => {
    calls.push(`${init?.method} ${new URL(String(url)).pathname}`);
    const status = answers.shift() ?? 'connected';
    return new Response(JSON.stringify(view(status)), { status: 200 });
  }) as typeof globalThis.fetch;
  return { api: { fetch, baseUrl: 'http://tab.test', getToken: async () => 't' }, calls };
}

describe('connectWithConsent', () => {
  it('connects without a prompt when the API can already read the calendar', async () => {
    const { api, calls } = fakeApi(['connected']);
    const prompts: number[] = [];
    const result = await connectWithConsent({
      api,
      session: { requestConsent: async () => void prompts.push(1) },
      wait: async () => {},
    });
    expect(result.status).toBe('connected');
    expect(prompts).toEqual([]);
    expect(calls).toEqual(['POST /api/me/connection']);
  });

  it('prompts for consent once, then retries while consent propagates', async () => {
    const { api, calls } = fakeApi(['consent_required', 'consent_required', 'connected']);
    const waits: number[] = [];
    const prompts: number[] = [];
    const result = await connectWithConsent({
      api,
      session: { requestConsent: async () => void prompts.push(1) },
      wait: async (ms) => void waits.push(ms),
    });
    expect(result.status).toBe('connected');
    expect(prompts).toHaveLength(1);
    expect(waits).toEqual([1000]);
    expect(calls).toHaveLength(3);
  });

  it('reports consent still missing after the retries rather than looping', async () => {
    const { api } = fakeApi(['consent_required', 'consent_required', 'consent_required', 'consent_required']);
    const result = await connectWithConsent({ api, session: { requestConsent: async () => {} }, wait: async () => {} });
    expect(result.status).toBe('consent_required');
  });

  it('stops when the person closes the consent prompt', async () => {
    const { api } = fakeApi(['consent_required']);
    const refused = connectWithConsent({
      api,
      session: { requestConsent: async () => Promise.reject(new Error('closed')) },
      wait: async () => {},
    });
    await expect(refused).rejects.toThrow('closed');
  });
});
