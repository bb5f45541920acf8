import { useEffect, useState } from 'react';
import type { AuthedApi } from '../../lib/authed-api.ts';
import { useRequest } from '../../lib/use-request.ts';
import { type Conflict, checkConflicts, type Recurrence } from './schedule-api.ts';

export interface ClashInput {
  readonly api: AuthedApi;
  readonly attendees: readonly string[];
  readonly value: { start: string; end: string } | null;
  readonly recurrence: Recurrence | null;
  readonly timeZone: string;
  readonly meetingId?: string;
}

/** Waits for the choice to settle (a drag or Shift+arrows change it many times a second). */
const SETTLE_MS = 250;

export type ClashState =
  | { readonly status: 'idle' }
  | { readonly status: 'checking' }
  | { readonly status: 'checked'; readonly conflicts: readonly Conflict[] }
  | { readonly status: 'error'; readonly message: string; readonly retry: () => void };

/** The inline clash check: who clashes with the chosen time (every occurrence of a series). */
export function useClashCheck(input: ClashInput): ClashState {
  const { api, attendees, value, recurrence, timeZone, meetingId } = input;
  const key = value
    ? JSON.stringify([attendees, value.start, value.end, recurrence, timeZone, meetingId ?? null])
    : 'none';
  const [settled, setSettled] = useState(key);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(key), SETTLE_MS);
    return () => clearTimeout(timer);
  }, [key]);
  const request = useRequest(settled, () =>
    settled === 'none' || !value
      ? Promise.resolve([])
      : checkConflicts(api, {
          attendees,
          start: value.start,
          end: value.end,
          timeZone,
          recurrence,
          ...(meetingId ? { meetingId } : {}),
        }).then((answer) => answer.conflicts),
  );
  if (key === 'none') return { status: 'idle' };
  if (settled !== key || request.state.status === 'loading') return { status: 'checking' };
  if (request.state.status === 'error') {
    return { status: 'error', message: request.state.error.message, retry: request.reload };
  }
  return { status: 'checked', conflicts: request.state.data };
}
