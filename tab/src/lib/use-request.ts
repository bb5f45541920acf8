import { useCallback, useEffect, useRef, useState } from 'react';
import { type AppError, toAppError } from './app-error.ts';

export type RequestState<T> =
  | { readonly status: 'loading'; readonly previous: T | null }
  | { readonly status: 'loaded'; readonly data: T }
  | { readonly status: 'error'; readonly error: AppError; readonly previous: T | null };

export interface Request<T> {
  readonly state: RequestState<T>;
  /** The freshest data we have: loaded, or what was shown before a reload or a failed reload. */
  readonly data: T | null;
  reload(): void;
  /** Replace the data after a write answered with the new state (no extra round trip). */
  set(data: T): void;
}

/**
 * One API read with loading and error states. `key` names what is read: a new key reads again.
 * `onSettled` runs after the first answer (data or error), for the host's "loaded" signal.
 */
export function useRequest<T>(key: string, load: () => Promise<T>, onSettled?: () => void): Request<T> {
  const [state, setState] = useState<RequestState<T>>({ status: 'loading', previous: null });
  const [attempt, setAttempt] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  const settledRef = useRef(onSettled);
  settledRef.current = onSettled;

  const keyRef = useRef(key);

  useEffect(() => {
    let current = true;
    void attempt;
    if (keyRef.current !== key) {
      // Another thing is being read: what was shown belongs to the old key.
      keyRef.current = key;
      setState({ status: 'loading', previous: null });
    }
    loadRef
      .current()
      .then((data) => current && setState({ status: 'loaded', data }))
      .catch((error: unknown) => {
        if (current) setState((was) => ({ status: 'error', error: toAppError(error), previous: dataOf(was) }));
      })
      .finally(() => current && settledRef.current?.());
    return () => {
      current = false;
    };
  }, [key, attempt]);

  const reload = useCallback(() => {
    setState((was) => ({ status: 'loading', previous: dataOf(was) }));
    setAttempt((n) => n + 1);
  }, []);
  const set = useCallback((data: T) => setState({ status: 'loaded', data }), []);
  return { state, data: dataOf(state), reload, set };
}

function dataOf<T>(state: RequestState<T>): T | null {
  return state.status === 'loaded' ? state.data : state.previous;
}
