import {
  markAttendanceRequestSchema,
  setNudgesRequestSchema,
  setPairRhythmRequestSchema,
  setTypeCadenceRequestSchema,
} from '@confer/contracts';
import { type Request, Router } from 'express';
import { AppError } from '../../domain/app-error.ts';
import type { AuditLog } from '../../ports/tenant-store.ts';
import { requireAdmin } from '../../use-cases/admin/admin-settings.ts';
import type { FollowThroughDeps } from '../../use-cases/follow-through/follow-through-deps.ts';
import {
  attendanceDto,
  cadenceFor,
  markAttendance,
  meetingAttendance,
  setNudges,
  togetherWith,
} from '../../use-cases/follow-through/follow-through-views.ts';
import { identityOf } from '../authenticate.ts';
import { parseInput } from '../validate.ts';

export interface FollowThroughRouteDeps extends FollowThroughDeps {
  audit: AuditLog;
}

const personId = /^[A-Za-z0-9-]{1,64}$/;

/**
 * After the meeting and between meetings: attendance of a meeting's occurrences (and the organizer's word for
 * those in person), the caller's pairs and their rhythm, nudges on or off, the history with one person, and the
 * admin's rhythm per meeting type.
 */
export function followThroughRoutes(deps: FollowThroughRouteDeps): Router {
  const router = Router();
  const viewer = (req: Request) => {
    const identity = identityOf(req);
    return { tenantId: identity.tenantId, userId: identity.userId };
  };
  const partnerOf = (req: Request) => {
    const id = String(req.params.partnerId ?? req.params.userId);
    if (!personId.test(id)) throw new AppError('not_found', 'No such person.');
    return id;
  };

  router.get('/meetings/:id/attendance', async (req, res) => {
    res.json({ occurrences: await meetingAttendance(deps, viewer(req), String(req.params.id)) });
  });
  router.post('/meetings/:id/attendance', async (req, res) => {
    const body = parseInput(markAttendanceRequestSchema, req.body);
    const saved = await markAttendance(
      deps,
      viewer(req),
      String(req.params.id),
      new Date(body.occurrenceStart),
      body.held,
    );
    res.json(attendanceDto(saved, true));
  });

  router.get('/cadence', async (req, res) => {
    const who = viewer(req);
    const user = await deps.tenants.getUser(who.tenantId, who.userId);
    res.json({ pairs: await cadenceFor(deps, who), nudges: user?.preferences.cadenceNudges !== false });
  });
  router.put('/cadence/nudges', async (req, res) => {
    const body = parseInput(setNudgesRequestSchema, req.body);
    const identity = identityOf(req);
    const email = identity.userPrincipalName ?? '';
    await setNudges(deps, { ...viewer(req), email, displayName: identity.name ?? email, timeZone: null }, body.enabled);
    res.json({ enabled: body.enabled });
  });
  router.put('/cadence/:partnerId', async (req, res) => {
    const body = parseInput(setPairRhythmRequestSchema, req.body);
    const who = viewer(req);
    const partnerId = partnerOf(req);
    const saved = await deps.pairs.setRhythm(who.tenantId, who.userId, partnerId, body.rhythmDays, deps.clock.now());
    if (!saved) throw new AppError('not_found', 'You have not met this person through Confer yet.');
    const pair = (await cadenceFor(deps, who)).find((p) => p.partner.userId === partnerId);
    if (!pair) throw new AppError('not_found', 'You have not met this person through Confer yet.');
    res.json(pair);
  });

  router.get('/people/:userId/together', async (req, res) => {
    res.json(await togetherWith(deps, viewer(req), partnerOf(req)));
  });

  router.put('/admin/meeting-types/:id/cadence', async (req, res) => {
    const identity = identityOf(req);
    await requireAdmin(deps, identity, { method: req.method, path: req.originalUrl });
    const body = parseInput(setTypeCadenceRequestSchema, req.body);
    const typeId = String(req.params.id);
    if (!personId.test(typeId) || !(await deps.meetingTypes.setCadence(identity.tenantId, typeId, body.cadenceDays))) {
      throw new AppError('not_found', 'No such meeting type.');
    }
    await deps.audit.append({
      tenantId: identity.tenantId,
      at: deps.clock.now(),
      actorId: identity.userId,
      action: 'meeting_type.cadence_changed',
      target: typeId,
      details: { cadenceDays: body.cadenceDays },
    });
    const type = await deps.meetingTypes.get(identity.tenantId, typeId);
    if (!type) throw new AppError('not_found', 'No such meeting type.');
    const { id, name, durationMinutes, agendaPrompts, defaultReminders, cadenceDays } = type;
    res.json({ id, name, durationMinutes, agendaPrompts, defaultReminders, cadenceDays });
  });
  return router;
}
