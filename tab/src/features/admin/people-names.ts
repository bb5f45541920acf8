import { ADMIN_LIMITS } from '@confer/contracts';
import { useCallback, useEffect, useState } from 'react';
import type { AuthedApi } from '../../lib/authed-api.ts';
import { getHealthPage, getMe } from './admin-api.ts';

export interface PeopleNames {
  nameOf(id: string): string;
  /** Remembers a name seen in the directory search, for an owner picked now. */
  remember(id: string, name: string): void;
}

/**
 * Names for object ids the admin API answers with (integration owners, who ran a test, who did what). Those carry
 * ids only, so names come from the people Confer knows (the connection health list), the signed-in admin, and the
 * directory search that picked an owner; an id neither knows is shown as it is.
 */
export function usePeopleNames(api: AuthedApi, ids: readonly string[]): PeopleNames {
  const [names, setNames] = useState<ReadonlyMap<string, string>>(new Map());
  const missing = ids.some((id) => !names.has(id.toLowerCase()));
  useEffect(() => {
    if (!missing) return;
    let current = true;
    // Names are a courtesy: without them the ids still say who is meant, so a failed read leaves the ids.
    const known = getHealthPage(api, { status: null, q: '' }, null, ADMIN_LIMITS.maxHealthPage)
      .then((page) => page.people.map((person) => [person.userId, person.displayName] as const))
      .catch(() => []);
    // The admin themself, who may never have connected a calendar (so is not in the health list).
    const self = getMe(api)
      .then((me) => (me.displayName ? [[me.userId, me.displayName] as const] : []))
      .catch(() => []);
    void Promise.all([known, self]).then(([people, own]) => {
      if (!current) return;
      setNames((was) => {
        const next = new Map(was);
        for (const [id, name] of [...people, ...own]) if (!next.has(id.toLowerCase())) next.set(id.toLowerCase(), name);
        return next;
      });
    });
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
