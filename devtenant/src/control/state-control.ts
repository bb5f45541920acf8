import express, { type Router } from 'express';
import { z } from 'zod';
import type { Tenant } from '../core/tenant.ts';
import { parseBody, sendControlError } from './control-helpers.ts';

const advanceSchema = z
  .object({
    ms: z.number().int().min(0).optional(),
    minutes: z.number().min(0).optional(),
    hours: z.number().min(0).optional(),
    days: z.number().min(0).optional(),
  })
  .strict()
  .refine((b) => Object.keys(b).length > 0, 'give ms, minutes, hours or days');
const expireSchema = z.object({ mailbox: z.string().min(1).optional() }).strict();
const setSchema = z.object({ instant: z.iso.datetime({ offset: true }) }).strict();

/** The tenant clock, reset to seed, delta-token expiry, the sendMail outbox, and a directory listing for demos. */
export function createStateControl(tenant: Tenant, mode: string): Router {
  const router = express.Router();
  router.get('/info', (_req, res) => {
    res.json({
      origin: tenant.origin,
      tenantId: tenant.tenantId,
      mode,
      now: tenant.clock.now().toISOString(),
      apps: tenant.apps
        .list()
        .map((a) => ({ clientId: a.clientId, displayName: a.displayName, identifierUris: a.identifierUris })),
      features: [...tenant.features.keys()],
    });
  });
  router.get('/users', (_req, res) => {
    res.json({
      value: tenant.directory.listUsers(tenant.tenantId).map((u) => ({
        id: u.id,
        displayName: u.displayName,
        userPrincipalName: u.userPrincipalName,
        mail: u.mail,
        jobTitle: u.jobTitle,
        department: u.department,
        timeZone: u.timeZone,
        hasMailbox: u.mail !== null,
        groupIds: u.groupIds,
      })),
    });
  });
  router.get('/groups', (_req, res) => {
    res.json({ value: tenant.directory.listGroups() });
  });
  router.get('/clock', (_req, res) => {
    res.json({ now: tenant.clock.now().toISOString() });
  });
  router.post('/clock/advance', async (req, res) => {
    const body = parseBody(advanceSchema, req, res);
    if (!body) return;
    const ms =
      (body.ms ?? 0) + (body.minutes ?? 0) * 60_000 + (body.hours ?? 0) * 3_600_000 + (body.days ?? 0) * 86_400_000;
    tenant.clock.advance(Math.round(ms));
    await tenant.hooks.afterClockMoved?.();
    res.json({ now: tenant.clock.now().toISOString() });
  });
  router.post('/clock/set', async (req, res) => {
    const body = parseBody(setSchema, req, res);
    if (!body) return;
    try {
      tenant.clock.set(new Date(body.instant));
    } catch (error) {
      return sendControlError(res, 400, 'clock_backwards', error instanceof Error ? error.message : String(error));
    }
    await tenant.hooks.afterClockMoved?.();
    res.json({ now: tenant.clock.now().toISOString() });
  });
  router.post('/reset', (_req, res) => {
    tenant.reset();
    res.json({ reset: true, now: tenant.clock.now().toISOString() });
  });
  router.post('/delta-tokens/expire', (req, res) => {
    const body = parseBody(expireSchema, req, res);
    if (!body) return;
    const mailbox = body.mailbox
      ? (tenant.directory.findUser(tenant.tenantId, body.mailbox) ??
        tenant.directory.findByEmail(tenant.tenantId, body.mailbox))
      : undefined;
    if (body.mailbox && !mailbox) return sendControlError(res, 404, 'unknown_user', `No person ${body.mailbox}.`);
    if (tenant.hooks.expireDeltaTokens) tenant.hooks.expireDeltaTokens(mailbox?.id);
    else for (const listener of tenant.deltaExpiryListeners) listener();
    res.json({ expired: true, mailbox: mailbox?.id ?? null });
  });
  router.get('/outbox', (_req, res) => {
    res.json({ value: tenant.outbox.list() });
  });
  router.post('/outbox/clear', (_req, res) => {
    tenant.outbox.clear();
    res.json({ value: [] });
  });
  return router;
}
