import { GraphError } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';
import { AppError } from '../../domain/app-error.ts';
import type { DirectoryEntry, DirectoryGateway } from '../../ports/directory.ts';
import type { GraphActor } from '../../ports/scheduling-gateway.ts';
import type { GraphClientFactory } from './graph-client-factory.ts';
import { toAppErrorFromGraph } from './graph-errors.ts';
import { encodedFilter, odataString } from './graph-odata.ts';

const usersSchema = z.object({
  value: z.array(
    z.object({
      id: z.string(),
      displayName: z.string().nullable(),
      mail: z.string().nullable().optional(),
      userPrincipalName: z.string(),
    }),
  ),
});

/** Graph limits `in (...)` filters to 15 values per clause. */
const FILTER_CHUNK = 15;
const SELECT = 'id,displayName,mail,userPrincipalName';

/** Directory look-ups through Graph, as the given actor (delegated User.ReadBasic.All or app User.Read.All). */
export function createGraphPeopleDirectory(deps: {
  tokenFor: (actor: GraphActor) => Promise<string>;
  createClient: GraphClientFactory;
  /** The tenant whose people `listPeople` lists, with the app's own permission. */
  tenantId: string;
}): DirectoryGateway {
  const clientFor = async (actor: GraphActor) => {
    const token = await deps.tokenFor(actor);
    return deps.createClient(async () => token);
  };
  const read = async (request: () => Promise<unknown>) => {
    let body: unknown;
    try {
      body = await request();
    } catch (error) {
      throw toAppErrorFromGraph(error);
    }
    const parsed = usersSchema.safeParse(body);
    if (!parsed.success) throw new AppError('graph_bad_response', 'Microsoft Graph returned an unexpected user list.');
    return parsed.data.value;
  };

  return {
    async listPeople(limit) {
      const client = await clientFor({ kind: 'app', tenantId: deps.tenantId });
      const users = await read(() => client.api('/users').select(SELECT).top(limit).get());
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
      const client = await clientFor(actor);
      for (let i = 0; i < unique.length; i += FILTER_CHUNK) {
        const chunk = unique.slice(i, i + FILTER_CHUNK).map(odataString);
        const users = await read(() =>
          client
            .api('/users')
            .filter(encodedFilter(`mail in (${chunk.join(',')}) or userPrincipalName in (${chunk.join(',')})`))
            .select(SELECT)
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

    async searchPeople(actor: GraphActor, text: string, limit: number) {
      const client = await clientFor(actor);
      const value = odataString(text);
      // First or last name, the whole display name, or either address: people type whichever they know.
      const properties = ['displayName', 'givenName', 'surname', 'mail', 'userPrincipalName'];
      const filter = properties.map((property) => `startswith(${property},${value})`).join(' or ');
      const users = await read(() =>
        client.api('/users').filter(encodedFilter(filter)).select(SELECT).top(limit).get(),
      );
      return users.map(toEntry);
    },

    async hasUser(actor: GraphActor, userId: string) {
      const client = await clientFor(actor);
      try {
        await client
          .api(`/users/${encodeURIComponent(userId)}`)
          .select('id')
          .get();
        return true;
      } catch (error) {
        if (error instanceof GraphError && error.statusCode === 404) return false;
        throw toAppErrorFromGraph(error);
      }
    },
  };
}

function toEntry(user: { id: string; displayName: string | null; mail?: string | null; userPrincipalName: string }) {
  return {
    userId: user.id,
    email: user.mail ?? user.userPrincipalName,
    displayName: user.displayName ?? user.userPrincipalName,
    hasMailbox: Boolean(user.mail),
  } satisfies DirectoryEntry;
}
