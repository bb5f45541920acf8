import { Router } from 'express';
import type { CalendarGateway } from '../../ports/calendar-gateway.ts';
import type { Clock } from '../../ports/clock.ts';
import type { TenantStore } from '../../ports/tenant-store.ts';
import { getMyWeek } from '../../use-cases/get-my-week.ts';
import { identityOf } from '../authenticate.ts';

/** Routes about the signed-in person (authenticated by the app before they run). */
export function meRoutes(deps: {
  calendar: CalendarGateway;
  clock: Clock;
  /**
   * Present with the scheduling core: a person who disconnected is not read until they connect again, nor
   * anyone while the organisation has switched the integration off.
   */
  tenants?: Pick<TenantStore, 'getUser' | 'getSettings'>;
}): Router {
  const router = Router();
  router.get('/week', async (req, res) => {
    res.setHeader('cache-control', 'no-store');
    res.json(await getMyWeek(deps, identityOf(req)));
  });
  return router;
}
