import { LOCAL_CLIENT_ID, LOCAL_TENANT_ID } from '@confer/contracts';
import { Router } from 'express';
import { createEntraTokenValidator } from '../adapters/entra/entra-token-validator.ts';
import { parseConfig } from '../config/config.ts';
import type { AppDeps } from '../http/create-app.ts';
import { createLogger } from '../logging/logger.ts';
import type { CalendarGateway } from '../ports/calendar-gateway.ts';
import { systemClock } from '../ports/clock.ts';
import type { createTokenFactory } from './token-factory.ts';

/** The configuration API tests run the app with: the local tenant's ids, hosts that are never called. */
export const TEST_API_CONFIG = parseConfig({
  NODE_ENV: 'test',
  AAD_APP_CLIENT_ID: LOCAL_CLIENT_ID,
  SECRET_AAD_APP_CLIENT_SECRET: 'unused',
  AAD_APP_TENANT_ID: LOCAL_TENANT_ID,
  AAD_APP_OAUTH_AUTHORITY_HOST: 'https://login.example.test',
  TAB_ENDPOINT: 'http://localhost:3978',
  TAB_DOMAIN: 'localhost:3978',
  GRAPH_BASE_URL: 'https://graph.example.test',
});

/**
 * What every API test app shares: the real token validator over the test token factory's keys (tokens carry real
 * issue times, so it reads the system clock), a fake calendar, no bot, no tab. Tests add the parts they exercise.
 */
export function apiTestAppDeps(
  tokens: Awaited<ReturnType<typeof createTokenFactory>>,
  calendar: CalendarGateway,
): AppDeps {
  const config = TEST_API_CONFIG;
  return {
    config,
    version: 'test',
    logger: createLogger('silent'),
    clock: systemClock,
    tokens: createEntraTokenValidator({
      keys: tokens.keys,
      issuer: config.issuer,
      tenantId: config.tenantId,
      clientId: config.clientId,
      applicationIdUri: config.applicationIdUri,
      requiredScope: 'access_as_user',
      clock: systemClock,
    }),
    calendar,
    directory: { listPeople: async () => [] },
    rateLimitPerMinute: 1_000,
    teamsSsoEmulator: null,
    botRouter: Router(),
    tabDir: null,
  };
}
