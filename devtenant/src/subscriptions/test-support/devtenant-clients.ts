import { rootCertificates } from 'node:tls';
import { ConfidentialClientApplication, type INetworkModule } from '@azure/msal-node';
import { Client, type FetchOptions } from '@microsoft/microsoft-graph-client';
import { Agent } from 'undici';

/** Clients for a running devtenant that trust its CA explicitly (never by turning TLS checks off). */
export interface DevTenantClients {
  fetch: typeof fetch;
  /** A client-credentials Graph token from devtenant's token endpoint, through msal-node. */
  appToken(clientId: string, clientSecret: string): Promise<string>;
  /** The Graph JS client against devtenant, authenticating with `token`. */
  graph(token: string): Client;
}

export function createDevTenantClients(origin: string, tenantId: string, caPem: string): DevTenantClients {
  const dispatcher = new Agent({ connect: { ca: [...rootCertificates, caPem] } });
  const trustedFetch: typeof fetch = (input, init) =>
    globalThis.fetch(input, { ...init, dispatcher } as RequestInit & { dispatcher: Agent });
  return {
    fetch: trustedFetch,
    appToken: async (clientId, clientSecret) => {
      const msal = new ConfidentialClientApplication({
        auth: { clientId, clientSecret, authority: `${origin}/${tenantId}`, knownAuthorities: [new URL(origin).host] },
        system: { networkClient: msalNetwork(trustedFetch) },
      });
      const result = await msal.acquireTokenByClientCredential({ scopes: ['https://graph.microsoft.com/.default'] });
      if (!result?.accessToken) throw new Error('devtenant returned no access token');
      return result.accessToken;
    },
    graph: (token) =>
      Client.initWithMiddleware({
        authProvider: { getAccessToken: async () => token },
        baseUrl: `${origin}/`,
        // The Graph client sends the bearer token only to hosts it knows (reference §10).
        customHosts: new Set(['localhost']),
        // FetchOptions predates undici's `dispatcher`; Node's fetch reads it from the same options object.
        fetchOptions: { dispatcher } as FetchOptions,
      }),
  };
}

/** msal-node 7 takes a network module instead of agent options; this one uses the trusting fetch. */
function msalNetwork(fetchImpl: typeof fetch): INetworkModule {
  const send = async <T>(method: 'GET' | 'POST', url: string, body?: string, headers?: Record<string, string>) => {
    const response = await fetchImpl(url, { method, headers, body: method === 'POST' ? body : undefined });
    const responseHeaders: Record<string, string> = {};
    response.headers.forEach((value, key) => {
      responseHeaders[key] = value;
    });
    const text = await response.text();
    return { headers: responseHeaders, status: response.status, body: (text ? JSON.parse(text) : {}) as T };
  };
  return {
    sendGetRequestAsync: (url, options) => send('GET', url, undefined, options?.headers),
    sendPostRequestAsync: (url, options) => send('POST', url, options?.body, options?.headers),
  };
}
