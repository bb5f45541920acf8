import type { Router } from 'express';
import type { CalendarDeps } from '../calendar-deps.ts';
import { findMeetingTimes } from '../schedule/find-meeting-times.ts';
import { parseScheduleRequest, scheduleInformation } from '../schedule/get-schedule.ts';
import { parseMeetingTimeRequest } from '../schedule/meeting-time-request.ts';
import { FIND_MEETING_TIMES, GET_SCHEDULE } from './permissions.ts';
import { openMailbox, setPreferenceApplied } from './request-context.ts';

export function registerScheduleRoutes(router: Router, deps: CalendarDeps): void {
  // getSchedule: 200 with one entry per address in request order; per-address failures stay in the entry
  // (docs/reference/graph-calendar.md §1).
  router.post('/calendar/getSchedule', (req, res) => {
    const opened = openMailbox(deps, req, GET_SCHEDULE);
    const request = parseScheduleRequest(req.body);
    const value = request.schedules.map((address) =>
      scheduleInformation(deps, req, opened.caller, opened.mailbox.tenantId, address, request, opened.prefs.zone),
    );
    setPreferenceApplied(res, opened.prefs);
    res.status(200).json({
      '@odata.context': `${deps.ctx.baseUrl}/v1.0/$metadata#Collection(microsoft.graph.scheduleInformation)`,
      value,
    });
  });

  // findMeetingTimes is delegated only: the permission table has no application entry, so app tokens get 403
  // (docs/reference/graph-calendar.md §2, docs/reference/graph-calendar.md §8).
  router.post('/findMeetingTimes', (req, res) => {
    const opened = openMailbox(deps, req, FIND_MEETING_TIMES);
    const request = parseMeetingTimeRequest(req.body, opened.mailbox, deps.ctx.clock.now().getTime());
    const result = findMeetingTimes(
      { store: deps.store, directory: deps.ctx.directory },
      opened.mailbox,
      request,
      opened.prefs.zone,
    );
    setPreferenceApplied(res, opened.prefs);
    res.status(200).json({
      '@odata.context': `${deps.ctx.baseUrl}/v1.0/$metadata#microsoft.graph.meetingTimeSuggestionsResult`,
      ...result,
    });
  });
}
