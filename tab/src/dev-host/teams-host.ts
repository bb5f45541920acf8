import type { ThemeName } from '../lib/session.ts';
import {
  type FrameContext,
  type HostRequest,
  type HostSettings,
  initializeResponseArgs,
  legacyContext,
  parseHostRequest,
  responseTo,
  themeChangeEvent,
} from './host-protocol.ts';

/** The parts of a window the host uses: the framed tab's and the popup's. */
export interface HostWindow {
  postMessage(message: unknown, targetOrigin: string): void;
  readonly closed: boolean;
  close(): void;
}

export interface HostMessage {
  readonly origin: string;
  readonly data: unknown;
  readonly source: unknown;
}

export interface HostCall {
  readonly seq: number;
  readonly from: FrameContext;
  readonly func: string;
  readonly outcome: string;
}

export interface TeamsHostDeps {
  /** Messages from any other origin are ignored: the emulated host only trusts the tab's own origin. */
  readonly origin: string;
  readonly settings: () => HostSettings;
  readonly tabWindow: () => HostWindow | null;
  readonly fetchToken: (userId: string) => Promise<string>;
  readonly openPopup: (url: string, width: number, height: number) => HostWindow | null;
  readonly record: (call: Omit<HostCall, 'seq'>) => void;
}

interface PendingAuthentication {
  readonly request: HostRequest;
  readonly popup: HostWindow;
  readonly watch: ReturnType<typeof setInterval>;
}

/** Answers teams-js's postMessage calls from the framed tab and from its authentication popup. */
export function createTeamsHost(deps: TeamsHostDeps) {
  let pending: PendingAuthentication | null = null;

  const reply = (target: HostWindow, request: HostRequest, args: readonly unknown[]) =>
    target.postMessage(responseTo(request, args), deps.origin);

  function settleAuthentication(args: readonly unknown[], outcome: string): void {
    if (!pending) return;
    const { request, popup, watch } = pending;
    pending = null;
    clearInterval(watch);
    const tab = deps.tabWindow();
    if (tab) reply(tab, request, args);
    deps.record({ from: 'content', func: 'authentication.authenticate', outcome });
    if (!popup.closed) setTimeout(() => popup.close(), 300);
  }

  async function handleTabRequest(source: HostWindow, request: HostRequest): Promise<void> {
    const settings = deps.settings();
    switch (request.func) {
      case 'initialize':
        reply(source, request, initializeResponseArgs('content'));
        return deps.record({ from: 'content', func: request.func, outcome: 'frameContext content, client web' });
      case 'getContext':
        reply(source, request, [legacyContext(settings, 'content')]);
        return deps.record({
          from: 'content',
          func: request.func,
          outcome: `${settings.user.displayName}, ${settings.theme}`,
        });
      case 'authentication.getAuthToken':
        try {
          const token = await deps.fetchToken(settings.user.id);
          reply(source, request, [true, token]);
          return deps.record({
            from: 'content',
            func: request.func,
            outcome: `token for ${settings.user.displayName}`,
          });
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          reply(source, request, [false, message]);
          return deps.record({ from: 'content', func: request.func, outcome: `failed: ${message}` });
        }
      case 'authentication.authenticate':
        return startAuthentication(source, request);
      case 'executeDeepLink':
        return openDeepLink(source, request);
      default:
        // appInitialization.*, registerHandler and the like are fire-and-forget: record them, answer nothing.
        return deps.record({ from: 'content', func: request.func, outcome: describeArgs(request.args) });
    }
  }

  function startAuthentication(source: HostWindow, request: HostRequest): void {
    const [url, width, height] = request.args;
    if (pending) settleAuthentication([false, 'CancelledByUser'], 'replaced by a new request');
    const popup = typeof url === 'string' ? deps.openPopup(url, Number(width) || 600, Number(height) || 535) : null;
    if (!popup) {
      reply(source, request, [false, 'FailedToOpenWindow']);
      deps.record({ from: 'content', func: request.func, outcome: 'popup blocked' });
      return;
    }
    // Teams reports a popup closed before it answered as `CancelledByUser`.
    const watch = setInterval(() => {
      if (popup.closed) settleAuthentication([false, 'CancelledByUser'], 'cancelled by user');
    }, 500);
    pending = { request, popup, watch };
    deps.record({ from: 'content', func: request.func, outcome: 'popup opened' });
  }

  /**
   * teams-js 2.58 sends `app.openLink(url)` as `executeDeepLink` and awaits `[status, reason]`. Teams itself
   * would join the meeting or open the page; this host only records the link (and never navigates), so people
   * and tests can see what the tab asked for.
   */
  function openDeepLink(source: HostWindow, request: HostRequest): void {
    const [url] = request.args;
    if (typeof url !== 'string' || url === '') {
      reply(source, request, [false, 'Invalid link']);
      deps.record({ from: 'content', func: request.func, outcome: 'refused: no link' });
      return;
    }
    reply(source, request, [true]);
    deps.record({ from: 'content', func: request.func, outcome: url });
  }

  function handlePopupRequest(source: HostWindow, request: HostRequest): void {
    const settings = deps.settings();
    if (request.func === 'initialize') reply(source, request, initializeResponseArgs('authentication'));
    else if (request.func === 'getContext') reply(source, request, [legacyContext(settings, 'authentication')]);
    else if (request.func === 'authentication.authenticate.success') {
      settleAuthentication([true, request.args[0]], `succeeded: ${String(request.args[0])}`);
    } else if (request.func === 'authentication.authenticate.failure') {
      settleAuthentication([false, request.args[0]], `failed: ${String(request.args[0])}`);
    }
    deps.record({ from: 'authentication', func: request.func, outcome: describeArgs(request.args) });
  }

  return {
    handleMessage(event: HostMessage): void {
      if (event.origin !== deps.origin) return;
      const request = parseHostRequest(event.data);
      if (!request) return;
      const tab = deps.tabWindow();
      if (tab && event.source === tab) void handleTabRequest(tab, request);
      else if (pending && event.source === pending.popup) handlePopupRequest(pending.popup, request);
    },
    sendTheme(theme: ThemeName): void {
      deps.tabWindow()?.postMessage(themeChangeEvent(theme), deps.origin);
      deps.record({ from: 'content', func: 'themeChange (event to tab)', outcome: theme });
    },
    dispose(): void {
      if (pending) clearInterval(pending.watch);
      pending = null;
    },
  };
}

function describeArgs(args: readonly unknown[]): string {
  const text = args.map((arg) => (typeof arg === 'string' ? arg : JSON.stringify(arg))).join(', ');
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}
