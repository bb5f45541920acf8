import { useEffect, useState } from 'react';
import type { AuthedApi } from '../../lib/authed-api.ts';
import { type Person, searchPeople } from './schedule-api.ts';

/**
 * People the page was opened with (`#/schedule?with=…`), shown by address at once and by name once the
 * directory answers; an address it does not know is someone outside the organisation.
 */
export function useInitialPeople(api: AuthedApi, emails: readonly string[]) {
  const [people, setPeople] = useState<Person[]>(() =>
    emails.map((email) => ({ userId: email, email, displayName: email })),
  );
  // biome-ignore lint/correctness/useExhaustiveDependencies: only the addresses the page opened with.
  useEffect(() => {
    let current = true;
    for (const email of emails) {
      searchPeople(api, email)
        .then((found) => found.find((p) => p.email.toLowerCase() === email.toLowerCase()) ?? null)
        .catch(() => undefined)
        .then((match) => {
          if (!current || match === undefined) return;
          setPeople((list) =>
            list.map((p) =>
              p.email === email && p.userId === email ? (match ?? { userId: null, email, displayName: email }) : p,
            ),
          );
        });
    }
    return () => {
      current = false;
    };
  }, []);
  return [people, setPeople] as const;
}
