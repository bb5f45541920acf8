import express, { type Router } from 'express';
import { z } from 'zod';
import { parseBody, sendControlError } from '../control/control-helpers.ts';
import type { TokenServiceDeps } from './token-service-routes.ts';

const faultSchema = z
  .object({
    userId: z.string().min(1),
    fault: z.enum(['consent_required', 'account_disabled', 'not_in_group']).nullable(),
  })
  .strict();

/**
 * `/_devtenant/bot-token-service/*`: make the exchange fail for a person as Entra would (consent missing, account
 * disabled, not assigned to the app), see how often a Teams user exchanged, and forget every held token.
 */
export function createTokenServiceControl(deps: TokenServiceDeps): Router {
  const router = express.Router();
  router.post('/bot-token-service/faults', (req, res) => {
    const body = parseBody(faultSchema, req, res);
    if (!body) return;
    const user =
      deps.identity.directory.findUser(deps.identity.tenantId, body.userId) ??
      deps.identity.directory.findByEmail(deps.identity.tenantId, body.userId);
    if (!user) return sendControlError(res, 404, 'unknown_user', `No person ${body.userId}.`);
    deps.state.setFault(user.id, body.fault);
    res.json({ userId: user.id, fault: body.fault });
  });
  router.get('/bot-token-service/exchanges', (req, res) => {
    const userId = typeof req.query.userId === 'string' ? req.query.userId : '';
    if (!userId) return sendControlError(res, 400, 'invalid_request', 'userId: required');
    res.json({ userId, exchanges: deps.state.exchanges(userId) });
  });
  router.get('/bot-token-service/connections', (_req, res) => {
    res.json({
      value: deps.connections.map(({ name, clientId, scopes, tokenExchangeUrl }) => ({
        name,
        clientId,
        scopes,
        tokenExchangeUrl,
      })),
    });
  });
  router.post('/bot-token-service/reset', (_req, res) => {
    deps.state.reset();
    res.json({ reset: true });
  });
  return router;
}
