import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import type { z } from 'zod';
import {
  acceptedChange,
  acceptedLifecycle,
  changeNotificationSchema,
  lifecycleNotificationSchema,
  notificationBatchSchema,
} from '../../adapters/graph/graph-notifications.ts';
import { AppError } from '../../domain/app-error.ts';
import { clientStateMatches } from '../../domain/client-state.ts';
import type { Clock } from '../../ports/clock.ts';
import type { AcceptedNotification, NotificationInbox } from '../../ports/notification-inbox.ts';
import type { GraphSubscription, SubscriptionStore } from '../../ports/subscription-store.ts';
import { createFixedWindowCounter } from '../fixed-window.ts';
import { parseInput } from '../validate.ts';

/**
 * Graph's tokens are about a hundred characters ("Validation: Testing client application reachability for
 * subscription Request-Id: {guid}"); the cap keeps the echo from becoming a way to make the app reflect
 * arbitrary amounts of text.
 */
export const MAX_VALIDATION_TOKEN_CHARS = 1_024;
/**
 * One POST carries a batch: devtenant sends at most 50 notifications, about 700 bytes each. 256 KB leaves
 * room for Graph's larger batches while keeping a forged body from costing much to read.
 */
export const NOTIFICATION_BODY_LIMIT = '256kb';
/**
 * Everything both URLs accept in a minute, before any check. Graph batches, so this is far above a busy
 * tenant's deliveries; a refusal is not a loss, since Graph retries anything but a 2xx for hours.
 */
export const GRAPH_NOTIFICATIONS_PER_MINUTE = 6_000;

export interface GraphNotificationDeps {
  subscriptions: SubscriptionStore;
  inbox: NotificationInbox;
  clock: Clock;
  perMinute?: number;
}

/**
 * Where Graph delivers change notifications (`/notifications`) and lifecycle notifications (`/lifecycle`),
 * docs/reference/graph-calendar.md §4. Graph holds no Confer token, so these routes are mounted before the
 * API's bearer-token check and per-user limit; each item is instead proved by its subscription id and
 * clientState, and the routes share a global limit and a body cap.
 */
export function graphNotificationRoutes(deps: GraphNotificationDeps): Router {
  const router = express.Router();
  router.use(limitAllGraphTraffic(deps));
  const json = express.json({ limit: NOTIFICATION_BODY_LIMIT, type: 'application/json' });
  router.post('/notifications', answerValidation, requireJson, json, acceptBatch(deps, changeNotificationSchema));
  router.post('/lifecycle', answerValidation, requireJson, json, acceptBatch(deps, lifecycleNotificationSchema));
  return router;
}

/**
 * The handshake Graph makes on creating a subscription: `?validationToken=` (URL-encoded, decoded by the
 * query parser) answered with 200, text/plain and the token itself, well within Graph's 10 seconds. It reads
 * no body and touches no store. text/plain with the nosniff header keeps the echoed text from being run.
 */
function answerValidation(req: Request, res: Response, next: NextFunction): void {
  if (!('validationToken' in req.query)) {
    next();
    return;
  }
  const token = req.query.validationToken;
  if (typeof token !== 'string' || token.length === 0 || token.length > MAX_VALIDATION_TOKEN_CHARS) {
    next(new AppError('bad_request', 'The validation token is missing or too long.'));
    return;
  }
  res.status(200).type('text/plain').send(token);
}

function requireJson(req: Request, _res: Response, next: NextFunction): void {
  next(
    req.is('application/json')
      ? undefined
      : new AppError('unsupported_media_type', 'Send notifications as application/json.'),
  );
}

type ItemSchema = typeof changeNotificationSchema | typeof lifecycleNotificationSchema;

/**
 * Keeps each item whose subscription Confer holds (and has not removed), in the same tenant, with the
 * matching clientState, records the kept ones in the inbox in one write, and only then answers 202. Graph is
 * never called here: processing reads the inbox later.
 *
 * A batch whose items are all dropped is still answered 202. A non-2xx only makes Graph retry the same batch
 * for up to four hours (docs/reference/graph-calendar.md §4), which would keep a notification for a
 * subscription Confer has just removed coming back; and a forger learns nothing from the status, since a
 * dropped item and a recorded one look alike. Either way a dropped item changes nothing.
 */
function acceptBatch(deps: GraphNotificationDeps, schema: ItemSchema) {
  return async (req: Request, res: Response, next: NextFunction) => {
    try {
      const batch = parseInput(notificationBatchSchema, req.body, 'notification batch');
      const receivedAt = deps.clock.now().toISOString();
      // Graph batches many notifications of one subscription together: each subscription is read once a batch.
      const lookups = new Map<string, Promise<GraphSubscription | undefined>>();
      const findOnce = (id: string) => {
        let lookup = lookups.get(id);
        if (!lookup) {
          lookup = deps.subscriptions.find(id);
          lookups.set(id, lookup);
        }
        return lookup;
      };
      const accepted: AcceptedNotification[] = [];
      const dropped: Record<string, number> = {};
      for (const item of batch.value) {
        const verdict = await checkItem(schema, item, receivedAt, findOnce);
        if (typeof verdict === 'string') dropped[verdict] = (dropped[verdict] ?? 0) + 1;
        else accepted.push(verdict);
      }
      const added = await deps.inbox.record(accepted);
      // One line a batch, with counts by reason and never a clientState, so a forged batch cannot flood the log.
      const log = req.context?.logger;
      const summary = { received: batch.value.length, accepted: accepted.length, new: added };
      if (accepted.length < batch.value.length) log?.warn('graph notifications dropped', { ...summary, dropped });
      else log?.info('graph notifications accepted', summary);
      res.status(202).end();
    } catch (error) {
      next(error);
    }
  };
}

/** The item as the inbox records it, or why it is dropped. */
async function checkItem(
  schema: ItemSchema,
  item: unknown,
  receivedAt: string,
  findSubscription: (id: string) => Promise<GraphSubscription | undefined>,
): Promise<AcceptedNotification | string> {
  const parsed = schema.safeParse(item);
  if (!parsed.success) return 'malformed';
  const notification: z.infer<ItemSchema> = parsed.data;
  const subscription = await findSubscription(notification.subscriptionId);
  if (!subscription || subscription.status.state === 'removed') return 'unknown subscription';
  if (subscription.tenantId !== notification.tenantId) return 'wrong tenant';
  if (!clientStateMatches(subscription.clientStateDigest, notification.clientState)) return 'wrong clientState';
  return 'lifecycleEvent' in notification
    ? acceptedLifecycle(notification, receivedAt)
    : acceptedChange(notification, receivedAt);
}

function limitAllGraphTraffic(deps: GraphNotificationDeps) {
  const counter = createFixedWindowCounter({
    limit: deps.perMinute ?? GRAPH_NOTIFICATIONS_PER_MINUTE,
    windowMs: 60_000,
    maxKeys: 1,
  });
  return (_req: Request, _res: Response, next: NextFunction) => {
    const verdict = counter.hit('all', deps.clock.now().getTime());
    if (verdict.allowed) return next();
    next(
      new AppError('rate_limited', 'Too many notifications. Try again later.', {
        retryAfterSeconds: verdict.retryAfterSeconds,
      }),
    );
  };
}
