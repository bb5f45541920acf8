import { ConfidentialClientApplication, type INetworkModule, type NetworkResponse } from '@azure/msal-node';
import { LOCAL_CLIENT_ID } from '@confer/contracts';
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
import { type AppRegistration, CONFER_APP_ROLES, type DevTenant, type DevTenantOptions } from './options.ts';
import { startDevTenant } from './server.ts';

/**
 * Helpers for devtenant's conformance tests: they reach the tenant only through Microsoft's client libraries
 * (msal-node, the Graph JS client) or raw HTTPS that trusts the generated CA explicitly.
 */
export const CONFER_CLIENT_ID = LOCAL_CLIENT_ID;
export const CONFER_API = `api://localhost:3978/${CONFER_CLIENT_ID}`;
export const ALEX = '00000000-0000-0000-0000-0000000000020';
export const MEGAN = '00000000-0000-0000-0000-0000000000021';
export const ADELE = '00000000-0000-0000-0000-0000000000022';
export const LYNNE = '00000000-0000-0000-0000-0000000000025';
/** Seed people used in tests: outside the Confer Users group, and without a mailbox. */
export const MIRIAM_UPN = 'miriamg@contoso.onmicrosoft.com';
export const NORA_UPN = 'noraf@contoso.onmicrosoft.com';

export const CONFER_APP: AppRegistration = {
  clientId: CONFER_CLIENT_ID,
  clientSecret: 'test-secret-for-devtenant-conformance',
  displayName: 'Confer',
  identifierUris: [CONFER_API],
  redirectUris: ['http://localhost:3978/auth-end.html', 'http://localhost:3978/'],
  exposedScopes: ['access_as_user'],
  appRoles: CONFER_APP_ROLES,
};

export interface TestTenant extends DevTenant {
  dispatcher: Agent;
  /** HTTPS fetch trusting only the tenant's CA. */
  fetch(path: string, init?: Parameters<typeof undiciFetch>[1]): ReturnType<typeof undiciFetch>;
  /** Calls the control API; returns the parsed JSON body and status. */
  control(path: string, body?: unknown): Promise<{ status: number; body: unknown }>;
  msal(app?: AppRegistration): ConfidentialClientApplication;
  /** The Graph JS client as an app would configure it against devtenant (docs/reference/graph-calendar.md §10). */
  graph(token: () => Promise<string>, retry?: RetryHandlerOptions): Client;
  /** A Teams SSO token for Confer's API, as `getAuthToken()` gives the tab. */
  teamsToken(userId: string): Promise<string>;
  appToken(app?: AppRegistration): Promise<string>;
  /** A delegated Graph token for the user through On-Behalf-Of. */
  userToken(userId: string, scopes?: string[]): Promise<string>;
}

export async function startTestTenant(options: Partial<DevTenantOptions> = {}): Promise<TestTenant> {
  const tenant = await startDevTenant({ port: 0, mode: 'test', apps: [CONFER_APP], ...options });
  const dispatcher = new Agent({ connect: { ca: tenant.caPem } });
  const fetch: TestTenant['fetch'] = (path, init) => undiciFetch(new URL(path, tenant.origin), { ...init, dispatcher });
  const msal = (app: AppRegistration = CONFER_APP) =>
    new ConfidentialClientApplication({
      auth: {
        clientId: app.clientId,
        clientSecret: app.clientSecret,
        authority: `${tenant.origin}/${tenant.tenantId}`,
        knownAuthorities: [new URL(tenant.origin).host],
      },
      // msal-node 7 sends requests with fetch and no agent options: a network client carries the trusted CA.
      system: { networkClient: trustedNetworkClient(dispatcher) },
    });
  const control: TestTenant['control'] = async (path, body) => {
    const response = await fetch(
      `/_devtenant${path}`,
      body === undefined
        ? {}
        : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) },
    );
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  };
  const teamsToken = async (userId: string) => {
    const { status, body } = await control('/teams-sso-token', { userId, resource: CONFER_API });
    if (status !== 200) throw new Error(`teams-sso-token failed: ${JSON.stringify(body)}`);
    return (body as { token: string }).token;
  };
  const appToken = async (app: AppRegistration = CONFER_APP) => {
    const result = await msal(app).acquireTokenByClientCredential({ scopes: ['https://graph.microsoft.com/.default'] });
    if (!result) throw new Error('no token');
    return result.accessToken;
  };
  const userToken = async (userId: string, scopes = ['https://graph.microsoft.com/.default']) => {
    const result = await msal().acquireTokenOnBehalfOf({ oboAssertion: await teamsToken(userId), scopes });
    if (!result) throw new Error('no token');
    return result.accessToken;
  };
  const graph: TestTenant['graph'] = (token, retry = new RetryHandlerOptions(0, 0)) =>
    Client.initWithMiddleware({
      baseUrl: `${tenant.origin}/`,
      // The Graph client only sends the bearer token to hosts it knows (docs/reference/graph-calendar.md §10).
      customHosts: new Set(['localhost']),
      // The default chain (Authentication → Retry → Redirect → Telemetry → HTTP); the last step sends with
      // undici's own fetch because Node 24's built-in fetch (undici 7) cannot drive an undici 8 Agent.
      middleware: [
        new AuthenticationHandler({ getAccessToken: token }),
        new RetryHandler(retry),
        new RedirectHandler(),
        new TelemetryHandler(),
        fetchHandler(dispatcher),
      ],
    });
  return {
    ...tenant,
    dispatcher,
    fetch,
    control,
    msal,
    graph,
    teamsToken,
    appToken,
    userToken,
    async close() {
      await dispatcher.close();
      await tenant.close();
    },
  };
}

/** msal-node's INetworkModule over undici with an explicit CA, as an app must provide to talk to devtenant. */
export function trustedNetworkClient(dispatcher: Agent): INetworkModule {
  const send = async <T>(
    url: string,
    method: 'GET' | 'POST',
    options?: { headers?: Record<string, string>; body?: string },
    timeout?: number,
  ): Promise<NetworkResponse<T>> => {
    const response = await undiciFetch(url, {
      method,
      headers: options?.headers,
      body: method === 'POST' ? (options?.body ?? '') : undefined,
      dispatcher,
      signal: timeout ? AbortSignal.timeout(timeout) : undefined,
    });
    const headers: Record<string, string> = {};
    response.headers.forEach((value, key) => {
      headers[key] = value;
    });
    return { headers, body: (await response.json()) as T, status: response.status };
  };
  return {
    sendGetRequestAsync: (url, options, timeout) => send(url, 'GET', options, timeout),
    sendPostRequestAsync: (url, options) => send(url, 'POST', options),
  };
}

function fetchHandler(dispatcher: Agent): Middleware {
  return {
    async execute(context: Context): Promise<void> {
      const response = await undiciFetch(context.request as string, { ...(context.options as object), dispatcher });
      context.response = response as unknown as Response;
    },
  };
}

/** Runs `body` against a fresh tenant and always closes it (each conformance test owns its tenant). */
export async function withTenant<T>(
  body: (tenant: TestTenant) => Promise<T>,
  options: Partial<DevTenantOptions> = {},
): Promise<T> {
  const tenant = await startTestTenant(options);
  try {
    return await body(tenant);
  } finally {
    await tenant.close();
  }
}

/** Decodes a JWT's payload without verifying it (tests verify signatures separately with JWKS). */
export function claimsOf(token: string): Record<string, unknown> {
  const payload = token.split('.')[1] ?? '';
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
}

/** Sends a raw token request (form-encoded) and returns status and JSON. */
export async function tokenRequest(
  tenant: TestTenant,
  form: Record<string, string>,
  headers: Record<string, string> = {},
) {
  const response = await tenant.fetch(`/${tenant.tenantId}/oauth2/v2.0/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(form).toString(),
  });
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as Record<string, unknown>,
  };
}
