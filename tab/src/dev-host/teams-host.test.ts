import { LOCAL_TENANT_ID } from '@confer/contracts';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HostSettings } from './host-protocol.ts';
import { createTeamsHost, type HostCall, type HostWindow } from './teams-host.ts';

const origin = 'http://localhost:3978';
const settings: HostSettings = {
  user: {
    id: '00000000-0000-0000-0000-0000000000020',
    displayName: 'Alex Wilber',
    userPrincipalName: 'alexw@contoso.onmicrosoft.com',
    tenantId: LOCAL_TENANT_ID,
  },
  theme: 'default',
  locale: 'en-us',
  entityId: 'home',
  subEntityId: '',
  sessionId: 's',
};

class FakeWindow implements HostWindow {
  readonly received: { message: unknown; targetOrigin: string }[] = [];
  closed = false;
  postMessage(message: unknown, targetOrigin: string): void {
    this.received.push({ message, targetOrigin });
  }
  close(): void {
    this.closed = true;
  }
}

function setup(fetchToken: (userId: string) => Promise<string> = async (id) => `token-${id}`) {
  const tab = new FakeWindow();
  const popup = new FakeWindow();
  const calls: Omit<HostCall, 'seq'>[] = [];
  const opened: string[] = [];
  const host = createTeamsHost({
    origin,
    settings: () => settings,
    tabWindow: () => tab,
    fetchToken,
    openPopup: (url) => {
      opened.push(url);
      return popup;
    },
    record: (call) => calls.push(call),
  });
  const fromTab = (id: number, func: string, args: unknown[] = []) =>
    host.handleMessage({ origin, source: tab, data: { id, uuidAsString: `u${id}`, func, args } });
  const fromPopup = (id: number, func: string, args: unknown[] = []) =>
    host.handleMessage({ origin, source: popup, data: { id, uuidAsString: `p${id}`, func, args } });
  return { host, tab, popup, calls, opened, fromTab, fromPopup };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('createTeamsHost', () => {
  it("answers the tab's initialize and getContext, to the tab's own origin", () => {
    const { tab, fromTab } = setup();
    fromTab(0, 'initialize', ['2.58.0', 4, null]);
    fromTab(1, 'getContext');
    expect(tab.received.map((r) => r.targetOrigin)).toEqual([origin, origin]);
    expect(tab.received[0]?.message).toMatchObject({
      id: 0,
      uuidAsString: 'u0',
      args: ['content', 'web', expect.any(String)],
    });
    expect(tab.received[1]?.message).toMatchObject({ args: [{ userObjectId: settings.user.id, theme: 'default' }] });
  });

  it('ignores messages from other origins and other windows', () => {
    const { host, tab } = setup();
    host.handleMessage({ origin: 'https://evil.example', source: tab, data: { id: 0, func: 'initialize', args: [] } });
    host.handleMessage({ origin, source: new FakeWindow(), data: { id: 0, func: 'initialize', args: [] } });
    expect(tab.received).toEqual([]);
  });

  it("answers getAuthToken with the chosen person's token, or the failure reason", async () => {
    const ok = setup();
    ok.fromTab(2, 'authentication.getAuthToken', [null, null, null, null]);
    await vi.waitFor(() => expect(ok.tab.received).toHaveLength(1));
    expect(ok.tab.received[0]?.message).toMatchObject({ args: [true, `token-${settings.user.id}`] });

    const failing = setup(async () => {
      throw new Error('devtenant down');
    });
    failing.fromTab(2, 'authentication.getAuthToken');
    await vi.waitFor(() => expect(failing.tab.received).toHaveLength(1));
    expect(failing.tab.received[0]?.message).toMatchObject({ args: [false, 'devtenant down'] });
  });

  it('opens authenticate in a popup and relays its success to the tab', () => {
    const { tab, popup, opened, fromTab, fromPopup } = setup();
    fromTab(3, 'authentication.authenticate', ['https://localhost:8443/t/oauth2/v2.0/authorize', 600, 535, false]);
    expect(opened).toEqual(['https://localhost:8443/t/oauth2/v2.0/authorize']);
    fromPopup(0, 'initialize');
    expect(popup.received[0]?.message).toMatchObject({ args: ['authentication', 'web', expect.any(String)] });
    fromPopup(1, 'authentication.authenticate.success', ['consented']);
    expect(tab.received.at(-1)?.message).toMatchObject({ id: 3, uuidAsString: 'u3', args: [true, 'consented'] });
    vi.runAllTimers();
    expect(popup.closed).toBe(true);
  });

  it('reports a popup closed by the user as CancelledByUser', () => {
    const { tab, popup, fromTab } = setup();
    fromTab(4, 'authentication.authenticate', ['https://localhost:8443/authorize', 600, 535]);
    popup.closed = true;
    vi.advanceTimersByTime(600);
    expect(tab.received.at(-1)?.message).toMatchObject({ id: 4, args: [false, 'CancelledByUser'] });
  });

  it('records fire-and-forget notifications such as appInitialization.success', () => {
    const { tab, calls, fromTab } = setup();
    fromTab(5, 'appInitialization.success', ['2.58.0']);
    expect(tab.received).toEqual([]);
    expect(calls).toContainEqual({ from: 'content', func: 'appInitialization.success', outcome: '2.58.0' });
  });

  it('answers app.openLink (executeDeepLink) by recording the link, without opening anything', () => {
    const { tab, calls, opened, fromTab } = setup();
    const joinUrl = 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_x%40thread.v2/0';
    fromTab(6, 'executeDeepLink', [joinUrl]);
    expect(tab.received).toEqual([{ message: { id: 6, uuidAsString: 'u6', args: [true] }, targetOrigin: origin }]);
    expect(calls).toContainEqual({ from: 'content', func: 'executeDeepLink', outcome: joinUrl });
    expect(opened).toEqual([]);
  });

  it('refuses executeDeepLink without a link, so the tab can fall back', () => {
    const { tab, fromTab } = setup();
    fromTab(7, 'executeDeepLink', []);
    expect(tab.received.at(-1)?.message).toMatchObject({ id: 7, args: [false, 'Invalid link'] });
  });

  it('sends live theme changes to the tab as themeChange events', () => {
    const { host, tab } = setup();
    host.sendTheme('contrast');
    expect(tab.received).toEqual([{ message: { func: 'themeChange', args: ['contrast'] }, targetOrigin: origin }]);
  });
});
