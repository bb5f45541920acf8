import express, { type Request, type Response, type Router } from 'express';
import { requestIdsOf } from '../core/request-ids.ts';
import { authorizationCodeGrant } from './authorization-code-grant.ts';
import { clientCredentialsGrant } from './client-credentials-grant.ts';
import { EntraError, sendEntraError } from './entra-error.ts';
import { type IdentityDeps, isKnownTenant } from './identity-deps.ts';
import { onBehalfOfGrant } from './on-behalf-of-grant.ts';
import { refreshTokenGrant } from './refresh-token-grant.ts';

const JWT_BEARER = 'urn:ietf:params:oauth:grant-type:jwt-bearer';

/** `POST /{tenant}/oauth2/v2.0/token`: form-encoded in, JSON out, Entra's error body on failure. */
export function createTokenEndpoint(deps: IdentityDeps): Router {
  const router = express.Router();
  router.post(
    '/:tenant/oauth2/v2.0/token',
    express.urlencoded({ extended: false, limit: '1mb' }),
    (req: Request, res: Response) => {
      const correlationId = req.get('client-request-id') ?? requestIdsOf(res).requestId;
      try {
        const tenant = String(req.params.tenant);
        if (!isKnownTenant(deps, tenant)) {
          throw new EntraError(
            'invalid_request',
            90002,
            `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.`,
          );
        }
        const params = formParams(req.body);
        const response = dispatch(deps, req, params);
        res.status(200).set({ 'Cache-Control': 'no-store', Pragma: 'no-cache' }).json(response);
      } catch (error) {
        if (!(error instanceof EntraError)) throw error;
        sendEntraError(res, error, deps.clock, deps.origin, correlationId);
      }
    },
  );
  return router;
}

function dispatch(deps: IdentityDeps, req: Request, params: Record<string, string | undefined>) {
  switch (params.grant_type) {
    case 'client_credentials':
      return clientCredentialsGrant(deps, req, params);
    case JWT_BEARER:
      return onBehalfOfGrant(deps, req, params);
    case 'authorization_code':
      return authorizationCodeGrant(deps, req, params);
    case 'refresh_token':
      return refreshTokenGrant(deps, req, params);
    case undefined:
      throw new EntraError(
        'invalid_request',
        900144,
        "The request body must contain the following parameter: 'grant_type'.",
      );
    default:
      throw new EntraError(
        'unsupported_grant_type',
        70003,
        `The app requested an unsupported grant type '${params.grant_type}'.`,
      );
  }
}

function formParams(body: unknown): Record<string, string | undefined> {
  const params: Record<string, string | undefined> = {};
  if (typeof body !== 'object' || body === null) return params;
  for (const [name, value] of Object.entries(body as Record<string, unknown>)) {
    if (typeof value === 'string') params[name] = value;
    else if (Array.isArray(value) && typeof value[0] === 'string') params[name] = value[0];
  }
  return params;
}
