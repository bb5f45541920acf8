import { markAttendanceRequestSchema, setNudgesRequestSchema, setPairRhythmRequestSchema } from '@confer/contracts';
import { type Request, Router } from 'express';
import { AppError } from '../../domain/app-error.ts';
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

export type FollowThroughRouteDeps = FollowThroughDeps;

const personId = /^[A-Za-z0-9-]{1,64}$/;

/**
 * After the meeting and between meetings: attendance of a meeting's occurrences (and the organizer's word for
 * those in person), the caller's pairs and their rhythm, nudges on or off, and the history with one person. (An
 * admin sets each meeting type's rhythm in the admin API: admin-meeting-type-routes.ts.)
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

  return router;
}
