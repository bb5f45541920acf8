import { rootCertificates } from 'node:tls';
import { ConfidentialClientApplication, type INetworkModule } from '@azure/msal-node';
import {
  AuthenticationHandler,
  Client,
  type Context,
  type Middleware,
  RedirectHandler,
  RetryHandler,
  RetryHandlerOptions,
  TelemetryHandler,
} from '@microsoft/microsoft-graph-client';
import { Agent, fetch as undiciFetch } from 'undici';

/** Clients for a running devtenant that trust its CA explicitly (never by turning TLS checks off). */
export interface DevTenantClients {
  fetch: typeof fetch;
  /** A client-credentials Graph token from devtenant's token endpoint, through msal-node. */
  appToken(clientId: string, clientSecret: string): Promise<string>;
  /** The Graph JS client against devtenant, authenticating with `token`. */
  graph(token: string): Client;
}

export function createDevTenantClients(origin: string, tenantId: string, caPem: string): DevTenantClients {
  // Node 24's built-in fetch runs undici 7, which cannot drive an undici 8 Agent ("invalid onRequestStart
  // method"); undici's own fetch and Agent are used together instead.
  const dispatcher = new Agent({ connect: { ca: [...rootCertificates, caPem] } });
  const trustedFetch = ((input: string | URL, init?: RequestInit) =>
    undiciFetch(input, { ...(init as object), dispatcher })) as unknown as typeof fetch;
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
        baseUrl: `${origin}/`,
        // The Graph client sends the bearer token only to hosts it knows (docs/reference/graph-calendar.md §10).
        customHosts: new Set(['localhost']),
        // The default chain, with the last step sending through the trusting fetch.
        middleware: [
          new AuthenticationHandler({ getAccessToken: async () => token }),
          new RetryHandler(new RetryHandlerOptions()),
          new RedirectHandler(),
          new TelemetryHandler(),
          fetchHandler(trustedFetch),
        ],
      }),
  };
}

/** The Graph client's HTTPMessageHandler, over a given fetch instead of the global one. */
function fetchHandler(fetchImpl: typeof fetch): Middleware {
  return {
    async execute(context: Context): Promise<void> {
      context.response = await fetchImpl(context.request as string, context.options);
    },
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
