import type { MeDto } from '@confer/contracts';
import { Router } from 'express';
import type { CalendarGateway } from '../../ports/calendar-gateway.ts';
import type { Clock } from '../../ports/clock.ts';
import type { TenantStore } from '../../ports/tenant-store.ts';
import { isAdmin } from '../../use-cases/admin/admin-settings.ts';
import { getMyTimeZone } from '../../use-cases/get-my-time-zone.ts';
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
  // Who the token says is signing in; the tab shows the admin pages only to holders of the admin role.
  router.get('/', (req, res) => {
    const identity = identityOf(req);
    res.setHeader('cache-control', 'no-store');
    const me: MeDto = { userId: identity.userId, displayName: identity.name, isAdmin: isAdmin(identity) };
    res.json(me);
  });
  router.get('/time-zone', async (req, res) => {
    res.setHeader('cache-control', 'no-store');
    res.json(await getMyTimeZone(deps, identityOf(req)));
  });
  router.get('/week', async (req, res) => {
    res.setHeader('cache-control', 'no-store');
    res.json(await getMyWeek(deps, identityOf(req)));
  });
  return router;
}
