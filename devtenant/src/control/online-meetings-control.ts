import express, { type Response, type Router } from 'express';
import { z } from 'zod';
import type { Tenant } from '../core/tenant.ts';
import { MeetingControlError, type OnlineMeetingsService } from '../online-meetings/index.ts';
import { MAX_REPORT_DELAY_SECONDS } from '../online-meetings/meeting-state.ts';
import { parseBody, sendControlError } from './control-helpers.ts';

const joinWebUrl = z.string().min(1);
const at = z.iso.datetime({ offset: true }).optional();
const whoFields = {
  joinWebUrl,
  userId: z.string().min(1).optional(),
  email: z.email().optional(),
  at,
};
const exactlyOnePerson = (body: { userId?: string; email?: string }) =>
  (body.userId === undefined) !== (body.email === undefined);
const PERSON_MESSAGE = 'give either userId (id or UPN of a person of the tenant) or email (anyone, guests included)';

const joinSchema = z
  .object({
    ...whoFields,
    displayName: z.string().min(1).optional(),
    role: z.enum(['Presenter', 'Attendee']).optional(),
  })
  .strict()
  .refine(exactlyOnePerson, { message: PERSON_MESSAGE, path: ['userId'] });
const leaveSchema = z
  .object(whoFields)
  .strict()
  .refine(exactlyOnePerson, { message: PERSON_MESSAGE, path: ['userId'] });
const endSchema = z.object({ joinWebUrl, at }).strict();
const settingsSchema = z
  .object({
    joinWebUrl,
    reportDelaySeconds: z.number().int().min(0).max(MAX_REPORT_DELAY_SECONDS).optional(),
    noReport: z.boolean().optional(),
  })
  .strict()
  .refine((b) => b.reportDelaySeconds !== undefined || b.noReport !== undefined, {
    message: 'give reportDelaySeconds and/or noReport',
    path: ['reportDelaySeconds'],
  });
const policySchema = z
  .object({
    global: z.boolean().default(false),
    users: z.array(z.string().min(1)).default([]),
    appIds: z.array(z.string().min(1)).optional(),
  })
  .strict();

const atMs = (value: string | undefined) => (value === undefined ? undefined : Date.parse(value));

/**
 * `/_devtenant/online-meetings/*`: people join and leave Teams meetings, sessions end, report delay and `noReport`
 * per meeting, and the Teams application access policy (docs/online-meetings.md).
 */
export function createOnlineMeetingsControl(tenant: Tenant): Router {
  const router = express.Router();
  const run = (res: Response, action: (service: OnlineMeetingsService) => unknown) => {
    const service = tenant.hooks.onlineMeetings;
    if (!service) return sendControlError(res, 404, 'not_found', 'Online meetings are not mounted on this tenant.');
    try {
      res.json(action(service));
    } catch (error) {
      if (!(error instanceof MeetingControlError)) throw error;
      sendControlError(res, error.status, error.code, error.message);
    }
  };
  router.post('/online-meetings/join', (req, res) => {
    const body = parseBody(joinSchema, req, res);
    if (!body) return;
    const { joinWebUrl: url, at: when, ...who } = body;
    run(res, (s) => s.join(url, who, atMs(when)));
  });
  router.post('/online-meetings/leave', (req, res) => {
    const body = parseBody(leaveSchema, req, res);
    if (!body) return;
    run(res, (s) => s.leave(body.joinWebUrl, { userId: body.userId, email: body.email }, atMs(body.at)));
  });
  router.post('/online-meetings/end', (req, res) => {
    const body = parseBody(endSchema, req, res);
    if (!body) return;
    run(res, (s) => s.end(body.joinWebUrl, atMs(body.at)));
  });
  router.put('/online-meetings/settings', (req, res) => {
    const body = parseBody(settingsSchema, req, res);
    if (!body) return;
    run(res, (s) =>
      s.settings(body.joinWebUrl, { reportDelaySeconds: body.reportDelaySeconds, noReport: body.noReport }),
    );
  });
  router.get('/online-meetings/state', (req, res) => {
    const url = req.query.joinWebUrl;
    if (typeof url !== 'string' || url.length === 0) {
      return sendControlError(
        res,
        400,
        'invalid_request',
        'joinWebUrl: give the meeting join URL as a query parameter',
      );
    }
    run(res, (s) => s.state(url));
  });
  router.get('/online-meetings/access-policy', (_req, res) => {
    run(res, (s) => s.accessPolicy());
  });
  router.put('/online-meetings/access-policy', (req, res) => {
    const body = parseBody(policySchema, req, res);
    if (!body) return;
    const userIds: string[] = [];
    for (const name of body.users) {
      const user =
        tenant.directory.findUser(tenant.tenantId, name) ?? tenant.directory.findByEmail(tenant.tenantId, name);
      if (!user) return sendControlError(res, 404, 'unknown_user', `users: no person ${name}.`);
      if (!userIds.includes(user.id)) userIds.push(user.id);
    }
    const unknownApp = body.appIds?.find((id) => !tenant.apps.byClientId(id));
    if (unknownApp) return sendControlError(res, 404, 'unknown_app', `appIds: no app registration ${unknownApp}.`);
    run(res, (s) => s.setAccessPolicy({ global: body.global, userIds, appIds: body.appIds ?? null }));
  });
  router.delete('/online-meetings/access-policy', (_req, res) => {
    run(res, (s) => s.setAccessPolicy({ global: false, userIds: [], appIds: null }));
  });
  return router;
}
