import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { createLoopbackClient } from '../batch/loopback-client.ts';
import { createTokenServiceState, defaultConnections, withTokenServiceRedirect } from '../bot-token-service/index.ts';
import { loadSigningKey } from '../identity/signing-keys.ts';
import { createApp } from './app.ts';
import { createControllableClock } from './clock.ts';
import { attachFeatures } from './features.ts';
import type { DevTenant, DevTenantLogger, DevTenantOptions } from './options.ts';
import { createStatePersistence } from './state-file.ts';
import { createTenant } from './tenant.ts';
import { loadTlsMaterial } from './tls-material.ts';

const appSchema = z.object({
  clientId: z.string().uuid(),
  clientSecret: z.string().min(8),
  displayName: z.string().min(1),
  identifierUris: z.array(z.string().min(1)),
  redirectUris: z.array(z.string().url()),
  exposedScopes: z.array(z.string().min(1)),
});

const optionsSchema = z.object({
  port: z.number().int().min(0).max(65535).default(8443),
  host: z.string().min(1).default('127.0.0.1'),
  dataDir: z.string().min(1).optional(),
  persist: z.boolean().default(false),
  mode: z.enum(['test', 'demo', 'off']).default('demo'),
  apps: z.array(appSchema.passthrough()),
});

/** How often `npm start` saves changed demo state. */
const SAVE_INTERVAL_MS = 2000;

const stderrLogger: DevTenantLogger = {
  info: (message) => console.log(message),
  error: (message, details) => console.error(message, details),
};

/** Starts devtenant on one HTTPS origin. See devtenant/README.md for endpoints and the control API. */
export async function startDevTenant(options: DevTenantOptions): Promise<DevTenant> {
  const parsed = optionsSchema.safeParse(options);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Invalid devtenant option ${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''}`);
  }
  const settings = parsed.data;
  if (settings.persist && !settings.dataDir)
    throw new Error('Invalid devtenant option persist: persisting state needs a dataDir.');
  const log = options.logger ?? stderrLogger;
  const clock = options.clock ?? createControllableClock();
  const tls = await loadTlsMaterial(settings.dataDir);
  const server = createServer({ key: tls.keyPem, cert: tls.certPem });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(settings.port, settings.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const origin = `https://localhost:${port}`;
  try {
    const key = await loadSigningKey(settings.dataDir, `${origin}/{tenantid}/v2.0`);
    const connections = options.botConnections ?? defaultConnections(options.apps);
    const apps = withTokenServiceRedirect(options.apps, connections, origin);
    const tenant = createTenant({ origin, clock, key, apps });
    // Webhook URLs are the app's own plain http(s) endpoints, reached with the platform fetch.
    attachFeatures(tenant, globalThis.fetch);
    const persistence =
      settings.persist && settings.dataDir ? createStatePersistence(settings.dataDir, tenant, log) : undefined;
    await persistence?.load();
    persistence?.start(SAVE_INTERVAL_MS);
    // The bot token service's tokens, sign-ins and faults go back to nothing with the rest of the tenant.
    const tokenServiceState = createTokenServiceState();
    const resetTenant = tenant.reset.bind(tenant);
    tenant.reset = () => {
      resetTenant();
      tokenServiceState.reset();
    };
    const loopback = createLoopbackClient(() => ({ port, caPem: tls.caPem }));
    const app = createApp({
      tenant,
      mode: settings.mode,
      log,
      loopback,
      monotonicNow: () => performance.now(),
      tokenService: { identity: tenant.identity, state: tokenServiceState, connections },
    });
    server.on('request', app);
    return {
      origin,
      tenantId: tenant.tenantId,
      caPem: tls.caPem,
      spkiHash: tls.spkiHash,
      clock,
      async close() {
        tenant.hooks.close?.();
        await persistence?.stop();
        loopback.close();
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
      },
    };
  } catch (error) {
    server.close();
    throw error;
  }
}
