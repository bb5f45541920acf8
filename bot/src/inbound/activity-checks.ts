import type { ServiceUrlPolicy } from '../service-url-policy.ts';
import type { BotTokenClaims } from './bot-token-validator.ts';
import { type BotRefusal, forbidden, unauthenticated } from './refusal.ts';

/** The fields of an inbound activity that decide whether it is trusted, read from the raw JSON body. */
export interface InboundFacts {
  channelId: string | undefined;
  serviceUrl: string | undefined;
  /** `conversation.tenantId` and `channelData.tenant.id`; Teams sends both, older payloads only the second. */
  conversationTenantId: string | undefined;
  channelDataTenantId: string | undefined;
  aadObjectId: string | undefined;
  conversationId: string | undefined;
  /** `from.id`, the channel's id of the sender (Teams: `29:…`), for senders without an Entra object id. */
  fromId: string | undefined;
}

/** The activity's tenant as Teams names it: `conversation.tenantId`, else `channelData.tenant.id`. */
export function tenantOf(facts: InboundFacts): string | undefined {
  return facts.conversationTenantId ?? facts.channelDataTenantId;
}

export function readInboundFacts(body: unknown): InboundFacts {
  const conversation = field(body, 'conversation');
  return {
    channelId: text(field(body, 'channelId')),
    serviceUrl: text(field(body, 'serviceUrl')),
    conversationTenantId: text(field(conversation, 'tenantId')),
    channelDataTenantId: text(field(field(field(body, 'channelData'), 'tenant'), 'id')),
    aadObjectId: text(field(field(body, 'from'), 'aadObjectId')),
    conversationId: text(field(conversation, 'id')),
    fromId: text(field(field(body, 'from'), 'id')),
  };
}

/**
 * The token's `serviceurl` claim is the one Bot Connector it vouches for: the activity must name exactly that
 * one (compared as the Bot Framework does, ignoring case, and here a trailing slash), or a valid token could
 * steer the bot's answers — and its Bot Connector token — to another host.
 */
export function checkServiceUrlClaim(facts: InboundFacts, claims: BotTokenClaims): BotRefusal | null {
  if (facts.serviceUrl !== undefined && sameServiceUrl(facts.serviceUrl, claims.serviceUrl)) return null;
  return unauthenticated('bot_service_url_mismatch', "The activity's serviceUrl is not the one its token names.");
}

/** Any service URL the bot would answer to must be a listed Bot Connector, signed or not (local mode). */
export function checkServiceUrlAllowed(facts: InboundFacts, policy: ServiceUrlPolicy): BotRefusal | null {
  if (facts.serviceUrl === undefined || policy.allows(facts.serviceUrl)) return null;
  return forbidden('bot_service_url_not_allowed', "The activity's serviceUrl is not a Bot Connector this bot uses.");
}

/**
 * The activity's tenant must be there, agree between the two places Teams puts it, be the tenant this
 * deployment serves, and be the token's own tenant when the token names one.
 */
export function checkTenant(
  facts: InboundFacts,
  configuredTenantId: string,
  tokenTenantId: string | null,
): BotRefusal | null {
  const { channelDataTenantId } = facts;
  const tenantId = tenantOf(facts);
  if (!tenantId) return forbidden('bot_tenant_missing', 'The activity names no tenant.');
  if (channelDataTenantId !== undefined && !sameId(channelDataTenantId, tenantId)) {
    return forbidden('bot_tenant_mismatch', 'The activity names two different tenants.');
  }
  if (!sameId(tenantId, configuredTenantId)) {
    return forbidden('bot_tenant_not_allowed', 'The activity comes from a tenant this deployment does not serve.');
  }
  if (tokenTenantId !== null && !sameId(tokenTenantId, tenantId)) {
    return forbidden('bot_tenant_mismatch', "The activity's tenant is not its token's tenant.");
  }
  return null;
}

function sameId(left: string, right: string): boolean {
  return left.toLowerCase() === right.toLowerCase();
}

function sameServiceUrl(left: string, right: string): boolean {
  const normal = (url: string) => url.trim().replace(/\/+$/, '').toLowerCase();
  return normal(left) === normal(right);
}

function field(value: unknown, name: string): unknown {
  return typeof value === 'object' && value !== null && name in value
    ? (value as Record<string, unknown>)[name]
    : undefined;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
