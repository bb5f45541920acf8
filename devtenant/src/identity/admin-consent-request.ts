import type { RegisteredApp } from './app-registry.ts';
import { trustedClient } from './authorize-request.ts';
import { EntraError } from './entra-error.ts';
import type { IdentityDeps } from './identity-deps.ts';
import { parseScopeRequest } from './scope-request.ts';

/** The parameters of an admin consent request that travel through the sign-in and consent pages. */
export const ADMIN_CONSENT_PARAMS = ['client_id', 'redirect_uri', 'scope', 'state'] as const;

export interface AdminConsentRequest {
  app: RegisteredApp;
  redirectUri: string;
  state: string | undefined;
  params: Record<string, string | undefined>;
}

/** A problem Entra reports back to the app's (registered) redirect URI as `error` / `error_description`. */
export class AdminConsentRefusal extends Error {
  constructor(
    readonly request: AdminConsentRequest,
    readonly entra: EntraError,
  ) {
    super(entra.message);
  }
}

/**
 * Checks `/{tenant}/v2.0/adminconsent` as Entra does (docs/reference/teams-platform.md §10): an unknown tenant,
 * client or an unregistered redirect URI is shown as a page (the redirect target is not trusted); a scope other
 * than `{resource}/.default` goes back to the app as an error.
 */
export function parseAdminConsentRequest(
  deps: IdentityDeps,
  tenant: string,
  raw: Record<string, string | undefined>,
): AdminConsentRequest {
  const { app, redirectUri } = trustedClient(deps, tenant, raw);
  const params: Record<string, string | undefined> = {};
  for (const name of ADMIN_CONSENT_PARAMS) params[name] = raw[name];
  const request: AdminConsentRequest = { app, redirectUri, state: raw.state, params };
  try {
    const scopes = parseScopeRequest(raw.scope, deps.apps, deps.tenantId);
    if (!scopes.isDefault || scopes.oidc.size > 0) {
      throw new EntraError(
        'invalid_request',
        70011,
        `The provided value for the input parameter 'scope' is not valid. An admin consent request asks for '{resource}/.default', e.g. 'https://graph.microsoft.com/.default'.`,
      );
    }
  } catch (error) {
    if (error instanceof EntraError) throw new AdminConsentRefusal(request, error);
    throw error;
  }
  return request;
}
