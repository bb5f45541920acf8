import { type Request, type Response, Router } from 'express';
import { isAppError, toHttpStatus } from '../../domain/app-error.ts';
import { type AdminConsentDeps, completeConsent } from '../../use-cases/admin/admin-consent.ts';
import { createFixedWindowCounter } from '../fixed-window.ts';
import { type ConsentReturnPage, renderConsentReturnPage } from '../pages/consent-return-page.ts';

/**
 * Answers the return page takes in a minute, from everyone together. An admin comes back once per link; the cap
 * keeps anyone who calls it without a link from filling the audit log with refusals.
 */
export const CONSENT_RETURNS_PER_MINUTE = 60;

/**
 * `GET /admin/consent/return`: where Entra sends the admin's browser after admin consent. It carries no Confer
 * token (the link's single-use `state` is the credential), so it lives outside /api and its bearer-token check,
 * and it answers a page for a person rather than JSON.
 */
export function consentReturnRoutes(deps: AdminConsentDeps): Router {
  const router = Router();
  // Keyed on nothing the caller chooses, as the bot endpoint's global cap (bot-rate-limit.ts).
  const counter = createFixedWindowCounter({ limit: CONSENT_RETURNS_PER_MINUTE, windowMs: 60_000, maxKeys: 1 });
  router.get('/return', async (req: Request, res: Response) => {
    const verdict = counter.hit('all', deps.clock.now().getTime());
    let page: ConsentReturnPage;
    if (!verdict.allowed) {
      res.status(toHttpStatus('rate_limited')).setHeader('retry-after', String(verdict.retryAfterSeconds));
      page = { kind: 'busy', retryAfterSeconds: verdict.retryAfterSeconds };
    } else {
      page = await answer(deps, req, res);
    }
    res
      .set({ 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
      .send(renderConsentReturnPage(page, deps.adminPageUrl));
  });
  return router;
}

async function answer(deps: AdminConsentDeps, req: Request, res: Response): Promise<ConsentReturnPage> {
  try {
    const view = await completeConsent(deps, req.query);
    res.status(200);
    return { kind: 'outcome', view };
  } catch (error) {
    if (isAppError(error) && error.code === 'consent_request_invalid') {
      req.context?.logger.info('consent return refused', { code: error.code, details: error.details });
      res.status(toHttpStatus(error.code));
      return { kind: 'invalid', message: error.message };
    }
    req.context?.logger.error('consent return failed', { error });
    res.status(isAppError(error) ? toHttpStatus(error.code) : 500);
    return { kind: 'failed' };
  }
}
