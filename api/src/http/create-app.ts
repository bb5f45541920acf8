import { existsSync } from 'node:fs';
import express, { type Router } from 'express';
import type { Config } from '../config/config.ts';
import type { Logger } from '../logging/logger.ts';
import type { CalendarGateway } from '../ports/calendar-gateway.ts';
import type { Clock } from '../ports/clock.ts';
import type { TeamsSsoEmulator } from '../ports/dev-host.ts';
import type { DirectoryGateway } from '../ports/directory.ts';
import type { TokenValidator } from '../ports/identity.ts';
import { errorHandler, notFound } from './error-handler.ts';
import { requestContext } from './request-context.ts';
import { devHostRoutes } from './routes/dev-host-routes.ts';
import { meRoutes } from './routes/me-routes.ts';
import { publicRoutes } from './routes/public-routes.ts';

export interface AppDeps {
  config: Readonly<Config>;
  version: string;
  logger: Logger;
  clock: Clock;
  tokens: TokenValidator;
  calendar: CalendarGateway;
  directory: DirectoryGateway;
  /** Only when configured against devtenant: the Teams-host emulation page and its endpoints. */
  teamsSsoEmulator: TeamsSsoEmulator | null;
  /** The bot endpoint (Microsoft 365 Agents SDK), mounted at /api/messages. */
  botRouter: Router;
  /** Built tab assets (tab/dist); absent in API-only tests. */
  tabDir: string | null;
}

/** The one Express app: REST API, bot endpoint, built tab, and (devtenant only) the Teams-host emulation. */
export function createApp(deps: AppDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', false);
  app.use(requestContext(deps.logger));
  app.use('/api/messages', deps.botRouter);
  app.use('/api', express.json({ limit: '100kb' }));
  app.use('/api', publicRoutes(deps.config, deps.version));
  app.use('/api/me', meRoutes(deps));
  app.use('/api', notFound());
  if (deps.teamsSsoEmulator) {
    app.use(
      '/dev/api',
      express.json({ limit: '10kb' }),
      devHostRoutes({ directory: deps.directory, sso: deps.teamsSsoEmulator }),
    );
    app.use('/dev/api', notFound());
  } else {
    // The emulation page is built with the tab but must never be reachable against a real tenant.
    app.use('/dev', notFound());
  }
  if (deps.tabDir && existsSync(deps.tabDir)) {
    app.use(express.static(deps.tabDir, { index: 'index.html', fallthrough: true, maxAge: 0 }));
  }
  app.use(notFound());
  app.use(errorHandler());
  return app;
}
