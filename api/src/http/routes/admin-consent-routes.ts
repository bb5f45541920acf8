import { type Request, type Response, Router } from 'express';
import { z } from 'zod';
import { type AdminConsentDeps, createConsentLink, getConsentStatus } from '../../use-cases/admin/admin-consent.ts';
import type { Admin } from '../../use-cases/admin/admin-settings.ts';
import { parseInput } from '../validate.ts';

/** A consent link takes no input: an empty body or `{}`, anything else is refused. */
const noInput = z.strictObject({});

/**
 * Admin consent in the admin API (mounted behind the admin guard in admin-routes.ts): a fresh link to Entra's
 * adminconsent endpoint, and the latest outcome the return page recorded (docs/reference/teams-platform.md §10).
 */
export function adminConsentRoutes(deps: AdminConsentDeps): Router {
  const router = Router();
  const adminOf = (res: Response) => res.locals.admin as Admin;
  router.post('/consent-link', async (req: Request, res: Response) => {
    parseInput(noInput, req.body ?? {});
    res.status(201).json(await createConsentLink(deps, adminOf(res)));
  });
  router.get('/consent', async (_req: Request, res: Response) => {
    res.json(await getConsentStatus(deps, adminOf(res)));
  });
  return router;
}
