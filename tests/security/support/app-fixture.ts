import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ADMIN_CONSENT_RETURN_PATH, LOCAL_CLIENT_ID, LOCAL_TENANT_ID } from '@confer/contracts';
import { Router as createRouter, type Router } from 'express';
import { createMemoryAdminConsentStore } from '../../../api/src/adapters/memory/memory-admin-consent-store.ts';
import { createMemoryStores } from '../../../api/src/adapters/memory/memory-stores.ts';
import { parseConfig } from '../../../api/src/config/config.ts';
import { AppError } from '../../../api/src/domain/app-error.ts';
import { createApp } from '../../../api/src/http/create-app.ts';
import { createLogger } from '../../../api/src/logging/logger.ts';
import type { Clock } from '../../../api/src/ports/clock.ts';
import { createFakeCalendarGateway } from '../../../api/src/test-support/fake-calendar-gateway.ts';
import { listen } from '../../../api/src/test-support/test-server.ts';

/** What the fixture's built tab holds: the emulation page is there, as in a local-tenant build. */
export const TAB_FILES = {
  'index.html': '<!doctype html><title>Confer</title><p>the tab</p>',
  'devices.html': '<!doctype html><p>a page whose name starts with dev</p>',
  'dev/teams-host.html': '<!doctype html><p>Teams host emulation</p>',
} as const;

/** A built-tab folder holding TAB_FILES; the caller removes it. */
export function writeTabFixture(): string {
  const tabDir = mkdtempSync(join(tmpdir(), 'confer-tab-'));
  for (const [path, content] of Object.entries(TAB_FILES)) {
    mkdirSync(join(tabDir, path, '..'), { recursive: true });
    writeFileSync(join(tabDir, path), content);
  }
  return tabDir;
}

/** Confer's settings for a real tenant in production, served at confer.contoso.com. */
export const PRODUCTION_ENV = {
  NODE_ENV: 'production',
  AAD_APP_CLIENT_ID: LOCAL_CLIENT_ID,
  SECRET_AAD_APP_CLIENT_SECRET: 'unused-in-these-tests',
  AAD_APP_TENANT_ID: LOCAL_TENANT_ID,
  AAD_APP_OAUTH_AUTHORITY_HOST: 'https://login.microsoftonline.com',
  TAB_ENDPOINT: 'https://confer.contoso.com',
  TAB_DOMAIN: 'confer.contoso.com',
  GRAPH_BASE_URL: 'https://graph.microsoft.com',
  CONFER_TOKEN_CACHE_KEY: Buffer.alloc(32, 7).toString('base64'),
} as const;

/** The same app run on a developer's machine (plain http on localhost), without the Teams-host emulation. */
export const LOCAL_ENV = {
  ...PRODUCTION_ENV,
  NODE_ENV: 'development',
  TAB_ENDPOINT: 'http://localhost:3978',
  TAB_DOMAIN: 'localhost:3978',
} as const;

export interface AppFixture {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** The real createApp with the tab fixture and a bot endpoint that answers 200, on 127.0.0.1 and a free port. */
export async function startApp(
  env: Record<string, string>,
  options: { clock?: Clock; botRateLimitPerMinute?: number; botRouter?: Router } = {},
): Promise<AppFixture> {
  const tabDir = writeTabFixture();
  const bot = createRouter();
  bot.post('/', (_req, res) => {
    res.json({ handled: true });
  });
  const config = parseConfig(env);
  const clock = options.clock ?? { now: () => new Date() };
  const stores = createMemoryStores();
  const app = createApp({
    config,
    version: 'test',
    logger: createLogger('silent'),
    clock,
    tokens: {
      validate: async () => {
        throw new AppError('token_invalid', 'No tokens in these tests.');
      },
    },
    calendar: createFakeCalendarGateway({ profiles: {}, entries: {} }),
    directory: { listPeople: async () => [] },
    teamsSsoEmulator: null,
    botRouter: options.botRouter ?? bot,
    tabDir,
    ...(options.botRateLimitPerMinute ? { botRateLimitPerMinute: options.botRateLimitPerMinute } : {}),
    // The admin API (refused here: no token validates) and the public admin consent return page.
    admin: {
      clock,
      tenants: stores.tenants,
      audit: stores.audit,
      defaultConnectionMode: 'user',
      consent: {
        clock,
        store: createMemoryAdminConsentStore(),
        audit: stores.audit,
        logger: createLogger('silent'),
        authority: config.authority,
        clientId: config.clientId,
        redirectUri: `${config.tabEndpoint}${ADMIN_CONSENT_RETURN_PATH}`,
        tenantId: config.tenantId,
        adminPageUrl: `${config.tabEndpoint}/#/admin`,
      },
    },
  });
  const server = await listen(app);
  return {
    url: server.url,
    port: Number(new URL(server.url).port),
    async close() {
      await server.close();
      rmSync(tabDir, { recursive: true, force: true });
    },
  };
}

/** A Content-Security-Policy as directive name → its sources. */
export function directivesOf(policy: string | string[] | undefined): Map<string, string[]> {
  const text = Array.isArray(policy) ? policy.join(';') : (policy ?? '');
  const directives = new Map<string, string[]>();
  for (const part of text.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}
