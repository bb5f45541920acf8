import { type Request, type Response, Router } from 'express';
import { isAppError, toHttpStatus } from '../../domain/app-error.ts';
import { type AdminConsentDeps, completeConsent } from '../../use-cases/admin/admin-consent.ts';
import { type ConsentReturnPage, renderConsentReturnPage } from '../pages/consent-return-page.ts';

/**
 * `GET /admin/consent/return`: where Entra sends the admin's browser after admin consent. It carries no Confer
 * token (the link's single-use `state` is the credential), so it lives outside /api and its bearer-token check,
 * and it answers a page for a person rather than JSON.
 */
export function consentReturnRoutes(deps: AdminConsentDeps): Router {
  const router = Router();
  router.get('/return', async (req: Request, res: Response) => {
    let page: ConsentReturnPage;
    try {
      page = { kind: 'outcome', view: await completeConsent(deps, req.query) };
      res.status(200);
    } catch (error) {
      if (!isAppError(error) || error.code !== 'consent_request_invalid') {
        req.context?.logger.error('consent return failed', { error });
        res.status(isAppError(error) ? toHttpStatus(error.code) : 500);
        page = { kind: 'failed' };
      } else {
        req.context?.logger.info('consent return refused', { code: error.code, details: error.details });
        res.status(toHttpStatus(error.code));
        page = { kind: 'invalid', message: error.message };
      }
    }
    res
      .set({ 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
      .send(renderConsentReturnPage(page, deps.adminPageUrl));
  });
  return router;
}
