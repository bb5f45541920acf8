import { Router } from 'express';
import type { CalendarGateway } from '../../ports/calendar-gateway.ts';
import type { Clock } from '../../ports/clock.ts';
import type { TokenValidator } from '../../ports/identity.ts';
import { getMyWeek } from '../../use-cases/get-my-week.ts';
import { authenticate, identityOf } from '../authenticate.ts';

export function meRoutes(deps: { tokens: TokenValidator; calendar: CalendarGateway; clock: Clock }): Router {
  const router = Router();
  router.use(authenticate(deps.tokens));
  router.get('/week', async (req, res) => {
    res.setHeader('cache-control', 'no-store');
    res.json(await getMyWeek(deps, identityOf(req)));
  });
  return router;
}
