import { z } from 'zod';
import { AppError } from '../../domain/app-error.ts';
import type { TeamsSsoEmulator } from '../../ports/dev-host.ts';
import type { FetchFunction } from '../http/trusted-fetch.ts';

const responseSchema = z.object({ token: z.string().min(1) });

/**
 * Asks devtenant for the token Teams would hand to `authentication.getAuthToken`; real Teams gets it from
 * Entra through its pre-authorised client, which no local process can be.
 */
export function createDevTenantSsoEmulator(deps: {
  devTenantUrl: string;
  applicationIdUri: string;
  fetch: FetchFunction;
}): TeamsSsoEmulator {
  return {
    async issueTabToken(userId) {
      let response: Response;
      try {
        response = await deps.fetch(`${deps.devTenantUrl}/_devtenant/teams-sso-token`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ userId, resource: deps.applicationIdUri }),
          signal: AbortSignal.timeout(5_000),
        });
      } catch (error) {
        throw new AppError('authority_unavailable', 'The local tenant could not be reached.', { cause: error });
      }
      if (response.status === 404 || response.status === 400) {
        throw new AppError('not_found', 'No such person in the local tenant.');
      }
      const body = responseSchema.safeParse(await response.json().catch(() => null));
      if (!response.ok || !body.success) {
        throw new AppError('authority_unavailable', `The local tenant refused to issue a token (${response.status}).`);
      }
      return body.data.token;
    },
  };
}
