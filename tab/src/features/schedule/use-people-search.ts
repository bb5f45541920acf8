import { useEffect, useState } from 'react';
import { toAppError } from '../../lib/app-error.ts';
import type { AuthedApi } from '../../lib/authed-api.ts';
import { type Person, searchPeople } from './schedule-api.ts';

/** Typing pauses this long before the directory is asked (one request per pause, not per key). */
export const SEARCH_DEBOUNCE_MS = 250;

export type SearchState =
  | { readonly status: 'idle' }
  | { readonly status: 'searching'; readonly text: string }
  | { readonly status: 'found'; readonly text: string; readonly people: readonly Person[] }
  | { readonly status: 'error'; readonly text: string; readonly message: string };

export function usePeopleSearch(api: AuthedApi, query: string): SearchState {
  const text = query.trim();
  const [state, setState] = useState<SearchState>({ status: 'idle' });
  useEffect(() => {
    if (!text) {
      setState({ status: 'idle' });
      return;
    }
    let current = true;
    setState({ status: 'searching', text });
    const timer = setTimeout(() => {
      searchPeople(api, text)
        .then((people) => current && setState({ status: 'found', text, people }))
        .catch((error: unknown) => {
          if (current) setState({ status: 'error', text, message: toAppError(error).message });
        });
    }, SEARCH_DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [api, text]);
  return state;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function looksLikeEmail(text: string): boolean {
  return EMAIL.test(text.trim());
}

export function domainOf(email: string): string {
  return email.slice(email.lastIndexOf('@') + 1).toLowerCase();
}
