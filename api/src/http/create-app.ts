import { existsSync } from 'node:fs';
import express, { type Router } from 'express';
import type { Config } from '../config/config.ts';
import type { Logger } from '../logging/logger.ts';
import type { CalendarGateway } from '../ports/calendar-gateway.ts';
import type { Clock } from '../ports/clock.ts';
import type { TeamsSsoEmulator } from '../ports/dev-host.ts';
import type { DirectoryGateway } from '../ports/directory.ts';
import type { TokenValidator } from '../ports/identity.ts';
import type { SharedWindowCounter } from '../ports/replica-coordination.ts';
import type { AdminDeps } from '../use-cases/admin/admin-settings.ts';
import type { ConnectionDeps } from '../use-cases/connection/my-connection.ts';
import type { GuestDeps } from '../use-cases/guest/guest-deps.ts';
import type { SchedulingDeps } from '../use-cases/scheduling/scheduling-deps.ts';
import { authenticate } from './authenticate.ts';
import { limitAllBotTraffic } from './bot-rate-limit.ts';
import { refuseDevPaths } from './dev-path-guard.ts';
import { errorHandler, notFound } from './error-handler.ts';
import { requireKnownHost } from './host-check.ts';
import { buildOpenApiDocument } from './openapi.ts';
import { rateLimitPerUser } from './rate-limit.ts';
import { requestContext } from './request-context.ts';
import { adminRoutes } from './routes/admin-routes.ts';
import { connectionRoutes } from './routes/connection-routes.ts';
import { consentReturnRoutes } from './routes/consent-return-routes.ts';
import { devHostRoutes } from './routes/dev-host-routes.ts';
import { type FollowThroughRouteDeps, followThroughRoutes } from './routes/follow-through-routes.ts';
import { type GraphNotificationDeps, graphNotificationRoutes } from './routes/graph-notification-routes.ts';
import { guestLinkRoutes } from './routes/guest-link-routes.ts';
import { type GuestPageOptions, guestPageRoutes } from './routes/guest-page-routes.ts';
import { meRoutes } from './routes/me-routes.ts';
import { meetingRoutes } from './routes/meeting-routes.ts';
import { publicRoutes } from './routes/public-routes.ts';
import { schedulingRoutes } from './routes/scheduling-routes.ts';
import { securityHeaders } from './security-headers.ts';

export interface AppDeps {
  config: Readonly<Config>;
  version: string;
  logger: Logger;
  clock: Clock;
  tokens: TokenValidator;
  calendar: CalendarGateway;
  /** The demo people list of the Teams-host emulation (app permission). */
  directory: Pick<DirectoryGateway, 'listPeople'>;
  /** Only when configured against devtenant: the Teams-host emulation page and its endpoints. */
  teamsSsoEmulator: TeamsSsoEmulator | null;
  /** The bot endpoint (Microsoft 365 Agents SDK), mounted at /api/messages. */
  botRouter: Router;
  /** Built tab assets (tab/dist); absent in API-only tests. */
  tabDir: string | null;
  /** The scheduling core; absent only in tests of the identity layer. */
  scheduling?: SchedulingDeps;
  /** The signed-in person's connection and preferences; absent only in tests of the identity layer. */
  connection?: ConnectionDeps;
  /** The tenant's settings and audit log for admins (the Confer.Admin role); absent only in tests of other layers. */
  admin?: AdminDeps;
  /** Per-user API requests per minute. */
  rateLimitPerMinute?: number;
  /** Per-user counts shared by every replica (PostgreSQL); without it, counted in this process. */
  sharedRateCounter?: (limit: number, windowMs: number) => SharedWindowCounter;
  /** Whether this process can serve (its database answers): `/api/ready` for the load balancer. */
  ready?: () => Promise<boolean>;
  /** Bot activities per minute across all senders (default BOT_GLOBAL_PER_MINUTE). */
  botRateLimitPerMinute?: number;
  /** Attendance, pairs and rhythms (`/api/meetings/{id}/attendance`, `/api/cadence`, …); absent in tests that need none. */
  followThrough?: FollowThroughRouteDeps;
  /** Graph's change and lifecycle notifications, mounted at /api/graph; absent in tests that need none. */
  graphNotifications?: Omit<GraphNotificationDeps, 'clock'>;
  /** Guests outside the tenant picking a time through a signed link (docs/guest-links.md); absent in tests that need none. */
  guest?: GuestDeps & { page?: GuestPageOptions };
}

/** Generous for a person clicking through the picker; stops a runaway loop from burning the Graph budget. */
const DEFAULT_RATE_LIMIT_PER_MINUTE = 240;

/** The one Express app: REST API, bot endpoint, built tab, and (devtenant only) the Teams-host emulation. */
export function createApp(deps: AppDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', false);
  // No ETags on API answers: they are personal and change with calendars, the tab never revalidates them,
  // and hashing every body cost ~0.2 ms per availability answer (≈90 KB for 20 people). The built tab's
  // static files keep theirs (express.static sets its own).
  app.set('etag', false);
  app.use(requestContext(deps.logger));
  app.use(
    securityHeaders({
      authorityOrigin: new URL(deps.config.authorityHost).origin,
      tabEndpoint: deps.config.tabEndpoint,
      emulatedTeamsHost: deps.teamsSsoEmulator !== null,
    }),
  );
  app.use(requireKnownHost({ publicHost: deps.config.tabDomain, production: deps.config.production }));
  app.use(
    '/api/messages',
    limitAllBotTraffic({
      clock: deps.clock,
      ...(deps.botRateLimitPerMinute ? { perMinute: deps.botRateLimitPerMinute } : {}),
    }),
    deps.botRouter,
  );
  if (deps.graphNotifications) {
    // Graph calls these without a Confer token: they prove themselves by clientState instead, so they come
    // before the API's JSON parser, bearer-token check and per-user limit (graph-notification-routes.ts).
    app.use('/api/graph', graphNotificationRoutes({ ...deps.graphNotifications, clock: deps.clock }));
  }
  if (deps.admin?.consent) {
    // Entra sends the admin's browser here without a Confer token; the link's state is the credential.
    app.use('/admin/consent', consentReturnRoutes(deps.admin.consent));
  }
  if (deps.guest) {
    // A guest has no Confer account: the signed link in the path is the credential (guest-page-routes.ts).
    app.use('/guest', guestPageRoutes(deps.guest, deps.guest.page));
  }
  app.use('/api', express.json({ limit: '100kb' }));
  app.use('/api', publicRoutes(deps.config, deps.version, deps.ready));
  const openApi = buildOpenApiDocument(deps.version);
  app.get('/api/openapi.json', (_req, res) => {
    res.json(openApi);
  });
  app.use('/api', authenticate(deps.tokens));
  const limit = deps.rateLimitPerMinute ?? DEFAULT_RATE_LIMIT_PER_MINUTE;
  app.use(
    '/api',
    rateLimitPerUser({
      limit,
      windowMs: 60_000,
      clock: deps.clock,
      ...(deps.sharedRateCounter
        ? { shared: { counter: deps.sharedRateCounter(limit, 60_000), logger: deps.logger } }
        : {}),
    }),
  );
  app.use('/api/me', meRoutes({ ...deps, ...(deps.scheduling ? { tenants: deps.scheduling.tenants } : {}) }));
  if (deps.connection) app.use('/api/me', connectionRoutes(deps.connection));
  if (deps.admin) app.use('/api/admin', adminRoutes(deps.admin));
  // The meeting routes come before the routers mounted on /api itself, so a meeting read is not walked through
  // their routes first; a path they do not answer (such as /meetings/{id}/attendance) goes on to them.
  if (deps.guest) app.use('/api/meetings', guestLinkRoutes(deps.guest));
  if (deps.scheduling) app.use('/api/meetings', meetingRoutes(deps.scheduling));
  if (deps.followThrough) app.use('/api', followThroughRoutes(deps.followThrough));
  if (deps.scheduling) app.use('/api', schedulingRoutes(deps.scheduling));
  app.use('/api', notFound());
  if (deps.teamsSsoEmulator) {
    app.use(
      '/dev/api',
      express.json({ limit: '10kb' }),
      devHostRoutes({ directory: deps.directory, sso: deps.teamsSsoEmulator }),
    );
    app.use('/dev/api', notFound());
  } else {
    // The emulation page must never be reachable against a real tenant, however its path is spelled.
    app.use(refuseDevPaths());
  }
  if (deps.tabDir && existsSync(deps.tabDir)) {
    app.use(express.static(deps.tabDir, { index: 'index.html', fallthrough: true, maxAge: 0 }));
  }
  app.use(notFound());
  app.use(errorHandler());
  return app;
}
