import { type CadenceResponse, cadenceResponseSchema } from '@confer/contracts';
import { type AuthedApi, callApi } from './authed-api.ts';

/**
 * The people the viewer meets and how regularly. Apart from the rest of the follow-through API: Home reads it on
 * its first load, and the attendance and rhythm schemas are needed only on the pages that show them.
 */
export function getCadence(api: AuthedApi): Promise<CadenceResponse> {
  return callApi(api, 'GET', '/api/cadence', cadenceResponseSchema);
}
