import { teamsTokenRequestSchema } from '@confer/contracts';
import { Router } from 'express';
import { AppError } from '../../domain/app-error.ts';
import type { TeamsSsoEmulator } from '../../ports/dev-host.ts';
import type { DirectoryGateway } from '../../ports/directory.ts';

/**
 * Backs the Teams-host emulation page (development against devtenant only; create-app.ts never mounts
 * this for a real tenant).
 */
export function devHostRoutes(deps: {
  directory: Pick<DirectoryGateway, 'listPeople'>;
  sso: TeamsSsoEmulator;
}): Router {
  const router = Router();
  router.get('/demo-users', async (_req, res) => {
    res.json({ users: await deps.directory.listPeople(50) });
  });
  router.post('/teams-token', async (req, res) => {
    const body = teamsTokenRequestSchema.safeParse(req.body);
    if (!body.success) {
      throw new AppError('validation_failed', 'Send { "userId": "<object id>" }.', { details: body.error.issues });
    }
    res.setHeader('cache-control', 'no-store');
    res.json({ token: await deps.sso.issueTabToken(body.data.userId) });
  });
  return router;
}
