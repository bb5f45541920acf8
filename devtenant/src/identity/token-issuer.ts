import { createHash, randomBytes } from 'node:crypto';
import type { Clock, DirectoryUser } from '../graph/context.ts';
import type { RegisteredApp } from './app-registry.ts';
import { signJwt } from './jwt.ts';
import type { SigningKey } from './signing-keys.ts';

/** Entra issues access tokens for 60–90 minutes; devtenant uses the lower bound so expiry comes predictably. */
export const ACCESS_TOKEN_LIFETIME_SECONDS = 3600;
export const ID_TOKEN_LIFETIME_SECONDS = 3600;

export interface IssuedToken {
  token: string;
  expiresIn: number;
}

export interface DelegatedTokenRequest {
  audience: string;
  user: DirectoryUser;
  /** The client the token is issued to (`azp`). */
  clientId: string;
  /** `0` public client (SPA, Teams), `1` client secret, as Entra's `azpacr`. */
  clientAuthentication: '0' | '1';
  scopes: readonly string[];
  /** The user's roles on the app named by `audience`; empty for Graph (docs/reference/teams-platform.md §9). */
  roles?: readonly string[];
}

export interface AppTokenRequest {
  audience: string;
  app: RegisteredApp;
  roles: readonly string[];
}

interface IdTokenOptions {
  nonce?: string;
  email?: boolean;
  /** The user's roles on the client app, which ID tokens carry too (docs/reference/teams-platform.md §9). */
  roles?: readonly string[];
}

export interface TokenIssuer {
  issuer: string;
  delegatedAccessToken(request: DelegatedTokenRequest): IssuedToken;
  appAccessToken(request: AppTokenRequest): IssuedToken;
  idToken(user: DirectoryUser, clientId: string, options: IdTokenOptions): string;
}

export interface TokenIssuerDeps {
  key: SigningKey;
  clock: Clock;
  origin: string;
  tenantId: string;
}

/** RS256 JWTs shaped like Entra ID v2 tokens (docs/reference/teams-platform.md §3), timed by the tenant clock. */
export function createTokenIssuer(deps: TokenIssuerDeps): TokenIssuer {
  const issuer = `${deps.origin}/${deps.tenantId}/v2.0`;
  const times = (lifetime: number) => {
    const iat = Math.floor(deps.clock.now().getTime() / 1000);
    return { iat, nbf: iat, exp: iat + lifetime };
  };
  const common = () => ({
    iss: issuer,
    tid: deps.tenantId,
    aio: opaque(40),
    rh: `0.${opaque(60)}`,
    uti: opaque(16),
    ver: '2.0',
  });
  return {
    issuer,
    delegatedAccessToken(request) {
      const claims: Record<string, unknown> = {
        aud: request.audience,
        ...common(),
        ...times(ACCESS_TOKEN_LIFETIME_SECONDS),
        azp: request.clientId,
        azpacr: request.clientAuthentication,
        idtyp: 'user',
        name: request.user.displayName,
        oid: request.user.id,
        preferred_username: request.user.userPrincipalName,
        scp: request.scopes.join(' '),
        sub: pairwiseSubject(request.user.id, request.clientId),
      };
      addRoles(claims, request.roles ?? []);
      return { token: signJwt(deps.key, claims), expiresIn: ACCESS_TOKEN_LIFETIME_SECONDS };
    },
    appAccessToken(request) {
      const claims: Record<string, unknown> = {
        aud: request.audience,
        ...common(),
        ...times(ACCESS_TOKEN_LIFETIME_SECONDS),
        azp: request.app.clientId,
        azpacr: '1',
        idtyp: 'app',
        oid: request.app.servicePrincipalId,
        sub: request.app.servicePrincipalId,
      };
      addRoles(claims, request.roles);
      return { token: signJwt(deps.key, claims), expiresIn: ACCESS_TOKEN_LIFETIME_SECONDS };
    },
    idToken(user, clientId, options) {
      const claims: Record<string, unknown> = {
        aud: clientId,
        ...common(),
        ...times(ID_TOKEN_LIFETIME_SECONDS),
        name: user.displayName,
        oid: user.id,
        preferred_username: user.userPrincipalName,
        sub: pairwiseSubject(user.id, clientId),
      };
      if (options.nonce) claims.nonce = options.nonce;
      if (options.email && user.mail) claims.email = user.mail;
      addRoles(claims, options.roles ?? []);
      return signJwt(deps.key, claims);
    },
  };
}

/**
 * Entra puts a claim in a token only when it has a value: no roles means no `roles` claim, never an empty array
 * (docs/reference/teams-platform.md §9).
 */
function addRoles(claims: Record<string, unknown>, roles: readonly string[]): void {
  if (roles.length > 0) claims.roles = [...roles];
}

/** `client_info` as MSAL expects it: base64url JSON `{uid, utid}` (home account id = uid.utid). */
export function clientInfo(user: DirectoryUser): string {
  return Buffer.from(JSON.stringify({ uid: user.id, utid: user.tenantId })).toString('base64url');
}

/** Entra's `sub` is pairwise: the same user has a different subject per application. */
function pairwiseSubject(userId: string, clientId: string): string {
  return createHash('sha256').update(`${userId}|${clientId.toLowerCase()}`).digest('base64url').slice(0, 43);
}

function opaque(length: number): string {
  return randomBytes(length).toString('base64url').slice(0, length);
}
