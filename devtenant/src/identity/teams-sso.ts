import type { IdentityDeps } from './identity-deps.ts';

/** The Teams web client's app id, `azp` of the SSO tokens Teams hands to tabs (docs/reference/teams-platform.md §3). */
export const TEAMS_WEB_CLIENT_ID = '5e3ce6c0-2b1f-4285-8d4b-75ee78787346';

export type TeamsSsoResult =
  | { ok: true; token: string }
  | { ok: false; code: 'unknown_user' | 'unknown_resource'; message: string };

/**
 * The access token `authentication.getAuthToken()` returns inside Teams: issued to the Teams client for the
 * tab's `webApplicationInfo.resource`, so `aud` is the app's client id, `scp` is `access_as_user` and `roles`
 * holds the user's roles on the app (docs/reference/teams-platform.md §9).
 */
export function issueTeamsSsoToken(deps: IdentityDeps, userId: string, resource: string): TeamsSsoResult {
  const user = deps.directory.findUser(deps.tenantId, userId) ?? deps.directory.findByEmail(deps.tenantId, userId);
  if (!user) return { ok: false, code: 'unknown_user', message: `No person '${userId}' in tenant ${deps.tenantId}.` };
  const app = deps.apps.byResource(resource);
  if (!app)
    return { ok: false, code: 'unknown_resource', message: `No app registration exposes the resource '${resource}'.` };
  const { token } = deps.issuer.delegatedAccessToken({
    audience: app.clientId,
    user,
    clientId: TEAMS_WEB_CLIENT_ID,
    clientAuthentication: '0',
    scopes: app.exposedScopes.includes('access_as_user') ? ['access_as_user'] : app.exposedScopes,
    roles: deps.appRoles.rolesOf(app, user),
  });
  return { ok: true, token };
}
