import type { RuntimeConfig } from '@confer/contracts';
import { Router } from 'express';
import type { Config } from '../../config/config.ts';

/**
 * Unauthenticated endpoints: liveness and readiness for probes, and the public sign-in settings the tab needs.
 * `/health` answers while the process runs (restart it when it does not); `/ready` answers 200 only while it can
 * serve — its database answers and it is not stopping — so a load balancer sends it requests only then.
 */
export function publicRoutes(config: Readonly<Config>, version: string, ready?: () => Promise<boolean>): Router {
  const router = Router();
  router.get('/health', (_req, res) => {
    res.setHeader('cache-control', 'no-store');
    res.json({ status: 'ok', version });
  });
  router.get('/ready', async (_req, res) => {
    res.setHeader('cache-control', 'no-store');
    const isReady = ready ? await ready().catch(() => false) : true;
    res.status(isReady ? 200 : 503).json({ status: isReady ? 'ready' : 'not_ready', version });
  });
  const runtime: RuntimeConfig = {
    clientId: config.clientId,
    authority: config.authority,
    authorityHost: new URL(config.authorityHost).host,
    apiScope: `${config.applicationIdUri}/access_as_user`,
    redirectUri: `${config.tabEndpoint}/auth-end.html`,
    devTenant: config.devTenantUrl !== null,
  };
  router.get('/config', (_req, res) => {
    res.json(runtime);
  });
  return router;
}
