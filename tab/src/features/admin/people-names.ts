import { ADMIN_LIMITS } from '@confer/contracts';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AuthedApi } from '../../lib/authed-api.ts';
import { getPeopleNames } from './admin-api.ts';

export interface PeopleNames {
  nameOf(id: string): string;
  /** Remembers a name seen in the directory search, for an owner picked now. */
  remember(id: string, name: string): void;
}

/**
 * Names for object ids the admin API answers with (integration owners, who ran a test, who did what). Those carry
 * ids only, so the names are asked for once per id (`GET /api/admin/people`: the people Confer knows, then the
 * directory); an id nobody can name is shown as it is, and a failed read leaves the ids, which still say who is meant.
 */
export function usePeopleNames(api: AuthedApi, ids: readonly string[]): PeopleNames {
  const [names, setNames] = useState<ReadonlyMap<string, string>>(new Map());
  const asked = useRef(new Set<string>());
  const unasked = [...new Set(ids.map((id) => id.toLowerCase()))].filter((id) => !asked.current.has(id)).sort();
  const key = unasked.join(',');
  useEffect(() => {
    if (key === '') return;
    const wanted = key.split(',');
    for (const id of wanted) asked.current.add(id);
    const chunks: string[][] = [];
    for (let i = 0; i < wanted.length; i += ADMIN_LIMITS.maxNamedPeople) {
      chunks.push(wanted.slice(i, i + ADMIN_LIMITS.maxNamedPeople));
    }
    void Promise.all(chunks.map((chunk) => getPeopleNames(api, chunk).catch(() => []))).then((found) => {
      setNames((was) => {
        const next = new Map(was);
        for (const person of found.flat()) {
          if (!next.has(person.userId.toLowerCase())) next.set(person.userId.toLowerCase(), person.displayName);
        }
        return next;
      });
    });
  }, [api, key]);
  const remember = useCallback((id: string, name: string) => {
    setNames((was) => new Map(was).set(id.toLowerCase(), name));
  }, []);
  const nameOf = useCallback((id: string) => names.get(id.toLowerCase()) ?? id, [names]);
  return { nameOf, remember };
}
