import type { RegisteredApp } from './app-registry.ts';
import { UntrustedRequestError } from './authorize-request.ts';
import { EntraError } from './entra-error.ts';
import { type IdentityDeps, isKnownTenant } from './identity-deps.ts';
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
  if (!isKnownTenant(deps, tenant)) throw new UntrustedRequestError(90002, `Tenant '${tenant}' not found.`);
  const app = raw.client_id ? deps.apps.byClientId(raw.client_id) : undefined;
  if (!app) {
    throw new UntrustedRequestError(
      700016,
      `Application with identifier '${raw.client_id ?? ''}' was not found in the directory '${deps.tenantId}'.`,
    );
  }
  const redirectUri = raw.redirect_uri;
  if (!redirectUri || !app.redirectUris.includes(redirectUri)) {
    throw new UntrustedRequestError(
      50011,
      `The redirect URI '${redirectUri ?? ''}' specified in the request does not match the redirect URIs configured for the application '${app.clientId}'.`,
    );
  }
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
