import express, { type Request, type Response, type Router } from 'express';
import { type IdentityDeps, isKnownTenant } from './identity-deps.ts';

/**
 * OIDC discovery and JWKS as Entra v2 publishes them (all endpoints absolute https on this origin), and the
 * AAD instance discovery document, so MSAL works whether it is configured with `knownAuthorities` or not.
 */
export function createDiscoveryRoutes(deps: IdentityDeps): Router {
  const router = express.Router();
  router.get('/:tenant/v2.0/.well-known/openid-configuration', (req: Request, res: Response) => {
    const tenant = String(req.params.tenant);
    if (!isKnownTenant(deps, tenant)) {
      res.status(400).json({
        error: 'invalid_tenant',
        error_description: `AADSTS90002: Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.`,
        error_codes: [90002],
      });
      return;
    }
    res.set('Cache-Control', 'max-age=86400, private').json(openIdConfiguration(deps, tenant));
  });
  router.get('/:tenant/discovery/v2.0/keys', (_req: Request, res: Response) => {
    res.set('Cache-Control', 'max-age=86400, private').json({ keys: [deps.key.jwk] });
  });
  router.get('/:tenant/discovery/keys', (_req: Request, res: Response) => {
    res.json({ keys: [deps.key.jwk] });
  });
  router.get('/common/discovery/instance', (req: Request, res: Response) => {
    const host = new URL(deps.origin).host;
    res.json({
      tenant_discovery_endpoint: `${deps.origin}/${deps.tenantId}/v2.0/.well-known/openid-configuration`,
      'api-version': typeof req.query['api-version'] === 'string' ? req.query['api-version'] : '1.1',
      metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }],
    });
  });
  return router;
}

function openIdConfiguration(deps: IdentityDeps, tenant: string) {
  const base = `${deps.origin}/${tenant}`;
  const specific =
    tenant.toLowerCase() === 'common' || tenant.toLowerCase() === 'organizations' ? '{tenantid}' : deps.tenantId;
  return {
    token_endpoint: `${base}/oauth2/v2.0/token`,
    token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
    jwks_uri: `${base}/discovery/v2.0/keys`,
    response_modes_supported: ['query', 'fragment', 'form_post'],
    subject_types_supported: ['pairwise'],
    id_token_signing_alg_values_supported: ['RS256'],
    response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
    scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
    issuer: `${deps.origin}/${specific}/v2.0`,
    request_uri_parameter_supported: false,
    authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
    http_logout_supported: true,
    frontchannel_logout_supported: true,
    end_session_endpoint: `${base}/oauth2/v2.0/logout`,
    claims_supported: [
      'sub',
      'iss',
      'cloud_instance_name',
      'cloud_instance_host_name',
      'cloud_graph_host_name',
      'msgraph_host',
      'aud',
      'exp',
      'iat',
      'auth_time',
      'acr',
      'nonce',
      'preferred_username',
      'name',
      'tid',
      'ver',
      'at_hash',
      'c_hash',
      'email',
    ],
    tenant_region_scope: 'EU',
    cloud_instance_name: 'localhost',
    cloud_graph_host_name: new URL(deps.origin).host,
    msgraph_host: new URL(deps.origin).host,
    rbac_url: deps.origin,
  };
}
