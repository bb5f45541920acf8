import { ADMIN_LIMITS } from '@confer/contracts';
import { useCallback, useEffect, useState } from 'react';
import type { AuthedApi } from '../../lib/authed-api.ts';
import { getHealthPage } from './admin-api.ts';

export interface PeopleNames {
  nameOf(id: string): string;
  /** Remembers a name seen in the directory search, for an owner picked now. */
  remember(id: string, name: string): void;
}

/**
 * Names for object ids the admin API answers with (integration owners, who ran a test, who did what). Those carry
 * ids only, so names come from the people Confer knows (the connection health list) and from the directory search
 * that picked an owner; an id neither knows is shown as it is.
 */
export function usePeopleNames(api: AuthedApi, ids: readonly string[]): PeopleNames {
  const [names, setNames] = useState<ReadonlyMap<string, string>>(new Map());
  const missing = ids.some((id) => !names.has(id.toLowerCase()));
  useEffect(() => {
    if (!missing) return;
    let current = true;
    getHealthPage(api, { status: null, q: '' }, null, ADMIN_LIMITS.maxHealthPage)
      .then((page) => {
        if (!current) return;
        setNames((was) => {
          const next = new Map(was);
          for (const person of page.people) {
            if (!next.has(person.userId.toLowerCase())) next.set(person.userId.toLowerCase(), person.displayName);
          }
          return next;
        });
      })
      // Names are a courtesy: without them the ids still say who is meant.
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [api, missing]);
  const remember = useCallback((id: string, name: string) => {
    setNames((was) => new Map(was).set(id.toLowerCase(), name));
  }, []);
  const nameOf = useCallback((id: string) => names.get(id.toLowerCase()) ?? id, [names]);
  return { nameOf, remember };
}
