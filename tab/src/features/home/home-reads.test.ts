import { describe, expect, it } from 'vitest';
import type { AuthedApi } from '../../lib/authed-api.ts';
import { readCadence, readConnection, readMeetings, readMeetingTypes, startHomeReads } from './home-reads.ts';

const connection = (status: string) => ({
  mode: 'user',
  status,
  checkedAt: null,
  message: status,
  canDisconnect: true,
  restriction: null,
});

/** An API that records each request as `METHOD path` and answers Home's reads. */
function homeApi(storedStatus = 'connected') {
  const requests: string[] = [];
  const answer = (body: unknown) =>
    new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
  const fetch = (async (url: URL, init?: RequestInit) => {
    const path = `${url.pathname}${url.search}`;
    requests.push(`${init?.method ?? 'GET'} ${path}`);
    if (path.startsWith('/api/meetings')) return answer({ meetings: [] });
    if (path === '/api/meeting-types') return answer({ meetingTypes: [] });
    if (path === '/api/cadence') return answer({ pairs: [], nudges: true });
    return answer(connection(init?.method === 'POST' ? 'connected' : storedStatus));
  }) as typeof globalThis.fetch;
  const api: AuthedApi = { fetch, baseUrl: 'https://confer.example', getToken: async () => 'token' };
  return { api, requests };
}

describe("Home's early reads", () => {
  it('hands each early answer to the first reader only; later reads ask the API again', async () => {
    const { api, requests } = homeApi();
    startHomeReads(api, 'upcoming');
    // All of them start at once, before anyone reads one: no read waits for another.
    await new Promise((done) => setTimeout(done, 0));
    expect([...requests].sort()).toEqual([
      'GET /api/cadence',
      'GET /api/me/connection',
      'GET /api/meeting-types',
      'GET /api/meetings?scope=upcoming',
    ]);
    await Promise.all([readMeetings(api, 'upcoming'), readMeetingTypes(api), readConnection(api), readCadence(api)]);
    expect(requests).toHaveLength(4);
    // A reload reads again.
    await Promise.all([readMeetings(api, 'upcoming'), readMeetingTypes(api), readConnection(api), readCadence(api)]);
    expect(requests).toHaveLength(8);
  });

  it('reads the other scope itself, and keeps nothing for another API (another signed-in session)', async () => {
    const { api, requests } = homeApi();
    startHomeReads(api, 'upcoming');
    await readMeetings(api, 'past');
    expect(requests.filter((r) => r.includes('/api/meetings'))).toEqual([
      'GET /api/meetings?scope=upcoming',
      'GET /api/meetings?scope=past',
    ]);
    const other = homeApi();
    await readMeetingTypes(other.api);
    expect(other.requests).toEqual(['GET /api/meeting-types']);
  });

  it('checks the calendar again when the stored status says consent is missing', async () => {
    const { api, requests } = homeApi('consent_required');
    startHomeReads(api, 'upcoming');
    expect((await readConnection(api)).status).toBe('connected');
    expect(requests.filter((r) => r.includes('/connection'))).toEqual([
      'GET /api/me/connection',
      'POST /api/me/connection',
    ]);
  });
});
