import type { WeekResponse } from '@confer/contracts';
import { useCallback, useEffect, useRef, useState } from 'react';
import { fetchWeek } from '../../lib/api-client.ts';
import { type AppError, toAppError } from '../../lib/app-error.ts';
import type { HostSession } from '../../lib/session.ts';

export type WeekState =
  | { readonly status: 'loading'; readonly previous: WeekResponse | null }
  | { readonly status: 'loaded'; readonly week: WeekResponse; readonly loadedAt: Date }
  | { readonly status: 'error'; readonly error: AppError };

export interface WeekDeps {
  readonly fetch: typeof fetch;
  readonly baseUrl: string;
  readonly now: () => Date;
}

export function useWeek(session: HostSession, deps: WeekDeps): { state: WeekState; reload: () => void } {
  const [state, setState] = useState<WeekState>({ status: 'loading', previous: null });
  const [attempt, setAttempt] = useState(0);
  const reported = useRef(false);
  const depsRef = useRef(deps);

  useEffect(() => {
    let current = true;
    // `attempt` changes on reload: a new request for the same session.
    void attempt;
    const { fetch, baseUrl, now } = depsRef.current;
    fetchWeek({ fetch, baseUrl }, () => session.getToken())
      .then((week) => current && setState({ status: 'loaded', week, loadedAt: now() }))
      .catch((error: unknown) => current && setState({ status: 'error', error: toAppError(error) }))
      .finally(() => {
        // The host learns the app is ready once its first screen has something real to show (data or error).
        if (current && !reported.current) {
          reported.current = true;
          session.reportLoaded();
        }
      });
    return () => {
      current = false;
    };
  }, [session, attempt]);

  const reload = useCallback(() => {
    setState((previous) => ({ status: 'loading', previous: previous.status === 'loaded' ? previous.week : null }));
    setAttempt((n) => n + 1);
  }, []);

  return { state, reload };
}
