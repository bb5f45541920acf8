import express, { type NextFunction, type Request, type Response, Router } from 'express';
import { GraphHttpError } from '../graph/context.ts';
import type { SubscriptionService } from './subscription-service.ts';
import { subscriptionContext, toGraphSubscription } from './subscription-view.ts';

/** Graph's `/subscriptions` routes (docs/reference/graph-calendar.md §4), mounted by the core under `/v1.0`. */
export function createSubscriptionsRouter(service: SubscriptionService, baseUrl: string): Router {
  const router = Router();
  router.use('/subscriptions', express.json({ type: ['application/json', 'application/*+json'] }));

  router.post('/subscriptions', async (req: Request, res: Response) => {
    const sub = await service.create(req);
    res.status(201).json({
      '@odata.context': subscriptionContext(baseUrl, true),
      ...toGraphSubscription(sub, { hideClientState: false }),
    });
  });

  router.get('/subscriptions', (req: Request, res: Response) => {
    const value = service.list(req).map((sub) => toGraphSubscription(sub, { hideClientState: true }));
    res.status(200).json({ '@odata.context': subscriptionContext(baseUrl, false), value });
  });

  router.get('/subscriptions/:id', (req: Request<{ id: string }>, res: Response) => {
    const sub = service.get(req, req.params.id);
    res.status(200).json({
      '@odata.context': subscriptionContext(baseUrl, true),
      ...toGraphSubscription(sub, { hideClientState: false }),
    });
  });

  router.patch('/subscriptions/:id', async (req: Request<{ id: string }>, res: Response) => {
    const sub = await service.renew(req, req.params.id);
    res.status(200).json({
      '@odata.context': subscriptionContext(baseUrl, true),
      ...toGraphSubscription(sub, { hideClientState: false }),
    });
  });

  router.delete('/subscriptions/:id', (req: Request<{ id: string }>, res: Response) => {
    service.remove(req, req.params.id);
    res.status(204).end();
  });

  router.post('/subscriptions/:id/reauthorize', (req: Request<{ id: string }>, res: Response) => {
    service.reauthorize(req, req.params.id);
    res.status(204).end();
  });

  router.use('/subscriptions', translateBodyErrors);
  return router;
}

/** A body that is not JSON gets Graph's BadRequest instead of Express's HTML error page. */
function translateBodyErrors(error: unknown, _req: Request, _res: Response, next: NextFunction): void {
  if (error instanceof Error && 'type' in error && error.type === 'entity.parse.failed') {
    next(
      new GraphHttpError(
        400,
        'BadRequest',
        'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.',
      ),
    );
    return;
  }
  next(error);
}
