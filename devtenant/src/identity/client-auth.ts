import { timingSafeEqual } from 'node:crypto';
import type { Request } from 'express';
import type { RegisteredApp } from './app-registry.ts';
import { EntraError } from './entra-error.ts';
import type { IdentityDeps } from './identity-deps.ts';

export interface AuthenticatedClient {
  app: RegisteredApp;
  /** `confidential`: proved the secret. `spa`: a browser redemption (Origin header, no secret), as Entra allows for SPA redirect URIs. */
  kind: 'confidential' | 'spa';
}

type Params = Record<string, string | undefined>;

/**
 * Client authentication at the token endpoint: `client_secret` in the body or HTTP Basic; a wrong secret is
 * 401 `invalid_client` AADSTS7000215, a missing one AADSTS7000218 unless `allowSpa` and the request comes
 * from a browser (cross-origin redemption by a single-page app).
 */
export function authenticateClient(
  deps: IdentityDeps,
  req: Request,
  params: Params,
  allowSpa: boolean,
): AuthenticatedClient {
  const basic = parseBasic(req.get('authorization'));
  const clientId = params.client_id ?? basic?.clientId;
  if (!clientId) {
    throw new EntraError(
      'invalid_request',
      900144,
      "The request body must contain the following parameter: 'client_id'.",
    );
  }
  const app = deps.apps.byClientId(clientId);
  if (!app) {
    throw new EntraError(
      'unauthorized_client',
      700016,
      `Application with identifier '${clientId}' was not found in the directory '${deps.tenantId}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant.`,
    );
  }
  const secret = params.client_secret ?? basic?.secret;
  if (secret !== undefined) {
    if (!sameSecret(secret, app.clientSecret)) {
      throw new EntraError(
        'invalid_client',
        7000215,
        `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${app.clientId}'.`,
      );
    }
    return { app, kind: 'confidential' };
  }
  if (allowSpa && req.get('origin')) return { app, kind: 'spa' };
  throw new EntraError(
    'invalid_client',
    7000218,
    "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.",
  );
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function parseBasic(header: string | undefined): { clientId: string; secret: string } | undefined {
  if (!header?.toLowerCase().startsWith('basic ')) return undefined;
  const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  return {
    clientId: decodeURIComponent(decoded.slice(0, colon)),
    secret: decodeURIComponent(decoded.slice(colon + 1)),
  };
}
