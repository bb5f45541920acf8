import { resolve } from 'node:path';
import { ADMIN_CONSENT_RETURN_PATH } from '@confer/contracts';
import { z } from 'zod';
import { CONFER_APP_ROLES, startDevTenant } from './index.ts';

/**
 * `npm start`'s devtenant: Confer's app registration from the Teams Toolkit env names, state kept in the data
 * folder across restarts. A missing or malformed variable stops start-up with a message naming it.
 */
const envSchema = z.object({
  DEVTENANT_PORT: z.coerce.number().int().min(0).max(65535).default(8443),
  DEVTENANT_HOST: z.string().min(1).default('127.0.0.1'),
  DEVTENANT_DATA_DIR: z.string().min(1).default('.data/devtenant'),
  DEVTENANT_MODE: z.enum(['test', 'demo', 'off']).default('demo'),
  AAD_APP_CLIENT_ID: z.string().uuid(),
  SECRET_AAD_APP_CLIENT_SECRET: z.string().min(8),
  TAB_ENDPOINT: z.string().url(),
  TAB_DOMAIN: z.string().regex(/^[a-z0-9.-]+(:\d+)?$/i, 'a host name with an optional port, e.g. localhost:3978'),
  /** The bot's app id: its single sign-on resource `api://{TAB_DOMAIN}/botid-{BOT_ID}` is exposed by Confer's app. */
  BOT_ID: z
    .string()
    .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12,13}$/i, 'a GUID')
    .optional(),
});

async function main(): Promise<void> {
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) console.error(`devtenant: ${issue.path.join('.')}: ${issue.message}`);
    process.exit(1);
  }
  const env = parsed.data;
  const tabEndpoint = env.TAB_ENDPOINT.replace(/\/+$/, '');
  // Signal handlers go in before anything is printed: a supervisor may stop us the moment it reads the origin.
  let stopRequested: string | undefined;
  let stopNow: ((signal: string) => void) | undefined;
  const onSignal = (signal: string) => {
    if (stopRequested) return;
    stopRequested = signal;
    stopNow?.(signal);
  };
  process.on('SIGINT', () => onSignal('SIGINT'));
  process.on('SIGTERM', () => onSignal('SIGTERM'));
  const tenant = await startDevTenant({
    port: env.DEVTENANT_PORT,
    host: env.DEVTENANT_HOST,
    dataDir: resolve(env.DEVTENANT_DATA_DIR),
    persist: true,
    mode: env.DEVTENANT_MODE,
    apps: [
      {
        clientId: env.AAD_APP_CLIENT_ID,
        clientSecret: env.SECRET_AAD_APP_CLIENT_SECRET,
        displayName: 'Confer',
        identifierUris: [
          `api://${env.TAB_DOMAIN}/${env.AAD_APP_CLIENT_ID}`,
          ...(env.BOT_ID ? [`api://${env.TAB_DOMAIN}/botid-${env.BOT_ID}`] : []),
        ],
        redirectUris: [`${tabEndpoint}/auth-end.html`, `${tabEndpoint}/`, `${tabEndpoint}${ADMIN_CONSENT_RETURN_PATH}`],
        exposedScopes: ['access_as_user'],
        appRoles: CONFER_APP_ROLES,
      },
    ],
  });
  stopNow = (signal) => {
    console.log(`devtenant: ${signal}, stopping`);
    // Let the event loop drain instead of process.exit(), so piped output is not cut off; a stuck handle
    // still cannot keep the process alive for more than a few seconds.
    setTimeout(() => process.exit(process.exitCode ?? 0), 5000).unref();
    tenant.close().then(
      () => {
        process.exitCode = 0;
      },
      (error: unknown) => {
        console.error('devtenant: failed to stop cleanly', error);
        process.exitCode = 1;
      },
    );
  };
  if (stopRequested) {
    stopNow(stopRequested);
    return;
  }
  console.log(`devtenant: ${tenant.origin} (tenant ${tenant.tenantId}, mode ${env.DEVTENANT_MODE})`);
}

main().catch((error: unknown) => {
  console.error('devtenant: could not start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
