import { errors, type JWTPayload, type JWTVerifyGetKey, jwtVerify } from 'jose';
import { AppError, type AppErrorCode } from '../../domain/app-error.ts';
import type { Clock } from '../../ports/clock.ts';
import type { Identity, TokenValidator } from '../../ports/identity.ts';

export interface EntraTokenValidatorOptions {
  /** JWKS of the authority (remote in production, local in tests). */
  keys: JWTVerifyGetKey;
  /** `{authorityHost}/{tenantId}/v2.0` */
  issuer: string;
  tenantId: string;
  clientId: string;
  applicationIdUri: string;
  requiredScope: string;
  clock: Clock;
}

/** Entra allows for a few minutes of clock skew between its servers and ours. */
const CLOCK_TOLERANCE_SECONDS = 120;

/**
 * Validates the tab's access token for Confer's API (docs/reference/teams-platform.md §3): signature (RS256
 * only, so `alg: none` and HMAC tricks fail), issuer, audience (client id for v2 tokens, the Application ID URI
 * as some clients request it), expiry/not-before, tenant, and the `access_as_user` scope.
 */
export function createEntraTokenValidator(options: EntraTokenValidatorOptions): TokenValidator {
  const verified = new VerifiedTokens();
  return {
    async validate(token) {
      const now = options.clock.now();
      const known = verified.get(token, now);
      if (known) return { ...known };
      const payload = await verify(token, options);
      const tid = stringClaim(payload, 'tid');
      if (tid !== options.tenantId)
        throw new AppError('token_wrong_tenant', 'The token was issued for another tenant.');
      const scopes = stringClaim(payload, 'scp')?.split(' ') ?? [];
      if (!scopes.includes(options.requiredScope)) {
        throw new AppError('token_missing_scope', `The token does not carry the ${options.requiredScope} scope.`);
      }
      const oid = stringClaim(payload, 'oid');
      if (!oid) throw new AppError('token_invalid', 'The token does not identify a user (no oid claim).');
      const identity: Identity = {
        tenantId: tid,
        userId: oid,
        userPrincipalName: stringClaim(payload, 'preferred_username') ?? null,
        name: stringClaim(payload, 'name') ?? null,
        roles: rolesClaim(payload),
        rawToken: token,
      };
      verified.add(token, identity, payload, now);
      return { ...identity };
    },
  };
}

/**
 * Tokens whose signature and claims were checked, for the requests that follow with the same token (the tab sends
 * one token for an hour): checking an RS256 signature again cost about a third of a millisecond of CPU per request.
 * Only the time checks depend on when a token is used, so they are made again on every use, as jose makes them;
 * a token that fails one is forgotten and checked in full, which gives the exact error. An entry is kept at most
 * `RECHECK_AFTER_MS` (a signing key the authority withdraws stops being trusted within that time) and the map is
 * bounded, oldest out first.
 */
class VerifiedTokens {
  private readonly entries = new Map<string, { identity: Identity; times: TokenTimes; until: number }>();

  get(token: string, now: Date): Identity | null {
    const entry = this.entries.get(token);
    if (!entry) return null;
    if (entry.until <= now.getTime() || !withinTimes(entry.times, now)) {
      this.entries.delete(token);
      return null;
    }
    return entry.identity;
  }

  add(token: string, identity: Identity, payload: JWTPayload, now: Date): void {
    if (this.entries.size >= MAX_VERIFIED_TOKENS) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    const times = { exp: payload.exp, nbf: payload.nbf };
    this.entries.set(token, { identity, times, until: now.getTime() + RECHECK_AFTER_MS });
  }
}

const MAX_VERIFIED_TOKENS = 10_000;
const RECHECK_AFTER_MS = 10 * 60_000;

interface TokenTimes {
  exp: number | undefined;
  nbf: number | undefined;
}

/** jose's time checks with the same tolerance: not expired, not before its nbf. */
function withinTimes(times: TokenTimes, now: Date): boolean {
  const seconds = Math.floor(now.getTime() / 1000);
  if (times.exp === undefined || times.exp <= seconds - CLOCK_TOLERANCE_SECONDS) return false;
  return times.nbf === undefined || times.nbf <= seconds + CLOCK_TOLERANCE_SECONDS;
}

async function verify(token: string, options: EntraTokenValidatorOptions): Promise<JWTPayload> {
  try {
    const { payload } = await jwtVerify(token, options.keys, {
      algorithms: ['RS256'],
      issuer: options.issuer,
      audience: [options.clientId, options.applicationIdUri],
      currentDate: options.clock.now(),
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
      requiredClaims: ['exp', 'iat', 'tid'],
    });
    return payload;
  } catch (error) {
    throw toAppError(error);
  }
}

function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const [code, message] = classify(error);
  return new AppError(code, message, { cause: error });
}

function classify(error: unknown): [AppErrorCode, string] {
  if (error instanceof errors.JWTExpired) return ['token_expired', 'The token has expired.'];
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'nbf') return ['token_not_yet_valid', 'The token is not valid yet.'];
    if (error.claim === 'iat' && error.reason === 'check_failed') {
      return ['token_not_yet_valid', 'The token was issued in the future.'];
    }
    if (error.claim === 'aud') return ['token_invalid_audience', 'The token was not issued for this API.'];
    if (error.claim === 'iss') return ['token_invalid_issuer', 'The token was not issued by the configured authority.'];
    return ['token_invalid', `The token's ${error.claim} claim is not acceptable.`];
  }
  if (error instanceof errors.JOSEAlgNotAllowed)
    return ['token_unsupported_algorithm', 'The token is not signed with RS256.'];
  if (error instanceof errors.JWSSignatureVerificationFailed) {
    return ['token_invalid_signature', "The token's signature does not verify."];
  }
  if (error instanceof errors.JWKSNoMatchingKey) {
    return ['token_invalid_signature', 'The token is signed with a key the authority does not publish.'];
  }
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid) {
    return ['authority_unavailable', "The authority's signing keys could not be read."];
  }
  if (
    error instanceof errors.JWSInvalid ||
    error instanceof errors.JWTInvalid ||
    error instanceof errors.JOSENotSupported
  ) {
    return ['token_malformed', 'The token is not a well-formed JWT.'];
  }
  if (error instanceof TypeError || (error instanceof Error && /fetch|ECONN|certificate/i.test(error.message))) {
    return ['authority_unavailable', "The authority's signing keys could not be read."];
  }
  return ['token_invalid', 'The token is not acceptable.'];
}

/** App roles arrive as an array of strings (absent when none is assigned); any other shape is refused. */
function rolesClaim(payload: JWTPayload): string[] {
  const value = payload.roles;
  if (value === undefined) return [];
  if (!Array.isArray(value) || !value.every((role) => typeof role === 'string')) {
    throw new AppError('token_invalid', "The token's roles claim is not a list of role names.");
  }
  return value;
}

function stringClaim(payload: JWTPayload, name: string): string | undefined {
  const value = payload[name];
  return typeof value === 'string' ? value : undefined;
}
