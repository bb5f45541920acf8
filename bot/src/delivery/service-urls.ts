/**
 * Teams' global Bot Connector endpoint; it routes to the tenant's region (teams-platform.md §4). A
 * tenant's own service URL (from any activity of it) is preferred when known.
 */
export const DEFAULT_TEAMS_SERVICE_URL = 'https://smba.trafficmanager.net/teams/';

/** Where to open a chat in a tenant with nobody the bot has talked to in this process yet. */
export type TenantServiceUrlLookup = (tenantId: string) => Promise<string | null>;

export interface ServiceUrlBook {
  /** The tenant's known service URL, else the configured default. */
  forTenant(tenantId: string): Promise<string>;
  /** Remembers the service URL of a conversation seen in this tenant. */
  learn(tenantId: string, serviceUrl: string): void;
}

/**
 * The service URL of a tenant, from (in order) conversations the worker used, the store's lookup over
 * every stored conversation of the tenant, and the default. Teams sends every activity of a tenant from
 * that tenant's regional service URL, so any stored conversation of the tenant names it.
 */
export function createServiceUrlBook(options: {
  lookup?: TenantServiceUrlLookup;
  defaultServiceUrl: string;
}): ServiceUrlBook {
  const known = new Map<string, string>();
  return {
    async forTenant(tenantId) {
      const seen = known.get(tenantId);
      if (seen) return seen;
      const stored = (await options.lookup?.(tenantId)) ?? null;
      if (stored) known.set(tenantId, stored);
      return stored ?? options.defaultServiceUrl;
    },
    learn(tenantId, serviceUrl) {
      if (serviceUrl) known.set(tenantId, serviceUrl);
    },
  };
}
