import type { ServiceUrlPolicy } from '../service-url-policy.ts';

/**
 * Teams' global Bot Connector endpoint; it routes to the tenant's region (docs/bot-trust.md). A tenant's own
 * service URL (from any authenticated activity of it) is preferred when known.
 */
export const DEFAULT_TEAMS_SERVICE_URL = 'https://smba.trafficmanager.net/teams/';

/** Where to open a chat in a tenant with nobody the bot has talked to in this process yet. */
export type TenantServiceUrlLookup = (tenantId: string) => Promise<string | null>;

export interface ServiceUrlBook {
  /** The tenant's known service URL, else the configured default; only ever one the policy allows. */
  forTenant(tenantId: string): Promise<string>;
  /** Remembers the service URL of a conversation seen in this tenant (ignored unless the policy allows it). */
  learn(tenantId: string, serviceUrl: string): void;
}

/**
 * The service URL of a tenant, from (in order) conversations the worker used, the store's lookup over
 * every stored conversation of the tenant, and the default. Teams sends every activity of a tenant from
 * that tenant's regional service URL, so any stored conversation of the tenant names it. A stored URL the
 * policy does not allow (kept before the policy existed, or since removed from it) is passed over: opening
 * a chat sends the bot's token there.
 */
export function createServiceUrlBook(options: {
  lookup?: TenantServiceUrlLookup;
  defaultServiceUrl: string;
  policy: ServiceUrlPolicy;
}): ServiceUrlBook {
  const known = new Map<string, string>();
  const allowed = (url: string | null | undefined): url is string => Boolean(url) && options.policy.allows(url ?? '');
  return {
    async forTenant(tenantId) {
      const seen = known.get(tenantId);
      if (seen) return seen;
      const stored = (await options.lookup?.(tenantId)) ?? null;
      if (!allowed(stored)) return options.defaultServiceUrl;
      known.set(tenantId, stored);
      return stored;
    },
    learn(tenantId, serviceUrl) {
      if (allowed(serviceUrl)) known.set(tenantId, serviceUrl);
    },
  };
}
