import type { Request } from 'express';
import type { DirectoryStore } from '../directory/directory-store.ts';
import type { DirectoryUser, GraphCaller } from '../graph/context.ts';
import { GraphHttpError } from '../graph/context.ts';
import { expandPermissions, GRAPH_APP_ID, GRAPH_RESOURCE } from '../identity/graph-scopes.ts';
import { listClaim, stringClaim, type TokenVerifierDeps, verifyTenantToken } from '../identity/token-verifier.ts';
import { type AccessPolicyStore, RAOP_MESSAGE } from './access-policy.ts';

export interface GraphAuthorizationDeps {
  verifier: TokenVerifierDeps;
  origin: string;
  directory: DirectoryStore;
  accessPolicies: AccessPolicyStore;
}

export interface Permissions {
  delegated: readonly string[];
  application: readonly string[];
}

export interface GraphAuthorization {
  /** Who is calling, from a valid Graph token, or a 401 `InvalidAuthenticationToken`. */
  authenticate(req: Request): GraphCaller;
  /** Like authenticate, without throwing: for bookkeeping that must not decide the response. */
  peekCaller(req: Request): GraphCaller | undefined;
  /** 403 with `code` when the caller holds none of the permissions (scopes or roles, with implied ones). */
  requirePermission(caller: GraphCaller, permissions: Permissions, code: string, message: string): void;
  authorize(req: Request, permissions: Permissions): GraphCaller;
  resolveMailbox(req: Request, caller: GraphCaller, idOrMe: string, access?: 'own' | 'freeBusy'): DirectoryUser;
}

const ACCESS_DENIED = 'Access is denied. Check credentials and try again.';

/**
 * Graph's front door (docs/reference/graph-calendar.md §8): token validity and audience → 401; delegated scopes vs
 * application roles per endpoint → 403; Outlook's mailbox rules (/me only with a user, own mailbox for delegated
 * callers, the Application Access Policy for app-only callers, no mailbox → MailboxNotEnabledForRESTAPI).
 */
export function createGraphAuthorization(deps: GraphAuthorizationDeps): GraphAuthorization {
  const unauthenticated = (message: string) =>
    new GraphHttpError(401, 'InvalidAuthenticationToken', message, {
      'WWW-Authenticate': `Bearer realm="", authorization_uri="${deps.origin}/common/oauth2/authorize", client_id="${GRAPH_APP_ID}"`,
    });
  const authenticate = (req: Request): GraphCaller => {
    const header = req.get('authorization') ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
    if (!match?.[1]) throw unauthenticated('Access token is empty.');
    const verified = verifyTenantToken(deps.verifier, match[1]);
    if (!verified.ok) throw unauthenticated(failureMessage(verified.failure));
    const aud = stringClaim(verified.claims, 'aud');
    if (aud !== GRAPH_RESOURCE && aud !== `${GRAPH_RESOURCE}/` && aud !== GRAPH_APP_ID) {
      throw unauthenticated('Access token validation failure. Invalid audience.');
    }
    return toCaller(verified.claims);
  };
  const requirePermission: GraphAuthorization['requirePermission'] = (caller, permissions, code, message) => {
    const held = expandPermissions(caller.kind === 'delegated' ? caller.scopes : caller.roles);
    const needed = caller.kind === 'delegated' ? permissions.delegated : permissions.application;
    if (!needed.some((p) => held.has(p.toLowerCase()))) throw new GraphHttpError(403, code, message);
  };
  return {
    authenticate,
    peekCaller(req) {
      try {
        return authenticate(req);
      } catch {
        return undefined;
      }
    },
    requirePermission,
    authorize(req, permissions) {
      const caller = authenticate(req);
      requirePermission(caller, permissions, 'ErrorAccessDenied', ACCESS_DENIED);
      return caller;
    },
    resolveMailbox(_req, caller, idOrMe, access = 'own') {
      const user = findMailboxUser(deps, caller, idOrMe);
      if (!user.mail) {
        throw new GraphHttpError(
          404,
          'MailboxNotEnabledForRESTAPI',
          'The mailbox is either inactive, soft-deleted, or is hosted on-premise.',
        );
      }
      if (caller.kind === 'delegated' && access === 'own' && user.id !== caller.userId) {
        throw new GraphHttpError(403, 'ErrorAccessDenied', ACCESS_DENIED);
      }
      if (caller.kind === 'application' && !deps.accessPolicies.allows(caller.appId, user)) {
        throw new GraphHttpError(403, 'ErrorAccessDenied', RAOP_MESSAGE);
      }
      return user;
    },
  };
}

function findMailboxUser(deps: GraphAuthorizationDeps, caller: GraphCaller, idOrMe: string): DirectoryUser {
  if (idOrMe.toLowerCase() === 'me') {
    if (caller.kind !== 'delegated' || !caller.userId) {
      throw new GraphHttpError(400, 'BadRequest', '/me request is only valid with delegated authentication flow.');
    }
    const me = deps.directory.findUser(caller.tenantId, caller.userId);
    if (!me) throw new GraphHttpError(404, 'ErrorInvalidUser', `The requested user '${caller.userId}' is invalid.`);
    return me;
  }
  const user = deps.directory.findUser(caller.tenantId, idOrMe) ?? deps.directory.findByEmail(caller.tenantId, idOrMe);
  if (!user) throw new GraphHttpError(404, 'ErrorInvalidUser', `The requested user '${idOrMe}' is invalid.`);
  return user;
}

function toCaller(claims: Record<string, unknown>): GraphCaller {
  const scopes = listClaim(claims, 'scp');
  const isApp = stringClaim(claims, 'idtyp') === 'app' || claims.scp === undefined;
  const base = {
    tenantId: stringClaim(claims, 'tid') ?? '',
    appId: stringClaim(claims, 'azp') ?? stringClaim(claims, 'appid') ?? '',
  };
  if (isApp) return { ...base, kind: 'application', scopes: [], roles: listClaim(claims, 'roles') };
  return { ...base, kind: 'delegated', userId: stringClaim(claims, 'oid'), scopes, roles: [] };
}

function failureMessage(failure: string): string {
  switch (failure) {
    case 'expired':
    case 'not_yet_valid':
      return 'Access token has expired or is not yet valid.';
    case 'malformed':
      return 'IDX14100: JWT is not well formed, there are no dots (.) or the token is not in JWS Compact Serialization Format.';
    case 'wrong_issuer':
    case 'wrong_tenant':
      return 'Access token validation failure. Invalid issuer or signature.';
    default:
      return 'Access token validation failure. Invalid signature.';
  }
}
