import { z } from 'zod';
import { AppError } from '../../domain/app-error.ts';
import type { DirectoryGateway } from '../../ports/directory.ts';
import type { GraphTokenProvider } from '../../ports/graph-token-provider.ts';
import type { GraphClientFactory } from './graph-client-factory.ts';
import { toAppErrorFromGraph } from './graph-errors.ts';

const usersPageSchema = z.object({
  value: z.array(z.object({ id: z.string(), displayName: z.string().nullable(), userPrincipalName: z.string() })),
});

/** The tenant's people, read with the application permission User.Read.All (tenant-wide mode). */
export function createGraphDirectoryGateway(deps: {
  tokens: GraphTokenProvider;
  createClient: GraphClientFactory;
  tenantId: string;
}): Pick<DirectoryGateway, 'listPeople'> {
  return {
    async listPeople(limit) {
      const token = await deps.tokens.forApp();
      const client = deps.createClient(async () => token);
      let body: unknown;
      try {
        body = await client.api('/users').select('id,displayName,userPrincipalName').top(limit).get();
      } catch (error) {
        throw toAppErrorFromGraph(error);
      }
      const page = usersPageSchema.safeParse(body);
      if (!page.success) throw new AppError('graph_bad_response', 'Microsoft Graph returned an unexpected user list.');
      return page.data.value.map((user) => ({
        id: user.id,
        displayName: user.displayName ?? user.userPrincipalName,
        userPrincipalName: user.userPrincipalName,
        tenantId: deps.tenantId,
      }));
    },
  };
}
