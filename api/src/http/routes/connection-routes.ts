import { preferencesSchema } from '@confer/contracts';
import { Router } from 'express';
import {
  type ConnectionDeps,
  connect,
  disconnect,
  getConnection,
  getPreferences,
  savePreferences,
} from '../../use-cases/connection/my-connection.ts';
import { identityOf } from '../authenticate.ts';
import { parseInput } from '../validate.ts';

/** The signed-in person's calendar connection (status, connect, disconnect) and preferences. */
export function connectionRoutes(deps: ConnectionDeps): Router {
  const router = Router();
  router.get('/connection', async (req, res) => {
    res.json(await getConnection(deps, identityOf(req)));
  });
  router.post('/connection', async (req, res) => {
    res.json(await connect(deps, identityOf(req)));
  });
  router.delete('/connection', async (req, res) => {
    res.json(await disconnect(deps, identityOf(req)));
  });
  router.get('/preferences', async (req, res) => {
    res.json(await getPreferences(deps, identityOf(req)));
  });
  router.put('/preferences', async (req, res) => {
    res.json(await savePreferences(deps, identityOf(req), parseInput(preferencesSchema, req.body)));
  });
  return router;
}
