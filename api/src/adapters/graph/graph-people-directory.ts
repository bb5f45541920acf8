import { GraphError } from '@microsoft/microsoft-graph-client';
import type { DirectoryEntry, DirectoryGateway } from '../../ports/directory.ts';
import type { GraphActor } from '../../ports/scheduling-gateway.ts';
import { clientFor, type GraphActorDeps } from './graph-actor.ts';
import { call, parse } from './graph-call.ts';
import { encodedFilter, odataString } from './graph-odata.ts';
import { GRAPH_USER_FIELDS, type GraphUser, graphUserListSchema } from './graph-schemas.ts';

/** Graph limits `in (...)` filters to 15 values per clause. */
const FILTER_CHUNK = 15;

/** Directory look-ups through Graph, as the given actor (delegated User.ReadBasic.All or app User.Read.All). */
export function createGraphPeopleDirectory(
  deps: GraphActorDeps & {
    /** The tenant whose people `listPeople` lists, with the app's own permission. */
    tenantId: string;
  },
): DirectoryGateway {
  const read = async (request: () => Promise<unknown>): Promise<GraphUser[]> =>
    parse(graphUserListSchema, await call(request), 'user list').value;

  return {
    async listPeople(limit) {
      const client = await clientFor(deps, { kind: 'app', tenantId: deps.tenantId });
      const users = await read(() => client.api('/users').select(GRAPH_USER_FIELDS).top(limit).get());
      return users.map((user) => ({
        id: user.id,
        displayName: user.displayName ?? user.userPrincipalName,
        userPrincipalName: user.userPrincipalName,
        tenantId: deps.tenantId,
      }));
    },

    async resolveEmails(actor: GraphActor, emails: readonly string[]) {
      const found = new Map<string, DirectoryEntry>();
      const unique = [...new Set(emails.map((e) => e.toLowerCase()))];
      if (unique.length === 0) return found;
      const client = await clientFor(deps, actor);
      for (let i = 0; i < unique.length; i += FILTER_CHUNK) {
        const chunk = unique.slice(i, i + FILTER_CHUNK).map(odataString);
        const users = await read(() =>
          client
            .api('/users')
            .filter(encodedFilter(`mail in (${chunk.join(',')}) or userPrincipalName in (${chunk.join(',')})`))
            .select(GRAPH_USER_FIELDS)
            .top(2 * FILTER_CHUNK)
            .get(),
        );
        for (const user of users) {
          // Keyed by both addresses: people type either, and they differ in some tenants.
          const entry = toEntry(user);
          found.set(user.userPrincipalName.toLowerCase(), entry);
          if (user.mail) found.set(user.mail.toLowerCase(), entry);
        }
      }
      return found;
    },

    async findUsers(actor: GraphActor, userIds: readonly string[]) {
      const found = new Map<string, DirectoryEntry>();
      const unique = [...new Set(userIds.map((id) => id.toLowerCase()))];
      if (unique.length === 0) return found;
      const client = await clientFor(deps, actor);
      for (let i = 0; i < unique.length; i += FILTER_CHUNK) {
        const chunk = unique.slice(i, i + FILTER_CHUNK).map(odataString);
        const users = await read(() =>
          client
            .api('/users')
            .filter(encodedFilter(`id in (${chunk.join(',')})`))
            .select(GRAPH_USER_FIELDS)
            .top(FILTER_CHUNK)
            .get(),
        );
        for (const user of users) found.set(user.id.toLowerCase(), toEntry(user));
      }
      return found;
    },

    async searchPeople(actor: GraphActor, text: string, limit: number) {
      const client = await clientFor(deps, actor);
      const value = odataString(text);
      // First or last name, the whole display name, or either address: people type whichever they know.
      const properties = ['displayName', 'givenName', 'surname', 'mail', 'userPrincipalName'];
      const filter = properties.map((property) => `startswith(${property},${value})`).join(' or ');
      const users = await read(() =>
        client.api('/users').filter(encodedFilter(filter)).select(GRAPH_USER_FIELDS).top(limit).get(),
      );
      return users.map(toEntry);
    },

    async hasUser(actor: GraphActor, userId: string) {
      const client = await clientFor(deps, actor);
      // Graph's 404 is the answer "no such user"; any other failure is an error with its cause.
      return call(() =>
        client
          .api(`/users/${encodeURIComponent(userId)}`)
          .select('id')
          .get()
          .then(
            () => true,
            (error: unknown) => {
              if (error instanceof GraphError && error.statusCode === 404) return false;
              throw error;
            },
          ),
      );
    },
  };
}

function toEntry(user: GraphUser) {
  return {
    userId: user.id,
    email: user.mail ?? user.userPrincipalName,
    displayName: user.displayName ?? user.userPrincipalName,
    hasMailbox: Boolean(user.mail),
  } satisfies DirectoryEntry;
}
