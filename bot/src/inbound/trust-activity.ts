import type { ErrorBody } from '@confer/contracts';
import type { Request as SdkRequest } from '@microsoft/agents-hosting';
import type { RequestHandler, Response } from 'express';
import type { BotClock, BotLogger, TenantMembership } from '../ports.ts';
import type { ServiceUrlPolicy } from '../service-url-policy.ts';
import {
  checkServiceUrlAllowed,
  checkServiceUrlClaim,
  checkTenant,
  type InboundFacts,
  readInboundFacts,
  tenantOf,
} from './activity-checks.ts';
import { type BotTokenClaims, createBotTokenValidator, type TrustedIssuer } from './bot-token-validator.ts';
import { type BotRefusal, forbidden, unauthenticated } from './refusal.ts';

/**
 * How inbound activities prove where they come from.
 * - `verify`: a Bot Connector token for `appId` from one of `issuers` (bot credentials configured).
 * - `off`: no token (the local tenant and the Agents Playground only; start-up refuses it elsewhere).
 * - `closed`: no bot identity is configured, so nothing can be verified and every activity is refused.
 */
/** The caller identity the SDK reads from `req.user` (a JWT payload). */
export type CallerIdentity = NonNullable<SdkRequest['user']>;

export type InboundAuth =
  | { mode: 'verify'; appId: string; issuers: readonly TrustedIssuer[] }
  | { mode: 'off' }
  | { mode: 'closed' };

export interface TrustActivityOptions {
  inbound: InboundAuth;
  /** The one tenant this deployment serves. */
  tenantId: string;
  serviceUrls: ServiceUrlPolicy;
  /** Looks the acting person up in the tenant's directory; without it the Bot Connector's word stands. */
  membership?: TenantMembership;
  clock: BotClock;
  logger: BotLogger;
  /** The caller identity handed to the SDK for a trusted request (it picks the outbound token from it). */
  identityOf(claims: BotTokenClaims | null): CallerIdentity;
}

/**
 * Decides whether the Bot Connector sent this activity for this deployment, before any handler sees it:
 * the token (when inbound auth is on), its service URL, the allowed Bot Connector hosts, the tenant, and the
 * acting person. A refusal is answered `{ error: { code, message } }`, logged, and changes nothing.
 */
export function trustActivity(options: TrustActivityOptions): RequestHandler {
  const { inbound } = options;
  const validate =
    inbound.mode === 'verify'
      ? createBotTokenValidator({ appId: inbound.appId, issuers: inbound.issuers, now: () => options.clock.now() })
      : null;

  async function decide(authorization: string | undefined, facts: InboundFacts): Promise<Decision> {
    let claims: BotTokenClaims | null = null;
    const absent = tokenPresence(inbound, authorization);
    if (absent) return refused(absent);
    const token = bearerToken(authorization);
    if (validate && token) {
      const checked = await validate(token, facts.channelId);
      if (!checked.ok) return refused(checked.refusal);
      claims = checked.claims;
      const mismatch = checkServiceUrlClaim(facts, claims);
      if (mismatch) return refused(mismatch);
    }
    const refusal =
      checkServiceUrlAllowed(facts, options.serviceUrls) ??
      checkTenant(facts, options.tenantId, claims?.tenantId ?? null) ??
      (await checkMember(facts));
    return refusal ? refused(refusal) : { ok: true, claims };
  }

  async function checkMember(facts: InboundFacts): Promise<BotRefusal | null> {
    if (!options.membership || !facts.aadObjectId) return null;
    const answer = await options.membership(options.tenantId, facts.aadObjectId);
    if (answer !== 'not_member') return null;
    return forbidden('bot_user_not_in_tenant', "The person acting is not in this deployment's tenant.");
  }

  return async (req, res, next) => {
    const facts = readInboundFacts(req.body);
    let decision: Decision;
    try {
      decision = await decide(req.headers.authorization, facts);
    } catch (error) {
      return next(error);
    }
    if (!decision.ok) return refuse(res, decision.refusal, facts, options.logger);
    // The SDK reads the caller's identity from `req.user`, as its own JWT middleware would have set it.
    (req as { user?: CallerIdentity }).user = options.identityOf(decision.claims);
    next();
  };
}

/**
 * What can be refused without reading the body, refused before it is read: a request to a bot with no
 * identity, or one without a bearer token when tokens are required. `trustActivity` checks both again.
 */
export function refuseWithoutToken(options: Pick<TrustActivityOptions, 'inbound' | 'logger'>): RequestHandler {
  return (req, res, next) => {
    const refusal = tokenPresence(options.inbound, req.headers.authorization);
    if (refusal) return refuse(res, refusal, readInboundFacts(undefined), options.logger);
    next();
  };
}

function tokenPresence(inbound: InboundAuth, authorization: string | undefined): BotRefusal | null {
  if (inbound.mode === 'closed') {
    return unauthenticated('bot_not_configured', 'This bot has no identity configured (BOT_ID).');
  }
  if (inbound.mode === 'verify' && !bearerToken(authorization)) {
    return unauthenticated('bot_token_missing', 'The request carries no bearer token.');
  }
  return null;
}

type Decision = { ok: true; claims: BotTokenClaims | null } | { ok: false; refusal: BotRefusal };

const refused = (refusal: BotRefusal): Decision => ({ ok: false, refusal });

function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(header?.trim() ?? '');
  return match?.[1] ?? null;
}

function refuse(res: Response, refusal: BotRefusal, facts: InboundFacts, logger: BotLogger): void {
  logger.warn('bot.activity_refused', {
    code: refusal.code,
    status: refusal.status,
    channelId: facts.channelId,
    serviceUrl: facts.serviceUrl,
    tenantId: tenantOf(facts),
  });
  const body: ErrorBody<BotRefusal['code']> = { error: { code: refusal.code, message: refusal.message } };
  res.status(refusal.status).json(body);
}
