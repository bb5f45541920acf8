import type { MeDto } from '@confer/contracts';
import type { AuthedApi } from '../../lib/authed-api.ts';
import { type Request, useRequest } from '../../lib/use-request.ts';
import { getMe } from './admin-api.ts';

export type MeRequest = Request<MeDto>;

/** The signed-in person as the API sees them, read once per shell: it decides whether Admin is offered. */
export function useMe(api: AuthedApi): MeRequest {
  return useRequest('me', () => getMe(api));
}
