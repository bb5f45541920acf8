import { incidentQuerySchema } from '@confer/contracts';
import { type Response, Router } from 'express';
import type { Admin } from '../../use-cases/admin/admin-settings.ts';
import { type IncidentListDeps, listIncidents } from '../../use-cases/incidents/list-incidents.ts';
import { parseInput } from '../validate.ts';

/** `/api/admin/incidents`: mounted behind the admin guard of admin-routes.ts, which sets `res.locals.admin`. */
export function adminIncidentRoutes(deps: IncidentListDeps): Router {
  const router = Router();
  router.get('/', async (req, res: Response) => {
    const query = parseInput(incidentQuerySchema, req.query, 'query');
    res.json({ incidents: await listIncidents(deps, res.locals.admin as Admin, query) });
  });
  return router;
}
