import type { Client } from '@microsoft/microsoft-graph-client';
import { createGraphClientFactory } from '../../api/src/adapters/graph/graph-client-factory.ts';
import { createTrustedHttp } from '../../api/src/adapters/http/trusted-fetch.ts';
import { CLIENT_ID, type Stack, TENANT_ID } from '../../tests/support/stack.ts';

/** The delegated scopes the app asks for (graph-actor.ts), as the token endpoint takes them. */
const DELEGATED_SCOPES = ['User.Read', 'Calendars.ReadWrite', 'MailboxSettings.Read']
  .map((s) => `https://graph.microsoft.com/${s}`)
  .concat('offline_access')
  .join(' ');

/**
 * Graph as the app calls it, for the benchmarks' direct calls: the same delegated token the app gets
 * (On-Behalf-Of the person's Teams SSO token) and a client from the app's own factory (the SDK's middleware, an
 * HTTPS agent trusting devtenant's CA), so what the app adds can be told from the Graph client's own work.
 */
export async function directGraph(stack: Stack, userId: string): Promise<{ graph: Client; close(): Promise<void> }> {
  const token = await delegatedGraphToken(stack, await stack.tabTokenFor(userId));
  const http = createTrustedHttp(stack.devtenant.caPem);
  const graph = createGraphClientFactory({ baseUrl: stack.devtenant.origin, dispatcher: http.dispatcher })(
    async () => token,
  );
  return { graph, close: async () => http.dispatcher?.close() };
}

/** The same delegated Graph token the app gets: On-Behalf-Of the person's Teams SSO token. */
export async function delegatedGraphToken(stack: Stack, tabToken: string): Promise<string> {
  const response = await stack.trustedFetch(`${stack.devtenant.origin}/${TENANT_ID}/oauth2/v2.0/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
      client_id: CLIENT_ID,
      client_secret: stack.clientSecret,
      assertion: tabToken,
      requested_token_use: 'on_behalf_of',
      scope: DELEGATED_SCOPES,
    }),
  });
  if (!response.ok) throw new Error(`On-Behalf-Of refused: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { access_token: string }).access_token;
}

/** Sets devtenant's request counters back to zero. */
export async function resetCounters(stack: Stack): Promise<void> {
  const response = await stack.devtenant.control('counters/reset', {});
  if (!response.ok) throw new Error(`counters/reset answered ${response.status}`);
}
