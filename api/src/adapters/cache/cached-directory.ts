import type { Clock } from '../../ports/clock.ts';
import type { DirectoryEntry, DirectoryGateway } from '../../ports/directory.ts';
import type { GraphActor } from '../../ports/scheduling-gateway.ts';

/** Directory answers change rarely (people join, leave, get mailboxes); ten minutes keeps look-ups off every availability read. */
export const DIRECTORY_TTL_MS = 10 * 60_000;
const MAX_ENTRIES = 20_000;

type Resolver = Pick<DirectoryGateway, 'resolveEmails' | 'searchPeople'>;

/**
 * Remembers who an address is, per tenant, so an availability load costs Graph one getSchedule request
 * and nothing else once the people are known. Unknown (external) addresses are remembered too.
 */
export function createCachedDirectory(inner: Resolver, clock: Clock, ttlMs = DIRECTORY_TTL_MS): Resolver {
  const entries = new Map<string, { at: number; entry: DirectoryEntry | null }>();
  const tenantOf = (actor: GraphActor) => (actor.kind === 'user' ? actor.identity.tenantId : actor.tenantId);
  return {
    async resolveEmails(actor, emails) {
      const tenant = tenantOf(actor);
      const now = clock.now().getTime();
      const found = new Map<string, DirectoryEntry>();
      const missing: string[] = [];
      for (const email of emails.map((e) => e.toLowerCase())) {
        const cached = entries.get(`${tenant}|${email}`);
        if (cached && now - cached.at < ttlMs) {
          if (cached.entry) found.set(email, cached.entry);
        } else missing.push(email);
      }
      if (missing.length > 0) {
        const fresh = await inner.resolveEmails(actor, missing);
        for (const email of missing) {
          if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
          const entry = fresh.get(email) ?? null;
          entries.set(`${tenant}|${email}`, { at: now, entry });
          if (entry) found.set(email, entry);
        }
      }
      return found;
    },
    searchPeople: (actor, text, limit) => inner.searchPeople(actor, text, limit),
  };
}
