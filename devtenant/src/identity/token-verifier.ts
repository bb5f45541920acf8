import type { Clock } from '../graph/context.ts';
import { type JwtClaims, verifyJwt } from './jwt.ts';
import type { SigningKey } from './signing-keys.ts';

export type TokenFailure =
  | 'malformed'
  | 'bad_signature'
  | 'expired'
  | 'not_yet_valid'
  | 'wrong_issuer'
  | 'wrong_tenant';

export type VerifiedToken = { ok: true; claims: JwtClaims } | { ok: false; failure: TokenFailure };

export interface TokenVerifierDeps {
  key: SigningKey;
  clock: Clock;
  issuer: string;
  tenantId: string;
}

/**
 * Checks a token this tenant issued: signature and algorithm, issuer, tenant and lifetime against the tenant
 * clock. Audience and permissions are the caller's business (Graph, OBO and the app each expect another).
 */
export function verifyTenantToken(deps: TokenVerifierDeps, token: string): VerifiedToken {
  const decoded = verifyJwt(deps.key, token);
  if (decoded === 'malformed' || decoded === 'bad_signature') return { ok: false, failure: decoded };
  const { claims } = decoded;
  if (claims.iss !== deps.issuer) return { ok: false, failure: 'wrong_issuer' };
  if (claims.tid !== deps.tenantId) return { ok: false, failure: 'wrong_tenant' };
  const now = deps.clock.now().getTime() / 1000;
  if (typeof claims.exp !== 'number' || claims.exp <= now) return { ok: false, failure: 'expired' };
  if (typeof claims.nbf === 'number' && claims.nbf > now) return { ok: false, failure: 'not_yet_valid' };
  return { ok: true, claims };
}

export function stringClaim(claims: JwtClaims, name: string): string | undefined {
  const value = claims[name];
  return typeof value === 'string' ? value : undefined;
}

export function listClaim(claims: JwtClaims, name: string): string[] {
  const value = claims[name];
  if (typeof value === 'string') return value.split(' ').filter(Boolean);
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return [];
}
