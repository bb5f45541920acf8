import { type MeDto, meSchema } from '@confer/contracts';
import { type AuthedApi, callApi } from '../../lib/authed-api.ts';
import { type Request, useRequest } from '../../lib/use-request.ts';

export type MeRequest = Request<MeDto>;

/**
 * The signed-in person as the API sees them, read once per shell: it decides whether Admin is offered. Apart from
 * the admin pages' API module, so a page's first load does not carry (and build) the admin schemas.
 */
export function useMe(api: AuthedApi): MeRequest {
  return useRequest('me', () => callApi(api, 'GET', '/api/me', meSchema));
}
