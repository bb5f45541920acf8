import { accessTestRequestSchema } from '@confer/contracts';
import { type Response, Router } from 'express';
import { z } from 'zod';
import {
  type AccessTestDeps,
  getAccessTest,
  listAccessTests,
  runAccessTest,
} from '../../use-cases/admin/access-test.ts';
import type { Admin } from '../../use-cases/admin/admin-settings.ts';
import { parseInput } from '../validate.ts';

const idParams = z.strictObject({ id: z.string().min(1).max(64) });

/**
 * `/api/admin/access-tests`: run a test (one at a time per tenant), list the kept ones, read one. Mounted behind
 * the admin guard of admin-routes.ts, which leaves the admin in `res.locals.admin`.
 */
export function adminAccessTestRoutes(deps: AccessTestDeps): Router {
  const router = Router();
  const adminOf = (res: Response) => res.locals.admin as Admin;
  router.post('/', async (req, res) => {
    const request = parseInput(accessTestRequestSchema, req.body ?? {});
    res.status(201).json(await runAccessTest(deps, adminOf(res), request));
  });
  router.get('/', async (_req, res) => {
    res.json({ tests: await listAccessTests(deps, adminOf(res)) });
  });
  router.get('/:id', async (req, res) => {
    const { id } = parseInput(idParams, req.params, 'path');
    res.json(await getAccessTest(deps, adminOf(res), id));
  });
  return router;
}
