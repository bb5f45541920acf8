import { decodeJwt, decodeProtectedHeader, errors, type JWTPayload, jwtVerify } from 'jose';
import type { SigningKey, SigningKeys } from './openid-keys.ts';
import { type BotRefusal, unauthenticated } from './refusal.ts';

/** An issuer the bot accepts tokens from, and where its keys are published. */
export interface TrustedIssuer {
  /** Exactly as in the token's `iss`, e.g. `https://api.botframework.com`. */
  issuer: string;
  keys: SigningKeys;
  /**
   * The tenant an Entra issuer belongs to: its tokens must carry that `tid`. Null for the Bot Framework
   * issuer, which serves every tenant and whose tokens usually carry no `tid`.
   */
  tenantId: string | null;
}

export interface BotTokenValidatorOptions {
  /** The bot's app id: the only audience accepted. */
  appId: string;
  issuers: readonly TrustedIssuer[];
  now: () => Date;
}

/** What a verified Bot Connector token says about the request. */
export interface BotTokenClaims {
  payload: JWTPayload;
  /** The `serviceurl` claim: the only Bot Connector the token vouches for. */
  serviceUrl: string;
  /** The token's `tid`, when it has one. */
  tenantId: string | null;
}

export type BotTokenCheck = { ok: true; claims: BotTokenClaims } | { ok: false; refusal: BotRefusal };

/** The Bot Framework allows five minutes of clock skew between the Bot Connector and the bot. */
const CLOCK_TOLERANCE_SECONDS = 300;

/**
 * Checks the bearer token of an inbound activity (docs/bot-trust.md): issued by a trusted issuer (read from the
 * unverified token only to choose the keys), signed RS256 by one of that issuer's published keys, for this bot,
 * within its validity, endorsed for the activity's channel, from the issuer's own tenant, and naming a service
 * URL. Comparing that service URL with the activity's is the caller's part.
 */
export function createBotTokenValidator(options: BotTokenValidatorOptions) {
  return async function validate(token: string, channelId: string | undefined): Promise<BotTokenCheck> {
    const unverified = peek(token);
    if (!unverified) return refuse('bot_token_malformed', 'The bearer token is not a well-formed JWT.');
    const trusted = options.issuers.find((candidate) => candidate.issuer === unverified.issuer);
    if (!trusted) return refuse('bot_token_untrusted_issuer', 'The token was not issued by the Bot Connector.');
    let key: SigningKey | null;
    try {
      key = await trusted.keys.keyFor(unverified.kid);
    } catch {
      return {
        ok: false,
        refusal: { status: 503, code: 'bot_keys_unavailable', message: 'The signing keys could not be read.' },
      };
    }
    if (!key)
      return refuse('bot_token_invalid_signature', 'The token is signed with a key its issuer does not publish.');
    const verified = await verify(token, key, trusted, options);
    if (!verified.ok) return verified;
    return checkClaims(verified.payload, key, trusted, channelId);
  };
}

function peek(token: string): { issuer: string; kid: string } | null {
  try {
    const header = decodeProtectedHeader(token);
    const payload = decodeJwt(token);
    if (typeof header.kid !== 'string' || typeof payload.iss !== 'string') return null;
    return { issuer: payload.iss, kid: header.kid };
  } catch {
    return null;
  }
}

async function verify(
  token: string,
  key: SigningKey,
  trusted: TrustedIssuer,
  options: BotTokenValidatorOptions,
): Promise<{ ok: true; payload: JWTPayload } | { ok: false; refusal: BotRefusal }> {
  try {
    const { payload } = await jwtVerify(token, key.key, {
      algorithms: ['RS256'],
      issuer: trusted.issuer,
      audience: options.appId,
      currentDate: options.now(),
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
      requiredClaims: ['exp'],
    });
    return { ok: true, payload };
  } catch (error) {
    return { ok: false, refusal: refusalOf(error) };
  }
}

function checkClaims(
  payload: JWTPayload,
  key: SigningKey,
  trusted: TrustedIssuer,
  channelId: string | undefined,
): BotTokenCheck {
  if (key.endorsements !== null && (!channelId || !key.endorsements.includes(channelId))) {
    return refuse('bot_token_channel_not_endorsed', 'The signing key is not endorsed for this channel.');
  }
  const tenantId = typeof payload.tid === 'string' && payload.tid !== '' ? payload.tid : null;
  if (trusted.tenantId !== null && tenantId?.toLowerCase() !== trusted.tenantId.toLowerCase()) {
    return refuse('bot_token_wrong_tenant', "The token's tenant is not its issuer's.");
  }
  const serviceUrl = payload.serviceurl;
  if (typeof serviceUrl !== 'string' || serviceUrl === '') {
    return refuse('bot_token_no_service_url', 'The token names no service URL (serviceurl claim).');
  }
  return { ok: true, claims: { payload, serviceUrl, tenantId } };
}

function refuse(code: BotRefusal['code'], message: string): BotTokenCheck {
  return { ok: false, refusal: unauthenticated(code, message) };
}

function refusalOf(error: unknown): BotRefusal {
  if (error instanceof errors.JWTExpired) return unauthenticated('bot_token_expired', 'The token has expired.');
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'nbf') return unauthenticated('bot_token_not_yet_valid', 'The token is not valid yet.');
    if (error.claim === 'aud') return unauthenticated('bot_token_invalid_audience', 'The token is for another bot.');
    return unauthenticated('bot_token_invalid', `The token's ${error.claim} claim is not acceptable.`);
  }
  if (error instanceof errors.JWSSignatureVerificationFailed || error instanceof errors.JOSEAlgNotAllowed) {
    return unauthenticated('bot_token_invalid_signature', "The token's signature does not verify.");
  }
  return unauthenticated('bot_token_malformed', 'The bearer token is not a well-formed JWT.');
}
