import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ThemeName } from '../lib/session.ts';
import type { HostSettings } from './host-protocol.ts';
import { createTeamsHost, type HostCall } from './teams-host.ts';

export interface UseTeamsHostOptions {
  readonly origin: string;
  readonly settings: HostSettings | null;
  readonly fetchToken: (userId: string) => Promise<string>;
}

export type AppStatus = 'waiting' | 'loaded' | 'failed';

/** Wires the host protocol to the page: message listener, popup opening, the call log and live theme events. */
export function useTeamsHost({ origin, settings, fetchToken }: UseTeamsHostOptions) {
  const frameRef = useRef<HTMLIFrameElement | null>(null);
  const settingsRef = useRef(settings);
  settingsRef.current = settings;
  const [calls, setCalls] = useState<HostCall[]>([]);
  const [popups, setPopups] = useState(0);

  const host = useMemo(
    () =>
      createTeamsHost({
        origin,
        settings: () => {
          const current = settingsRef.current;
          if (!current) throw new Error('No person chosen');
          return current;
        },
        tabWindow: () => frameRef.current?.contentWindow ?? null,
        fetchToken,
        openPopup: (url, width, height) => {
          setPopups((n) => n + 1);
          return window.open(url, 'confer-auth', `popup,width=${width},height=${height}`);
        },
        record: (call) => setCalls((previous) => [...previous, { ...call, seq: previous.length + 1 }]),
      }),
    [origin, fetchToken],
  );

  useEffect(() => {
    const listener = (event: MessageEvent) => host.handleMessage(event);
    window.addEventListener('message', listener);
    return () => {
      window.removeEventListener('message', listener);
      host.dispose();
    };
  }, [host]);

  const sendTheme = useCallback((theme: ThemeName) => host.sendTheme(theme), [host]);
  const reset = useCallback(() => setCalls([]), []);
  const status: AppStatus = calls.some((c) => c.from === 'content' && c.func === 'appInitialization.success')
    ? 'loaded'
    : calls.some((c) => c.from === 'content' && c.func.startsWith('appInitialization.') && /failure/i.test(c.func))
      ? 'failed'
      : 'waiting';
  return { frameRef, calls, popups, status, sendTheme, reset };
}
