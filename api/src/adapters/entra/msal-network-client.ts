import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from '@azure/msal-node';
import type { FetchFunction } from '../http/trusted-fetch.ts';

/**
 * msal-node's network module over our fetch, so MSAL trusts exactly the CAs our other clients trust
 * (msal-node 7 no longer takes agent options).
 */
export function createMsalNetworkClient(fetchFunction: FetchFunction, timeoutMs = 10_000): INetworkModule {
  const send = async <T>(method: 'GET' | 'POST', url: string, options?: NetworkRequestOptions) => {
    const response = await fetchFunction(url, {
      method,
      headers: options?.headers,
      body: method === 'POST' ? options?.body : undefined,
      signal: AbortSignal.timeout(timeoutMs),
    });
    const headers: Record<string, string> = {};
    response.headers.forEach((value, key) => {
      headers[key] = value;
    });
    const text = await response.text();
    return { headers, status: response.status, body: (text ? JSON.parse(text) : {}) as T } satisfies NetworkResponse<T>;
  };
  return {
    sendGetRequestAsync: (url, options) => send('GET', url, options),
    sendPostRequestAsync: (url, options) => send('POST', url, options),
  };
}
