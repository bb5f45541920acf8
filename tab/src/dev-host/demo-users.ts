import { type DemoUser, demoUsersResponseSchema, teamsTokenResponseSchema } from '@confer/contracts';
import { requestJson } from '../lib/api-client.ts';

export interface DevApiDeps {
  readonly fetch: typeof fetch;
  readonly baseUrl: string;
}

export async function fetchDemoUsers(deps: DevApiDeps): Promise<DemoUser[]> {
  const body = await requestJson(deps, '/dev/api/demo-users', demoUsersResponseSchema, {});
  return body.users;
}

/** The token Teams would hand to `getAuthToken`, minted by devtenant for the chosen person. */
export async function fetchTeamsToken(deps: DevApiDeps, userId: string): Promise<string> {
  const body = await requestJson(deps, '/dev/api/teams-token', teamsTokenResponseSchema, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId }),
  });
  return body.token;
}
