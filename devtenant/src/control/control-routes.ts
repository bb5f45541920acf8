import express, { type Router } from 'express';
import type { Tenant } from '../core/tenant.ts';
import { sendControlError } from './control-helpers.ts';
import { createIdentityControl } from './identity-control.ts';
import { createOnlineMeetingsControl } from './online-meetings-control.ts';
import { createStateControl } from './state-control.ts';
import { createTrafficControl } from './traffic-control.ts';

export interface ControlDeps {
  tenant: Tenant;
  mode: string;
  monotonicNow: () => number;
}

/** `/_devtenant/*`: mounted only in test and demo mode (the core answers 404 otherwise). Documented in README. */
export function createControlRoutes(deps: ControlDeps): Router {
  const router = express.Router();
  router.use(express.json({ limit: '1mb' }));
  router.use(createIdentityControl(deps.tenant));
  router.use(createTrafficControl(deps.tenant, deps.monotonicNow));
  router.use(createStateControl(deps.tenant, deps.mode));
  router.use(createOnlineMeetingsControl(deps.tenant));
  router.use((req, res) =>
    sendControlError(res, 404, 'not_found', `No control endpoint ${req.method} ${req.baseUrl}${req.path}.`),
  );
  router.use(((error, _req, res, _next) => {
    const parseFailed =
      typeof error === 'object' && error !== null && (error as { type?: unknown }).type === 'entity.parse.failed';
    if (parseFailed) sendControlError(res, 400, 'invalid_json', 'The request body is not valid JSON.');
    else sendControlError(res, 500, 'internal_error', error instanceof Error ? error.message : String(error));
  }) as express.ErrorRequestHandler);
  return router;
}
