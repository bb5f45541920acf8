import { availabilityRequestSchema, conflictsRequestSchema, suggestionsRequestSchema } from '@confer/contracts';
import { Router } from 'express';
import { z } from 'zod';
import type { Meeting } from '../../domain/scheduling/meeting.ts';
import { loadAvailabilityWithSuggestions } from '../../use-cases/scheduling/availability-with-suggestions.ts';
import { actorFor, callerFrom } from '../../use-cases/scheduling/caller.ts';
import { checkConflicts } from '../../use-cases/scheduling/check-conflicts.ts';
import { conflictsDetails } from '../../use-cases/scheduling/conflict-details.ts';
import { loadAvailability, resolveWindow } from '../../use-cases/scheduling/load-availability.ts';
import { loadMeetingFor } from '../../use-cases/scheduling/meeting-access.ts';
import type { SchedulingDeps } from '../../use-cases/scheduling/scheduling-deps.ts';
import { suggestTimes } from '../../use-cases/scheduling/suggest-times.ts';
import { identityOf } from '../authenticate.ts';
import { parseInput } from '../validate.ts';
import { availabilityResponse } from './availability-response.ts';
import { meetingTypeDto } from './meeting-type-dto.ts';

const peopleQuerySchema = z.object({
  search: z.string().trim().min(1).max(100),
  limit: z.coerce.number().int().min(1).max(25).default(10),
});

/** Availability, suggestions, clash checks, meeting types and the people picker. */
export function schedulingRoutes(deps: SchedulingDeps): Router {
  const router = Router();
  const caller = (req: Parameters<typeof identityOf>[0]) => callerFrom(identityOf(req));

  router.post('/availability', async (req, res) => {
    const body = parseInput(availabilityRequestSchema, req.body);
    const window = resolveWindow(deps.clock.now(), body.start, body.end);
    if (!body.suggest) {
      res.json(availabilityResponse(await loadAvailability(deps, caller(req), body.attendees, window)));
      return;
    }
    const both = await loadAvailabilityWithSuggestions(deps, caller(req), body.attendees, window, body.suggest);
    res.json({ ...availabilityResponse(both.availability), suggestions: both.suggestions });
  });

  router.post('/suggestions', async (req, res) => {
    res.json(await suggestTimes(deps, caller(req), parseInput(suggestionsRequestSchema, req.body)));
  });

  router.post('/conflicts', async (req, res) => {
    const body = parseInput(conflictsRequestSchema, req.body);
    const who = caller(req);
    let ignore: Meeting | undefined;
    if (body.meetingId) ignore = (await loadMeetingFor(deps, who, body.meetingId)).meeting;
    const conflicts = await checkConflicts(
      deps,
      who,
      body.attendees,
      { start: new Date(body.start), end: new Date(body.end), timeZone: body.timeZone, recurrence: body.recurrence },
      ignore ? { ignore } : {},
    );
    res.json(conflictsDetails(conflicts));
  });

  router.get('/meeting-types', async (req, res) => {
    const types = await deps.meetingTypes.list(identityOf(req).tenantId);
    res.json({ meetingTypes: types.map(meetingTypeDto) });
  });

  router.get('/people', async (req, res) => {
    const query = parseInput(peopleQuerySchema, req.query, 'query');
    const who = caller(req);
    const people = await deps.directory.searchPeople(await actorFor(deps, who), query.search, query.limit);
    res.json({ people: people.filter((p) => p.userId !== who.mailbox.userId) });
  });

  return router;
}
