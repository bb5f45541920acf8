import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ADMIN_CONSENT_RETURN_PATH, LOCAL_CLIENT_ID, LOCAL_TENANT_ID } from '@confer/contracts';
import { createTrustedHttp } from '../../api/src/adapters/http/trusted-fetch.ts';
import type { StoreAdapters } from '../../api/src/adapters/store-adapters.ts';
import { type ComposedApp, composeApp } from '../../api/src/compose.ts';
import { parseConfig } from '../../api/src/config/config.ts';
import { createLogger } from '../../api/src/logging/logger.ts';
import {
  CONFER_APP_ROLES,
  type ControllableClock,
  createControllableClock,
  type DevTenant,
  startDevTenant,
} from '../../devtenant/src/index.ts';
import { forcedNow } from './forced-now.ts';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const CLIENT_ID = LOCAL_CLIENT_ID;
export const TENANT_ID = LOCAL_TENANT_ID;
export const PEOPLE = {
  alex: { id: '00000000-0000-0000-0000-0000000000020', name: 'Alex Wilber' },
  megan: { id: '00000000-0000-0000-0000-0000000000021', name: 'Megan Bowen' },
  adele: { id: '00000000-0000-0000-0000-0000000000022', name: 'Adele Vance' },
  isaiah: { id: '00000000-0000-0000-0000-0000000000023', name: 'Isaiah Langer' },
  patti: { id: '00000000-0000-0000-0000-0000000000024', name: 'Patti Fernandez' },
  lynne: { id: '00000000-0000-0000-0000-0000000000025', name: 'Lynne Robbins' },
} as const;

export interface StackOptions {
  clock?: ControllableClock;
  /** Built tab assets; defaults to tab/dist (built by `npm test` before the suite runs). */
  tabDir?: string | null;
  /** Keep the SQLite file in this folder (to restart the app on the same data); default a fresh temp folder. */
  dataDir?: string;
  logLevel?: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  /** The tenant's connection mode when it has not chosen one (default per-user). */
  connectionMode?: 'user' | 'tenant';
  /** More configuration variables (they win), e.g. the bot's identity and where its token keys are published. */
  env?: Record<string, string>;
  /** Stores over another database (PostgreSQL) instead of the SQLite file. */
  adapters?: StoreAdapters;
}

export interface Stack {
  /** `http://localhost:<port>`: the app (API, bot at /api/messages, tab, dev host page). */
  appUrl: string;
  devtenant: DevTenant & {
    url: string;
    /** Calls devtenant's control API (`/_devtenant/<path>`), trusting its certificate explicitly. */
    control(path: string, body?: unknown, method?: string): Promise<Response>;
  };
  /** A fetch that trusts devtenant's certificate (for raw Graph/Entra calls from tests). */
  trustedFetch: typeof fetch;
  /** The token Teams SSO would give the tab for this user (audience Confer, scope access_as_user). */
  tabTokenFor(userId: string): Promise<string>;
  /** An application (client credentials) Graph token for Confer, straight from devtenant's token endpoint. */
  appGraphToken(): Promise<string>;
  clientSecret: string;
  composed: ComposedApp;
  /** The app's configuration and SQLite file, to compose a second app instance as a restart would. */
  config: ReturnType<typeof parseConfig>;
  databaseFile: string;
  stop(): Promise<void>;
}

/** The clock a test harness starts devtenant with when its test brings none: forced, or devtenant's own. */
export function forcedClock(): ControllableClock | undefined {
  const at = forcedNow();
  return at ? createControllableClock(at) : undefined;
}

/** devtenant + the app, in-process on free ports, wired exactly as `npm start` wires them. */
export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const port = (server.address() as AddressInfo).port;
  const appUrl = `http://localhost:${port}`;
  const clientSecret = randomBytes(24).toString('base64url');
  const clock = options.clock ?? forcedClock();
  const devtenant = await startDevTenant({
    port: 0,
    mode: 'test',
    ...(clock ? { clock } : {}),
    apps: [
      {
        clientId: CLIENT_ID,
        clientSecret,
        displayName: 'Confer',
        identifierUris: [`api://localhost:${port}/${CLIENT_ID}`],
        redirectUris: [`${appUrl}/auth-end.html`, `${appUrl}/`, `${appUrl}${ADMIN_CONSENT_RETURN_PATH}`],
        exposedScopes: ['access_as_user'],
        appRoles: CONFER_APP_ROLES,
      },
    ],
  });
  const config = parseConfig({
    NODE_ENV: 'test',
    PORT: String(port),
    AAD_APP_CLIENT_ID: CLIENT_ID,
    SECRET_AAD_APP_CLIENT_SECRET: clientSecret,
    AAD_APP_TENANT_ID: TENANT_ID,
    AAD_APP_OAUTH_AUTHORITY_HOST: devtenant.origin,
    TAB_ENDPOINT: appUrl,
    TAB_DOMAIN: `localhost:${port}`,
    GRAPH_BASE_URL: devtenant.origin,
    DEVTENANT_URL: devtenant.origin,
    CONFER_CONNECTION_MODE: options.connectionMode ?? 'user',
    CONFER_TOKEN_CACHE_KEY: randomBytes(32).toString('base64'),
    // devtenant's user-token service; used only when a test names an OAuth connection (BOT_OAUTH_CONNECTION).
    BOT_TOKEN_SERVICE_URL: devtenant.origin,
    ...options.env,
  });
  const ownDataDir = options.dataDir ? null : mkdtempSync(join(tmpdir(), 'confer-stack-'));
  const dataDir = options.dataDir ?? (ownDataDir as string);
  const databaseFile = join(dataDir, 'confer.db');
  const composed = composeApp({
    config,
    logger: createLogger(options.logLevel ?? 'silent'),
    clock: devtenant.clock,
    version: 'test',
    trustedCaPem: devtenant.caPem,
    ...(options.adapters ? { adapters: options.adapters } : { databaseFile }),
    tabDir: options.tabDir === undefined ? join(repoRoot, 'tab', 'dist') : options.tabDir,
  });
  server.on('request', composed.app);
  const trusted = createTrustedHttp(devtenant.caPem);
  const control = (path: string, body?: unknown, method?: string) =>
    trusted.fetch(`${devtenant.origin}/_devtenant/${path.replace(/^\//, '')}`, {
      method: method ?? (body === undefined ? 'GET' : 'POST'),
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  return {
    appUrl,
    devtenant: Object.assign(devtenant, { url: devtenant.origin, control }),
    trustedFetch: trusted.fetch,
    async tabTokenFor(userId) {
      const response = await control('teams-sso-token', { userId, resource: config.applicationIdUri });
      if (!response.ok) throw new Error(`devtenant refused a tab token for ${userId}: ${response.status}`);
      return ((await response.json()) as { token: string }).token;
    },
    async appGraphToken() {
      const response = await trusted.fetch(`${devtenant.origin}/${TENANT_ID}/oauth2/v2.0/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'client_credentials',
          client_id: CLIENT_ID,
          client_secret: clientSecret,
          scope: 'https://graph.microsoft.com/.default',
        }),
      });
      if (!response.ok) throw new Error(`devtenant refused an app token: ${response.status}`);
      return ((await response.json()) as { access_token: string }).access_token;
    },
    clientSecret,
    composed,
    config,
    databaseFile,
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
      await composed.close();
      await devtenant.close();
      await trusted.dispatcher?.close();
      if (ownDataDir) rmSync(ownDataDir, { recursive: true, force: true });
    },
  };
}
