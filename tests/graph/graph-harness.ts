import { randomBytes } from 'node:crypto';
import { LOCAL_CLIENT_ID, LOCAL_TENANT_ID } from '@confer/contracts';
import { createMsalGraphTokenProvider } from '../../api/src/adapters/entra/msal-graph-token-provider.ts';
import { createMsalNetworkClient } from '../../api/src/adapters/entra/msal-network-client.ts';
import { createTokenCacheCipher } from '../../api/src/adapters/entra/token-cache-cipher.ts';
import {
  createGraphClientFactory,
  type GraphClientFactory,
  type GraphRetrySettings,
} from '../../api/src/adapters/graph/graph-client-factory.ts';
import { type CheckConnection, createConnectionProbe } from '../../api/src/adapters/graph/graph-connection-probe.ts';
import { createGraphSchedulingGateway } from '../../api/src/adapters/graph/graph-scheduling-gateway.ts';
import { createTrustedHttp, type TrustedHttp } from '../../api/src/adapters/http/trusted-fetch.ts';
import { AppError } from '../../api/src/domain/app-error.ts';
import { createLogger } from '../../api/src/logging/logger.ts';
import type { GraphTokenProvider } from '../../api/src/ports/graph-token-provider.ts';
import type { Identity } from '../../api/src/ports/identity.ts';
import type { GraphActor, MailboxRef, SchedulingGateway } from '../../api/src/ports/scheduling-gateway.ts';
import type { TokenCacheStore } from '../../api/src/ports/tenant-store.ts';
import { type DevTenant, startDevTenant } from '../../devtenant/src/index.ts';
import { forcedClock } from '../support/stack.ts';

export const CLIENT_ID = LOCAL_CLIENT_ID;
export const TENANT_ID = LOCAL_TENANT_ID;
const APP_ID_URI = `api://localhost:3978/${CLIENT_ID}`;
const DOMAIN = 'contoso.onmicrosoft.com';

/** Seed people by alias (devtenant/src/directory/seed-people.ts). */
export const PEOPLE = {
  alexw: '00000000-0000-0000-0000-0000000000020',
  meganb: '00000000-0000-0000-0000-0000000000021',
  adelev: '00000000-0000-0000-0000-0000000000022',
  isaiahl: '00000000-0000-0000-0000-0000000000023',
  pattif: '00000000-0000-0000-0000-0000000000024',
  lynner: '00000000-0000-0000-0000-0000000000025',
} as const;
export type Alias = keyof typeof PEOPLE;

export function mailbox(alias: Alias): MailboxRef {
  return { userId: PEOPLE[alias], email: `${alias}@${DOMAIN}` };
}

export function email(alias: string): string {
  return `${alias}@${DOMAIN}`;
}

/** A Map-backed TokenCacheStore, so tests can look at exactly what would be stored. */
export function createMapTokenCacheStore(): TokenCacheStore & { blobs: Map<string, Buffer> } {
  const blobs = new Map<string, Buffer>();
  const key = (t: string, u: string) => `${t}/${u}`.toLowerCase();
  return {
    blobs,
    async read(t, u) {
      return blobs.get(key(t, u));
    },
    async write(t, u, encrypted) {
      blobs.set(key(t, u), Buffer.from(encrypted));
    },
    async remove(t, u) {
      blobs.delete(key(t, u));
    },
  };
}

export interface GraphHarness {
  devtenant: DevTenant;
  http: TrustedHttp;
  tokens: GraphTokenProvider;
  cacheStore: ReturnType<typeof createMapTokenCacheStore>;
  gateway: SchedulingGateway;
  checkConnection: CheckConnection;
  createClient: GraphClientFactory;
  /** Another gateway over the same tokens, with other retry settings or another client factory. */
  gatewayWith(options: { retry?: GraphRetrySettings; createClient?: GraphClientFactory }): SchedulingGateway;
  control(path: string, body?: unknown): Promise<unknown>;
  /** Graph requests devtenant counted per mailbox (lower-case user id) since the last reset. */
  mailboxRequests(userId: string): Promise<number>;
  resetCounters(): Promise<void>;
  /** The caller as Confer's API sees them after validating their Teams SSO token. */
  identity(alias: Alias): Promise<Identity>;
  userActor(alias: Alias): Promise<GraphActor>;
  storedActor(alias: Alias): GraphActor;
  appActor: GraphActor;
  /** Raw Graph GET as the app (to check devtenant's state independently of the gateway). */
  graphGet(path: string): Promise<Record<string, unknown>>;
  close(): Promise<void>;
}

/** Test retries: devtenant's Retry-After values are honoured; no Retry-After waits only a moment. */
export const FAST_RETRY: GraphRetrySettings = { delaySeconds: 0, maxRetries: 10 };

export async function startGraphHarness(options: { retry?: GraphRetrySettings } = {}): Promise<GraphHarness> {
  const clientSecret = randomBytes(24).toString('base64url');
  const clock = forcedClock();
  const devtenant = await startDevTenant({
    port: 0,
    mode: 'test',
    ...(clock ? { clock } : {}),
    apps: [
      {
        clientId: CLIENT_ID,
        clientSecret,
        displayName: 'Confer',
        identifierUris: [APP_ID_URI],
        redirectUris: ['http://localhost:3978/'],
        exposedScopes: ['access_as_user'],
      },
    ],
  });
  const http = createTrustedHttp(devtenant.caPem);
  const logger = createLogger('silent');
  const cacheStore = createMapTokenCacheStore();
  const tokens = createMsalGraphTokenProvider({
    clientId: CLIENT_ID,
    clientSecret,
    tenantId: TENANT_ID,
    authority: `${devtenant.origin}/${TENANT_ID}`,
    authorityHost: new URL(devtenant.origin).host,
    graphResource: 'https://graph.microsoft.com',
    networkClient: createMsalNetworkClient(http.fetch),
    logger,
    tokenCache: { store: cacheStore, cipher: createTokenCacheCipher(randomBytes(32)) },
  });
  const factory = (retry: GraphRetrySettings) =>
    createGraphClientFactory({ baseUrl: devtenant.origin, dispatcher: http.dispatcher, retry });
  const createClient = factory(options.retry ?? FAST_RETRY);
  const gatewayWith = (o: { retry?: GraphRetrySettings; createClient?: GraphClientFactory }) =>
    createGraphSchedulingGateway({
      tokens,
      createClient: o.createClient ?? factory(o.retry ?? options.retry ?? FAST_RETRY),
      logger,
    });
  const control = async (path: string, body?: unknown) => {
    const response = await http.fetch(`${devtenant.origin}/_devtenant/${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = (await response.json()) as unknown;
    if (!response.ok) throw new Error(`devtenant control ${path}: ${response.status} ${JSON.stringify(json)}`);
    return json;
  };
  const identity = async (alias: Alias): Promise<Identity> => {
    const { token } = (await control('teams-sso-token', { userId: PEOPLE[alias], resource: APP_ID_URI })) as {
      token: string;
    };
    return {
      tenantId: TENANT_ID,
      userId: PEOPLE[alias],
      userPrincipalName: email(alias),
      name: alias,
      roles: [],
      rawToken: token,
    };
  };
  return {
    devtenant,
    http,
    tokens,
    cacheStore,
    gateway: gatewayWith({ createClient }),
    checkConnection: createConnectionProbe({ tokens, createClient }),
    createClient,
    gatewayWith,
    control,
    async mailboxRequests(userId) {
      const snapshot = (await control('counters')) as { mailboxes: Record<string, { requests: number }> };
      return snapshot.mailboxes[userId.toLowerCase()]?.requests ?? 0;
    },
    async resetCounters() {
      await control('counters/reset', {});
    },
    identity,
    async userActor(alias) {
      return { kind: 'user', identity: await identity(alias) };
    },
    storedActor: (alias) => ({ kind: 'stored-user', tenantId: TENANT_ID, userId: PEOPLE[alias] }),
    appActor: { kind: 'app', tenantId: TENANT_ID },
    async graphGet(path) {
      const token = await tokens.forApp();
      const response = await http.fetch(`${devtenant.origin}/v1.0${path}`, {
        headers: { authorization: `Bearer ${token}`, prefer: 'outlook.timezone="UTC"' },
      });
      if (!response.ok) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
      return (await response.json()) as Record<string, unknown>;
    },
    async close() {
      await devtenant.close();
      await http.dispatcher?.close();
    },
  };
}

/** A Monday at 00:00 UTC a couple of weeks after devtenant's clock, so seeded calendars surround it. */
export function nextWeek(devtenant: DevTenant, weeksAhead = 2): Date {
  const now = devtenant.clock.now();
  const day = now.getUTCDay();
  const monday = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + ((8 - day) % 7 || 7)));
  return new Date(monday.getTime() + (weeksAhead - 1) * 7 * 86_400_000);
}

export function at(base: Date, days: number, hoursUtc: number, minutes = 0): Date {
  return new Date(base.getTime() + days * 86_400_000 + hoursUtc * 3_600_000 + minutes * 60_000);
}

/** The AppError code a call fails with, or `resolved` when it succeeds (any other error is rethrown). */
export async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'resolved';
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
}
