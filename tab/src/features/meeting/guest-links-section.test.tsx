// @vitest-environment happy-dom
import type { GuestOfferDto, MeetingDto } from '@confer/contracts';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import axe from 'axe-core';
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type TabServices, TabServicesContext } from '../../app/tab-services.ts';
import type { AuthedApi } from '../../lib/authed-api.ts';
import { createMeetingFormatters } from '../../lib/meeting-format.ts';
import type { HostSession } from '../../lib/session.ts';
import { GuestLinksSection, offersGuestLinks } from './guest-links-section.tsx';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const attendee = (email: string, displayName: string, userId: string | null) => ({
  email,
  userId,
  displayName,
  type: 'required' as const,
  response: 'none' as const,
  respondedAt: null,
  proposedStart: null,
  proposedEnd: null,
  addedInOutlook: false,
});

const meeting: MeetingDto = {
  id: 'm1',
  title: 'Mentoring',
  outlookSubject: null,
  agenda: '',
  typeId: null,
  organizer: { userId: 'adele', email: 'adelev@contoso.onmicrosoft.com', displayName: 'Adele Vance' },
  isOrganizer: true,
  start: '2026-11-23T09:00:00.000Z',
  end: '2026-11-23T09:30:00.000Z',
  timeZone: 'Europe/London',
  recurrence: null,
  online: true,
  joinUrl: null,
  location: null,
  status: 'scheduled',
  attendees: [
    attendee('alexw@contoso.onmicrosoft.com', 'Alex Wilber', 'alex'),
    attendee('sam@fabrikam.example', 'Sam at Fabrikam', null),
  ],
  myResponse: 'organizer',
  version: 3,
  webUrl: '',
  occurrences: [],
};

const times = [
  { start: '2026-11-24T10:00:00.000Z', end: '2026-11-24T10:30:00.000Z' },
  { start: '2026-11-25T14:00:00.000Z', end: '2026-11-25T14:30:00.000Z' },
  { start: '2026-11-26T09:00:00.000Z', end: '2026-11-26T09:30:00.000Z' },
];

const offer = (overrides: Partial<GuestOfferDto> = {}): GuestOfferDto => ({
  id: 'o1',
  attendee: { email: 'sam@fabrikam.example', displayName: 'Sam at Fabrikam' },
  occurrenceStart: null,
  slots: times,
  state: 'offered',
  createdAt: '2026-11-20T09:00:00.000Z',
  expiresAt: '2026-11-24T10:00:00.000Z',
  chosen: null,
  message: null,
  ...overrides,
});

interface Call {
  method: string;
  path: string;
  body: unknown;
}

function fakeApi(offers: GuestOfferDto[]) {
  const calls: Call[] = [];
  const fetch = (async (url: URL, init?: RequestInit) => {
    const body = init?.body ? JSON.parse(String(init.body)) : null;
    const method = init?.method ?? 'GET';
    calls.push({ method, path: url.pathname, body });
    if (url.pathname === '/api/suggestions') {
      return Response.json({
        window: { start: '', end: '' },
        suggestions: times.map((t) => ({ ...t, score: 1, reasons: [] })),
        unreadable: [],
      });
    }
    if (method === 'POST') {
      return Response.json(
        { offer: offer({ id: 'o2', slots: body.slots }), url: 'https://confer.example/guest/v1.abc.def' },
        { status: 201 },
      );
    }
    if (method === 'DELETE') return Response.json({ offer: offer({ state: 'revoked' }) });
    return Response.json({ offers });
  }) as typeof globalThis.fetch;
  const api: AuthedApi = { fetch, baseUrl: 'https://confer.example', getToken: async () => 'token' };
  return { api, calls };
}

const shown: (() => void)[] = [];
afterEach(() => {
  for (const remove of shown.splice(0)) remove();
});

async function show(api: AuthedApi): Promise<HTMLElement> {
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
  const formatters = createMeetingFormatters('en-GB', 'Europe/London');
  await act(async () => {
    root.render(
      <FluentProvider theme={webLightTheme}>
        <TabServicesContext.Provider value={services}>
          <GuestLinksSection meeting={meeting} occurrenceStart={null} formatters={formatters} />
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
const button = (page: HTMLElement, text: string) =>
  [...page.querySelectorAll('button')].find((b) => b.textContent === text) as HTMLButtonElement | undefined;

describe('guest links on the meeting page', () => {
  it('is offered only to the organizer of a standing meeting with someone outside the organisation', () => {
    expect(offersGuestLinks(meeting)).toBe(true);
    expect(offersGuestLinks({ ...meeting, isOrganizer: false })).toBe(false);
    expect(offersGuestLinks({ ...meeting, status: 'cancelled' })).toBe(false);
    expect(offersGuestLinks({ ...meeting, attendees: meeting.attendees.slice(0, 1) })).toBe(false);
  });

  it('offers the preselected suggestions less the ones unticked, then shows the link to copy with its expiry', async () => {
    const { api, calls } = fakeApi([]);
    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const page = await show(api);
    await settle();
    await act(async () => button(page, 'Offer times to Sam at Fabrikam')?.click());
    await settle();
    const boxes = [...page.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')];
    expect(boxes.map((b) => b.checked)).toEqual([true, true, true]);
    await act(async () => boxes[1]?.click());
    await act(async () => button(page, 'Create link')?.click());
    await settle();
    expect(calls.find((c) => c.method === 'POST' && c.path.endsWith('/guest-links'))?.body).toEqual({
      attendee: 'sam@fabrikam.example',
      slots: [times[0], times[2]],
    });
    const ready = page.querySelector('[data-testid="guest-link-ready"]');
    expect(ready?.querySelector('input')?.value).toBe('https://confer.example/guest/v1.abc.def');
    expect(ready?.textContent).toContain('It can be used once, until 24 Nov, 10:00');
    await act(async () => button(page, 'Copy link')?.click());
    expect(writeText).toHaveBeenCalledWith('https://confer.example/guest/v1.abc.def');
    expect(button(page, 'Copied')).toBeDefined();
    expect(page.querySelector('[data-testid="guest-offer"]')?.getAttribute('data-state')).toBe('offered');
  });

  it('shows each link’s state and withdraws an open one', async () => {
    const picked = offer({ id: 'o3', state: 'picked', chosen: times[1] ?? null });
    const { api, calls } = fakeApi([offer(), picked]);
    const page = await show(api);
    await settle();
    const rows = [...page.querySelectorAll('[data-testid="guest-offer"]')];
    expect(rows.map((r) => r.getAttribute('data-state'))).toEqual(['offered', 'picked']);
    expect(rows[1]?.textContent).toContain('Picked');
    expect(rows[1]?.textContent).toContain('Chose');
    expect(rows[1]?.querySelector('button')).toBeNull();
    await act(async () => button(page, 'Withdraw link')?.click());
    await settle();
    expect(calls.at(-1)).toMatchObject({ method: 'DELETE', path: '/api/meetings/m1/guest-links/o1' });
    expect(page.querySelector('[data-testid="guest-offer"]')?.getAttribute('data-state')).toBe('revoked');
  });

  it('stays free of accessibility violations axe can see without a browser', async () => {
    const { api } = fakeApi([offer()]);
    const page = await show(api);
    await settle();
    await act(async () => button(page, 'Offer times to Sam at Fabrikam')?.click());
    await settle();
    const results = await axe.run(page, {
      rules: { 'color-contrast': { enabled: false }, region: { enabled: false } },
    });
    expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  });
});
