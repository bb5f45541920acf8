import express, { type Express, type Router } from 'express';
import { createBatchRoutes } from '../batch/batch-routes.ts';
import type { LoopbackClient } from '../batch/loopback-client.ts';
import {
  createTokenServiceControl,
  createTokenServiceRoutes,
  type TokenServiceDeps,
} from '../bot-token-service/index.ts';
import { createControlRoutes } from '../control/control-routes.ts';
import { createMailboxSettingsRoutes } from '../directory/mailbox-settings-routes.ts';
import { createUserRoutes } from '../directory/user-routes.ts';
import { createAdminConsentEndpoint } from '../identity/admin-consent-endpoint.ts';
import { createAuthorizeEndpoint } from '../identity/authorize-endpoint.ts';
import { createDiscoveryRoutes } from '../identity/discovery-routes.ts';
import { createTokenEndpoint } from '../identity/token-endpoint.ts';
import { createSendMailRoutes } from '../mail/send-mail-routes.ts';
import { cors, redirectOrigins } from './cors.ts';
import { type ErrorLog, graphErrorMiddleware, graphNotFound, rootNotFound } from './graph-errors.ts';
import { graphTraffic } from './graph-traffic.ts';
import { requireLoopbackHost } from './host-check.ts';
import type { DevTenantMode } from './options.ts';
import { assignRequestIds } from './request-ids.ts';
import type { Tenant } from './tenant.ts';

export interface AppDeps {
  tenant: Tenant;
  mode: DevTenantMode;
  log: ErrorLog;
  loopback: LoopbackClient;
  monotonicNow: () => number;
  /** The Bot Framework user-token service for the bot's sign-in from chat. */
  tokenService?: TokenServiceDeps;
}

/** Graph's request size limit is 4 MB. */
const GRAPH_BODY_LIMIT = '4mb';

/** One HTTPS origin: Entra (`/{tenant}/...`), Graph (`/v1.0/...`), and the control API (`/_devtenant/...`). */
export function createApp(deps: AppDeps): Express {
  const { tenant } = deps;
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use(assignRequestIds);
  app.use(requireLoopbackHost(tenant.clock));
  app.use(cors(() => redirectOrigins(tenant.apps.list())));
  if (deps.mode !== 'off') {
    if (deps.tokenService) app.use('/_devtenant', express.json(), createTokenServiceControl(deps.tokenService));
    app.use(
      '/_devtenant',
      createControlRoutes({
        tenant,
        mode: deps.mode,
        monotonicNow: deps.monotonicNow,
      }),
    );
  }
  app.use('/v1.0', createGraphRouter(deps));
  app.use(createDiscoveryRoutes(tenant.identity));
  app.use(createTokenEndpoint(tenant.identity));
  app.use(createAuthorizeEndpoint(tenant.identity));
  app.use(createAdminConsentEndpoint(tenant.identity));
  if (deps.tokenService) app.use(createTokenServiceRoutes(deps.tokenService));
  app.use(rootNotFound(tenant.clock));
  app.use(graphErrorMiddleware(tenant.clock, deps.log));
  return app;
}

function createGraphRouter(deps: AppDeps): Router {
  const { tenant } = deps;
  const router = express.Router();
  router.use(express.json({ limit: GRAPH_BODY_LIMIT, type: ['application/json', 'application/*+json'] }));
  router.use(
    graphTraffic({
      clock: tenant.clock,
      auth: tenant.auth,
      directory: tenant.directory,
      throttle: tenant.throttle,
      faults: tenant.faults,
      counters: tenant.counters,
      isInnerBatchRequest: (req) => req.get(deps.loopback.marker.name) === deps.loopback.marker.value,
    }),
  );
  router.use(createBatchRoutes({ auth: tenant.auth, loopback: deps.loopback }));
  router.use(createUserRoutes({ origin: tenant.origin, auth: tenant.auth, directory: tenant.directory }));
  router.use(createMailboxSettingsRoutes({ origin: tenant.origin, clock: tenant.clock, auth: tenant.auth }));
  router.use(createSendMailRoutes({ clock: tenant.clock, auth: tenant.auth, outbox: tenant.outbox }));
  for (const feature of tenant.features.values()) router.use(feature.router);
  router.use(graphNotFound(tenant.clock));
  router.use(graphErrorMiddleware(tenant.clock, deps.log));
  return router;
}
