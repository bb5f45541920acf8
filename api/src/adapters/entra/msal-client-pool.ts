import { ConfidentialClientApplication, type ICachePlugin, type INetworkModule, LogLevel } from '@azure/msal-node';
import type { Logger } from '../../logging/logger.ts';
import type { TokenCacheStore } from '../../ports/tenant-store.ts';
import { createPartitionCachePlugin } from './encrypted-token-cache-plugin.ts';
import type { TokenCacheCipher } from './token-cache-cipher.ts';

export interface MsalClientPoolOptions {
  clientId: string;
  clientSecret: string;
  /** `{authorityHost}/{tenantId}` of the configured tenant; other tenants use the same host. */
  authority: string;
  /** Host of the authority (e.g. `localhost:8443`); listed as known so MSAL needs no instance discovery call. */
  authorityHost: string;
  networkClient: INetworkModule;
  logger: Logger;
  tokenCache: { store: TokenCacheStore; cipher: TokenCacheCipher };
  /** Per-user clients kept in memory (each holds only its authority metadata; tokens live in the store). */
  maxUserClients?: number;
}

export interface MsalClientPool {
  /** Client credentials for a tenant (application tokens cached in memory by MSAL). */
  app(tenantId: string): ConfidentialClientApplication;
  /** A client whose token cache is the user's encrypted partition. */
  user(tenantId: string, userId: string): ConfidentialClientApplication;
  /**
   * Drops the user's client and its in-memory tokens. msal-node serves On-Behalf-Of tokens from memory
   * without consulting the cache plugin, so after a disconnect a kept client would answer from tokens the
   * store no longer holds.
   */
  drop(tenantId: string, userId: string): void;
}

/** Tenants with an application client in memory at once; Confer serves one tenant, so this is headroom. */
const MAX_APP_CLIENTS = 16;

/**
 * One ConfidentialClientApplication per token cache partition, as msal-node's guidance for web APIs has it:
 * a shared cache would let OBO and silent lookups see every user's accounts. Least recently used user clients
 * are dropped beyond the limit; their tokens stay in the store.
 */
export function createMsalClientPool(options: MsalClientPoolOptions): MsalClientPool {
  const origin = new URL(options.authority).origin;
  const build = (tenantId: string, cachePlugin?: ICachePlugin) =>
    new ConfidentialClientApplication({
      auth: {
        clientId: options.clientId,
        clientSecret: options.clientSecret,
        authority: `${origin}/${tenantId}`,
        knownAuthorities: [options.authorityHost],
      },
      ...(cachePlugin ? { cache: { cachePlugin } } : {}),
      system: {
        networkClient: options.networkClient,
        loggerOptions: {
          piiLoggingEnabled: false,
          logLevel: LogLevel.Warning,
          loggerCallback: (_level, message) => options.logger.debug('msal', { msal: message }),
        },
      },
    });
  const apps = new Map<string, ConfidentialClientApplication>();
  const users = new Map<string, ConfidentialClientApplication>();
  const limit = options.maxUserClients ?? 500;
  return {
    app(tenantId) {
      // Tenant ids can arrive in bot activities, so the table is bounded like the users' one: least
      // recently used first out (a dropped client only loses its in-memory application token).
      const key = tenantId.toLowerCase();
      let client = apps.get(key);
      if (client) apps.delete(key);
      else client = build(tenantId);
      apps.set(key, client);
      if (apps.size > MAX_APP_CLIENTS) apps.delete(apps.keys().next().value as string);
      return client;
    },
    user(tenantId, userId) {
      const key = `${tenantId}/${userId}`.toLowerCase();
      let client = users.get(key);
      if (client) users.delete(key);
      else {
        const cachePlugin = createPartitionCachePlugin({
          ...options.tokenCache,
          logger: options.logger,
          tenantId,
          userId,
        });
        client = build(tenantId, cachePlugin);
      }
      users.set(key, client);
      if (users.size > limit) users.delete(users.keys().next().value as string);
      return client;
    },
    drop(tenantId, userId) {
      users.delete(`${tenantId}/${userId}`.toLowerCase());
    },
  };
}
