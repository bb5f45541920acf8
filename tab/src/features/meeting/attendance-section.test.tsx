// @vitest-environment happy-dom
import type { OccurrenceAttendanceDto } from '@confer/contracts';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import axe from 'axe-core';
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { type TabServices, TabServicesContext } from '../../app/tab-services.ts';
import type { AuthedApi } from '../../lib/authed-api.ts';
import type { HostSession } from '../../lib/session.ts';
import { AttendanceSection } from './attendance-section.tsx';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const person = (
  name: string,
  joined: boolean,
  minutesPresent: number,
  role: 'organizer' | 'attendee' = 'attendee',
) => ({
  email: `${name.split(' ')[0]?.toLowerCase()}@contoso.onmicrosoft.com`,
  userId: `id-${name}`,
  displayName: name,
  role,
  joined,
  minutesPresent,
});

const held: OccurrenceAttendanceDto = {
  occurrenceStart: '2026-11-02T09:00:00.000Z',
  occurrenceEnd: '2026-11-02T09:30:00.000Z',
  online: true,
  state: 'held',
  source: 'teams',
  unknownReason: null,
  participants: [person('Adele Vance', true, 30, 'organizer'), person('Alex Wilber', true, 28)],
  decidedAt: '2026-11-02T10:00:00.000Z',
  canMark: false,
};
const noShow: OccurrenceAttendanceDto = {
  ...held,
  occurrenceStart: '2026-11-09T09:00:00.000Z',
  occurrenceEnd: '2026-11-09T09:30:00.000Z',
  state: 'no_show',
  participants: [person('Adele Vance', true, 12, 'organizer'), person('Alex Wilber', false, 0)],
};
const inPerson: OccurrenceAttendanceDto = {
  ...held,
  occurrenceStart: '2026-11-16T09:00:00.000Z',
  occurrenceEnd: '2026-11-16T09:30:00.000Z',
  online: false,
  state: 'pending',
  source: null,
  participants: [],
  decidedAt: null,
  canMark: true,
};

interface Call {
  method: string;
  path: string;
  body: unknown;
}

/** An API answering the attendance read with `occurrences`, and each mark with `onMark`. */
function fakeApi(occurrences: OccurrenceAttendanceDto[], onMark: (body: { held: boolean }) => Response) {
  const calls: Call[] = [];
  const fetch = (async (url: URL, init?: RequestInit) => {
    const body = init?.body ? JSON.parse(String(init.body)) : null;
    calls.push({ method: init?.method ?? 'GET', path: url.pathname, body });
    if (init?.method === 'POST') return onMark(body);
    return Response.json({ occurrences });
  }) as typeof globalThis.fetch;
  const api: AuthedApi = { fetch, baseUrl: 'https://confer.example', getToken: async () => 'token' };
  return { api, calls };
}

const shown: (() => void)[] = [];
afterEach(() => {
  for (const remove of shown.splice(0)) remove();
});

async function show(api: AuthedApi, series: boolean): Promise<HTMLElement> {
  const container = document.createElement('main');
  document.body.append(container);
  const root = createRoot(container);
  const services = {
    api,
    session: {} as HostSession,
    locale: 'en-GB',
    timeZone: 'Europe/London',
    navigate: () => undefined,
    reportReady: () => undefined,
    refreshTimeZone: () => undefined,
  } satisfies TabServices;
  await act(async () => {
    root.render(
      <FluentProvider theme={webLightTheme}>
        <TabServicesContext.Provider value={services}>
          <AttendanceSection meetingId="m1" series={series} when={(start) => `when ${start}`} revision="1" />
        </TabServicesContext.Provider>
      </FluentProvider>,
    );
  });
  shown.push(() => {
    act(() => root.unmount());
    container.remove();
  });
  return container;
}

const settle = () => act(async () => new Promise((done) => setTimeout(done, 0)));
const rows = (page: HTMLElement) => [...page.querySelectorAll('[data-testid="attendance-occurrence"]')];
const buttonNamed = (page: HTMLElement, text: string) =>
  [...page.querySelectorAll('button')].find((b) => b.textContent === text) as HTMLButtonElement | undefined;

describe('the attendance section', () => {
  it('lists ended occurrences latest first, each with its status and minutes per person', async () => {
    const { api } = fakeApi([held, noShow], () => Response.json({}));
    const page = await show(api, true);
    await settle();
    expect(rows(page).map((row) => row.getAttribute('data-state'))).toEqual(['no_show', 'held']);
    const [latest, first] = rows(page);
    expect(latest?.querySelector('h3')?.textContent).toBe('when 2026-11-09T09:00:00.000Z');
    expect(latest?.querySelector('[data-testid="attendance-status"]')?.textContent).toBe('No-show');
    expect(latest?.textContent).toContain("Alex WilberDidn't join");
    expect(first?.querySelector('[data-testid="attendance-status"]')?.textContent).toBe('Held');
    expect(first?.textContent).toContain('Alex Wilber28 minutes');
    expect(buttonNamed(page, 'We met')).toBeUndefined();
  });

  it('shows nothing before any occurrence has ended', async () => {
    const { api } = fakeApi([], () => Response.json({}));
    const page = await show(api, false);
    await settle();
    expect(page.querySelector('[data-testid="attendance"]')).toBeNull();
  });

  it('lets the organizer say an in-person meeting took place, and shows it at once', async () => {
    const { api, calls } = fakeApi([inPerson], (body) =>
      Response.json({ ...inPerson, state: body.held ? 'held' : 'no_show', source: 'organizer' }),
    );
    const page = await show(api, false);
    await settle();
    expect(rows(page)[0]?.querySelector('[data-testid="attendance-status"]')?.textContent).toBe('Did you meet?');
    await act(async () => buttonNamed(page, 'We met')?.click());
    await settle();
    expect(calls.at(-1)).toEqual({
      method: 'POST',
      path: '/api/meetings/m1/attendance',
      body: { occurrenceStart: inPerson.occurrenceStart, held: true },
    });
    expect(rows(page)[0]?.querySelector('[data-testid="attendance-status"]')?.textContent).toBe('Held');
    expect(rows(page)[0]?.textContent).toContain('As the organizer said.');
    expect(buttonNamed(page, 'We met')?.getAttribute('aria-pressed')).toBe('true');
  });

  it('says why a mark was refused and keeps the occurrence as it was', async () => {
    const { api } = fakeApi([inPerson], () =>
      Response.json(
        { error: { code: 'forbidden', message: 'Only the organizer can say whether it was held.' } },
        { status: 403 },
      ),
    );
    const page = await show(api, false);
    await settle();
    await act(async () => buttonNamed(page, "It didn't happen")?.click());
    await settle();
    expect(page.querySelector('[role="alert"]')?.textContent).toBe(
      'Not saved: Only the organizer can say whether it was held.',
    );
    expect(rows(page)[0]?.getAttribute('data-state')).toBe('pending');
  });

  it('stays free of accessibility violations axe can see without a browser', async () => {
    const { api } = fakeApi([held, noShow, inPerson], () => Response.json({}));
    const page = await show(api, true);
    await settle();
    const results = await axe.run(page, {
      rules: { 'color-contrast': { enabled: false }, region: { enabled: false } },
    });
    expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  });
});
