import { describe, expect, it } from 'vitest';
import type { DirectoryEntry } from '../../ports/directory.ts';
import type { GraphActor } from '../../ports/scheduling-gateway.ts';
import { createCachedDirectory } from './cached-directory.ts';

const megan: DirectoryEntry = { userId: 'm', email: 'meganb@contoso.test', displayName: 'Megan', hasMailbox: true };

describe('createCachedDirectory', () => {
  it('asks Graph once per address and tenant until the entry is stale, remembering unknown addresses too', async () => {
    let now = 0;
    const asked: string[][] = [];
    const cached = createCachedDirectory(
      {
        resolveEmails: async (_actor, emails) => {
          asked.push([...emails]);
          return new Map(emails.filter((e) => e === megan.email).map((e) => [e, megan]));
        },
        searchPeople: async () => [],
      },
      { now: () => new Date(now) },
      1_000,
    );
    const actor: GraphActor = { kind: 'app', tenantId: 't1' };
    expect(
      (await cached.resolveEmails(actor, ['MeganB@contoso.test', 'guest@fabrikam.test'])).get(megan.email),
    ).toEqual(megan);
    expect((await cached.resolveEmails(actor, [megan.email, 'guest@fabrikam.test'])).size).toBe(1);
    await cached.resolveEmails({ kind: 'app', tenantId: 't2' }, [megan.email]);
    now = 2_000;
    await cached.resolveEmails(actor, [megan.email]);
    expect(asked).toEqual([['meganb@contoso.test', 'guest@fabrikam.test'], [megan.email], [megan.email]]);
  });
});
