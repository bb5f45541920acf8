import type { RuntimeConfig } from '@confer/contracts';
import { Router } from 'express';
import type { Config } from '../../config/config.ts';

/** Unauthenticated endpoints: health for probes, and the public sign-in settings the tab needs. */
export function publicRoutes(config: Readonly<Config>, version: string): Router {
  const router = Router();
  router.get('/health', (_req, res) => {
    res.setHeader('cache-control', 'no-store');
    res.json({ status: 'ok', version });
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
