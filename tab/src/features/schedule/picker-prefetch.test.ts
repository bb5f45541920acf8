import { describe, expect, it } from 'vitest';
import type { AuthedApi } from '../../lib/authed-api.ts';
import { prefetchPicker, suggestKeyOf, takePrefetched } from './picker-prefetch.ts';
import { fetchWindow, visibleDays } from './week-nav.ts';

/** Monday 7 December 2026, 09:10 in London. */
const NOW = new Date('2026-12-07T09:10:00Z');
const ALEX = 'alexw@contoso.onmicrosoft.com';

function recordingApi() {
  const bodies: unknown[] = [];
  const api: AuthedApi = {
    baseUrl: 'https://confer.example',
    getToken: async () => 'token',
    fetch: (async (_url: string, init?: RequestInit) => {
      bodies.push(JSON.parse(String(init?.body)));
      return new Response(JSON.stringify({ window: { start: 'a', end: 'b' }, people: [] }), {
        status: 200,
        headers: { 'content-type': 'application/json' },
      });
    }) as typeof fetch,
  };
  return { api, bodies };
}

const start = (attendees: string[], overrides: { viewportWidth?: number; deviceZone?: string } = {}) => {
  const { api, bodies } = recordingApi();
  prefetchPicker({
    api,
    attendees,
    deviceZone: overrides.deviceZone ?? 'Europe/London',
    locale: 'en-GB',
    now: NOW,
    viewportWidth: overrides.viewportWidth ?? 1280,
  });
  return bodies;
};

/** The window the picker wants for this week in a zone: the visible days and a day either side. */
const wantedIn = (zone: string) => fetchWindow(visibleDays('2026-12-07', 'week', 1), zone);

describe('the picker read started before the page', () => {
  it('asks for the week with two days either side and the suggestions for the first length', async () => {
    const bodies = start([ALEX]);
    await Promise.resolve();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(bodies).toEqual([
      {
        attendees: [ALEX],
        start: '2026-12-05T00:00:00.000Z',
        end: '2026-12-16T00:00:00.000Z',
        suggest: {
          durationMinutes: 30,
          recurrence: null,
          maxSuggestions: 5,
          start: NOW.toISOString(),
          end: '2026-12-21T09:10:00.000Z',
        },
      },
    ]);
    expect(takePrefetched(ALEX, wantedIn('Europe/London'), NOW)?.suggestKey).toBe(suggestKeyOf(ALEX, 30, null));
  });

  it('is taken once, by the same people, while fresh', () => {
    start([ALEX]);
    expect(takePrefetched('meganb@contoso.onmicrosoft.com', wantedIn('Europe/London'), NOW)).toBeNull();
    // Whoever asked first took (and spent) it.
    expect(takePrefetched(ALEX, wantedIn('Europe/London'), NOW)).toBeNull();
    start([ALEX]);
    expect(takePrefetched(ALEX, wantedIn('Europe/London'), new Date(NOW.getTime() + 31_000))).toBeNull();
    start([ALEX]);
    expect(takePrefetched(ALEX, wantedIn('Europe/London'), new Date(NOW.getTime() + 5_000))).not.toBeNull();
  });

  it('holds the real week when the person’s zone turns out far from the device’s', () => {
    start([ALEX], { deviceZone: 'Pacific/Kiritimati' });
    expect(takePrefetched(ALEX, wantedIn('America/Los_Angeles'), NOW)).not.toBeNull();
  });

  it('is not used for another week', () => {
    start([ALEX]);
    const nextWeek = fetchWindow(visibleDays('2026-12-14', 'week', 1), 'Europe/London');
    expect(takePrefetched(ALEX, nextWeek, NOW)).toBeNull();
  });

  it('asks for one day on a narrow screen, and nothing without people', async () => {
    const narrow = start([ALEX], { viewportWidth: 400 });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(narrow[0]).toMatchObject({ start: '2026-12-05T00:00:00.000Z', end: '2026-12-10T00:00:00.000Z' });
    takePrefetched(ALEX, wantedIn('Europe/London'), NOW);
    expect(start([])).toEqual([]);
    expect(takePrefetched('', wantedIn('Europe/London'), NOW)).toBeNull();
  });
});
