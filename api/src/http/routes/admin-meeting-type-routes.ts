import { setTypeCadenceRequestSchema } from '@confer/contracts';
import { type Response, Router } from 'express';
import { AppError } from '../../domain/app-error.ts';
import type { Admin, AdminDeps } from '../../use-cases/admin/admin-settings.ts';
import { parseInput } from '../validate.ts';
import { meetingTypeDto } from './meeting-type-dto.ts';

const typeId = /^[A-Za-z0-9-]{1,64}$/;

/** A meeting type's rhythm (days between a pair's meetings; null for none), set by an admin and audited. */
export function adminMeetingTypeRoutes(
  deps: Pick<AdminDeps, 'clock' | 'audit'> & { meetingTypes: NonNullable<AdminDeps['meetingTypes']> },
): Router {
  const router = Router();
  router.put('/meeting-types/:id/cadence', async (req, res: Response) => {
    const admin = res.locals.admin as Admin;
    const id = String(req.params.id);
    const body = parseInput(setTypeCadenceRequestSchema, req.body);
    if (!typeId.test(id) || !(await deps.meetingTypes.setCadence(admin.tenantId, id, body.cadenceDays))) {
      throw new AppError('not_found', 'No such meeting type.');
    }
    await deps.audit.append({
      tenantId: admin.tenantId,
      at: deps.clock.now(),
      actorId: admin.userId,
      action: 'meeting_type.cadence_changed',
      target: id,
      details: { cadenceDays: body.cadenceDays },
    });
    const type = await deps.meetingTypes.get(admin.tenantId, id);
    if (!type) throw new AppError('not_found', 'No such meeting type.');
    res.json(meetingTypeDto(type));
  });
  return router;
}
