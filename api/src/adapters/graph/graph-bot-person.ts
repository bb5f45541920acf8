import type { Clock } from '../../ports/clock.ts';
import type { GraphActor } from '../../ports/scheduling-gateway.ts';
import type { TenantStore } from '../../ports/tenant-store.ts';
import { clientFor, type GraphActorDeps } from './graph-actor.ts';
import { call, parse } from './graph-call.ts';
import { GRAPH_USER_FIELDS, graphMailboxSettingsSchema, graphUserSchema } from './graph-schemas.ts';
import { toIanaZone } from './graph-time.ts';

/** Who a bot user is, for acting as them: their address, name and zone. */
export interface BotPerson {
  email: string;
  displayName: string;
  timeZone: string;
}

export type FindBotPerson = (tenantId: string, userId: string, actor: () => Promise<GraphActor>) => Promise<BotPerson>;

/** People change address or zone rarely; an hour keeps card clicks from costing two Graph reads each. */
const TTL_MS = 60 * 60_000;
const MAX_ENTRIES = 10_000;

/**
 * The person behind an activity's Entra object id: the user record Confer keeps once they have used
 * the tab, else Graph (`/users/{id}` and its mailbox zone), as the user's stored token or the app.
 */
export function createBotPersonFinder(deps: GraphActorDeps & { tenants: TenantStore; clock: Clock }): FindBotPerson {
  const cache = new Map<string, { at: number; person: BotPerson }>();
  return async (tenantId, userId, actor) => {
    const key = `${tenantId}|${userId}`;
    const now = deps.clock.now().getTime();
    const cached = cache.get(key);
    if (cached && now - cached.at < TTL_MS) return cached.person;
    const record = await deps.tenants.getUser(tenantId, userId);
    // A connected record holds the mailbox zone read at connect time; otherwise ask Graph, and fall back
    // to what the record knows when Graph cannot be asked for this person.
    const known = record?.email
      ? { email: record.email, displayName: record.displayName, timeZone: record.timeZone }
      : null;
    const person =
      known && record?.connectionStatus === 'connected'
        ? known
        : await actor()
            .then((graphActor) => readFromGraph(deps, userId, graphActor))
            .catch((error: unknown) => {
              if (known) return known;
              throw error;
            });
    if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
    cache.set(key, { at: now, person });
    return person;
  };
}

async function readFromGraph(deps: GraphActorDeps, userId: string, actor: GraphActor): Promise<BotPerson> {
  const client = await clientFor(deps, actor);
  const path = `/users/${encodeURIComponent(userId)}`;
  const [user, settings] = await Promise.all([
    call(() => client.api(path).select(GRAPH_USER_FIELDS).get()).then((body) => parse(graphUserSchema, body, 'user')),
    // The zone is a nicety: without mailbox settings (no mailbox, no permission) the person reads UTC.
    call(() => client.api(`${path}/mailboxSettings`).select('timeZone').get())
      .then((body) => parse(graphMailboxSettingsSchema, body, 'mailboxSettings'))
      .catch(() => ({ timeZone: null })),
  ]);
  const email = (user.mail ?? user.userPrincipalName).toLowerCase();
  return {
    email,
    displayName: user.displayName ?? user.userPrincipalName,
    timeZone: toIanaZone(settings.timeZone ?? null) ?? 'UTC',
  };
}
