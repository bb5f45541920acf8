import { adminSettingsSchema, peopleNamesQuerySchema } from '@confer/contracts';
import { type NextFunction, type Request, type Response, Router } from 'express';
import { isAppError, toHttpStatus } from '../../domain/app-error.ts';
import {
  type Admin,
  type AdminDeps,
  getAdminSettings,
  requireAdmin,
  saveAdminSettings,
} from '../../use-cases/admin/admin-settings.ts';
import { namePeople } from '../../use-cases/admin/people-names.ts';
import { identityOf } from '../authenticate.ts';
import { parseInput } from '../validate.ts';
import { adminAccessTestRoutes } from './admin-access-test-routes.ts';
import { adminConsentRoutes } from './admin-consent-routes.ts';
import { adminHealthRoutes } from './admin-health-routes.ts';
import { adminIncidentRoutes } from './admin-incident-routes.ts';
import { adminMeetingTypeRoutes } from './admin-meeting-type-routes.ts';

/** The admin center's API: the tenant's settings and audit log, for holders of the Confer.Admin role only. */
export function adminRoutes(deps: AdminDeps): Router {
  const router = Router();
  // Every admin path, known or not, passes the guard first: a non-admin learns nothing and is audited.
  router.use(async (req: Request, res: Response, next: NextFunction) => {
    const path = `${req.baseUrl}${req.path}`;
    res.locals.admin = await requireAdmin(deps, identityOf(req), { method: req.method, path });
    next();
  });
  const adminOf = (res: Response) => res.locals.admin as Admin;
  router.get('/settings', async (_req, res) => {
    res.json(await getAdminSettings(deps, adminOf(res)));
  });
  router.put('/settings', async (req, res) => {
    res.json(await saveAdminSettings(deps, adminOf(res), parseInput(adminSettingsSchema, req.body)));
  });
  const people = deps.people;
  if (people) {
    router.get('/people', async (req, res) => {
      const { ids } = parseInput(peopleNamesQuerySchema, req.query, 'query');
      res.json({ people: await namePeople(people, adminOf(res), ids) });
    });
  }
  if (deps.incidents) router.use('/incidents', adminIncidentRoutes({ incidents: deps.incidents }));
  router.use(adminHealthRoutes(deps));
  if (deps.consent) router.use(adminConsentRoutes(deps.consent));
  if (deps.accessTests) router.use('/access-tests', adminAccessTestRoutes(deps.accessTests));
  const meetingTypes = deps.meetingTypes;
  if (meetingTypes) router.use(adminMeetingTypeRoutes({ ...deps, meetingTypes }));
  // An admin's change that is refused (bad input, one already running, …) is audited as well as answered: who tried
  // what, and the code it was refused with. Reads change nothing and are not recorded.
  router.use(async (error: unknown, req: Request, res: Response, next: NextFunction) => {
    const admin = res.locals.admin as Admin | undefined;
    if (admin && req.method !== 'GET' && isAppError(error) && toHttpStatus(error.code) < 500) {
      const path = `${req.baseUrl}${req.path}`;
      try {
        await deps.audit.append({
          tenantId: admin.tenantId,
          at: deps.clock.now(),
          actorId: admin.userId,
          action: 'admin.change_refused',
          target: path,
          details: { method: req.method, path, code: error.code },
        });
      } catch (auditError) {
        req.context?.logger.error('could not audit a refused admin change', { error: auditError });
      }
    }
    next(error);
  });
  return router;
}
