import { Client, type FetchOptions } from '@microsoft/microsoft-graph-client';
import type { Agent } from 'undici';

export interface GraphClientFactoryOptions {
  /** `https://graph.microsoft.com` or devtenant's origin. */
  baseUrl: string;
  /** The dispatcher that trusts devtenant's CA, when configured. */
  dispatcher: Agent | undefined;
}

export type GraphClientFactory = (getToken: () => Promise<string>) => Client;

/**
 * One Graph client per token source. The client sends the bearer token only to https hosts it knows
 * (graph-calendar §10), so the configured host is added to `customHosts`; its RetryHandler honours
 * 429/503/504 `Retry-After`, which is why every create we send carries a transactionId.
 */
export function createGraphClientFactory(options: GraphClientFactoryOptions): GraphClientFactory {
  const base = new URL(options.baseUrl);
  const customHosts = new Set([base.hostname.toLowerCase()]);
  const fetchOptions = options.dispatcher ? ({ dispatcher: options.dispatcher } as FetchOptions) : undefined;
  return (getToken) =>
    Client.initWithMiddleware({
      authProvider: { getAccessToken: getToken },
      baseUrl: `${base.origin}/`,
      defaultVersion: 'v1.0',
      customHosts,
      ...(fetchOptions ? { fetchOptions } : {}),
    });
}
