import express, { type Response, type Router } from 'express';
import { z } from 'zod';
import type { Tenant } from '../core/tenant.ts';
import { notificationFaultsSchema } from '../subscriptions/notification-faults.ts';
import { parseBody, sendControlError } from './control-helpers.ts';
import { faultSettingsSchema, stormSchema } from './fault-settings.ts';

const limitsSchema = z
  .object({
    concurrent: z.number().int().min(1).max(1000).optional(),
    requestsPerWindow: z.number().int().min(1).max(10_000_000).optional(),
    windowMs: z
      .number()
      .int()
      .min(1000)
      .max(24 * 3600 * 1000)
      .optional(),
    concurrencyRetryAfterSeconds: z.number().min(0).max(180).optional(),
  })
  .strict();

const lifecycleSchema = z
  .object({ event: z.enum(['reauthorizationRequired', 'subscriptionRemoved', 'missed']) })
  .strict();

/** Latency and error injection, 429 storms, throttling limits, notification faults, request counters. */
export function createTrafficControl(tenant: Tenant, monotonicNow: () => number): Router {
  const router = express.Router();
  router.get('/faults', (_req, res) => {
    res.json({ ...tenant.faults.settings(), storm: tenant.faults.storm() ?? null });
  });
  router.post('/faults', (req, res) => {
    const body = parseBody(faultSettingsSchema, req, res);
    if (!body) return;
    tenant.faults.configure(body);
    res.json(tenant.faults.settings());
  });
  router.post('/throttle-storm', (req, res) => {
    const body = parseBody(stormSchema, req, res);
    if (!body) return;
    let mailboxId: string | undefined;
    if (body.mailbox) {
      const user =
        tenant.directory.findUser(tenant.tenantId, body.mailbox) ??
        tenant.directory.findByEmail(tenant.tenantId, body.mailbox);
      if (!user) return sendControlError(res, 404, 'unknown_user', `No person ${body.mailbox}.`);
      mailboxId = user.id.toLowerCase();
    }
    tenant.faults.startStorm({
      remaining: body.requests,
      endsAt: body.durationMs !== undefined ? monotonicNow() + body.durationMs : undefined,
      retryAfterSeconds: body.retryAfterSeconds,
      mailboxId,
    });
    res.json({ storm: tenant.faults.storm() });
  });
  router.post('/throttle-storm/stop', (_req, res) => {
    tenant.faults.stopStorm();
    res.json({ storm: null });
  });
  router.get('/throttling', (_req, res) => {
    res.json(tenant.throttle.limits());
  });
  router.post('/throttling', (req, res) => {
    const body = parseBody(limitsSchema, req, res);
    if (!body) return;
    res.json(tenant.throttle.setLimits(body));
  });
  // The subscriptions feature holds the notification faults, so a reset there shows here too.
  router.get('/notifications', (_req, res) => {
    if (!tenant.hooks.notificationFaults) return noSubscriptions(res);
    res.json(tenant.hooks.notificationFaults());
  });
  router.post('/notifications', (req, res) => {
    const body = parseBody(notificationFaultsSchema, req, res);
    if (!body) return;
    if (!tenant.hooks.setNotificationFaults || !tenant.hooks.notificationFaults) return noSubscriptions(res);
    tenant.hooks.setNotificationFaults(body);
    res.json(tenant.hooks.notificationFaults());
  });
  router.post('/subscriptions/:id/lifecycle', async (req, res) => {
    const body = parseBody(lifecycleSchema, req, res);
    if (!body) return;
    if (!tenant.hooks.fireLifecycle) return noSubscriptions(res);
    await tenant.hooks.fireLifecycle(String(req.params.id), body.event);
    res.json({ subscriptionId: req.params.id, event: body.event });
  });
  router.get('/counters', (_req, res) => {
    res.json(tenant.counters.snapshot());
  });
  router.post('/counters/reset', (_req, res) => {
    tenant.counters.reset(tenant.clock.now());
    res.json(tenant.counters.snapshot());
  });
  return router;
}

function noSubscriptions(res: Response): void {
  sendControlError(res, 501, 'no_subscriptions', 'Change notifications are not part of this tenant.');
}
