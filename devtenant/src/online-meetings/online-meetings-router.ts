import { type Request, Router } from 'express';
import type { DirectoryUser, GraphCaller, GraphContext } from '../graph/context.ts';
import { GraphHttpError } from '../graph/context.ts';
import { MAX_LISTED_REPORTS, type ReportState } from './meeting-state.ts';
import { renderOnlineMeeting, renderRecord, renderReport } from './online-meeting-view.ts';
import type { OnlineMeetingsService, ResolvedMeeting } from './online-meetings-service.ts';

/** Get onlineMeeting (by id, joinWebUrl or joinMeetingId): least privileged first. */
export const READ_ONLINE_MEETINGS = {
  delegated: ['OnlineMeetings.Read', 'OnlineMeetings.ReadWrite'],
  application: ['OnlineMeetings.Read.All', 'OnlineMeetings.ReadWrite.All'],
} as const;

/** Attendance reports and records are online meeting artifacts: only OnlineMeetingArtifact.Read.All serves them. */
export const READ_MEETING_ARTIFACTS = {
  delegated: ['OnlineMeetingArtifact.Read.All'],
  application: ['OnlineMeetingArtifact.Read.All'],
} as const;

/** Graph's answer to a list call without a filter it supports (observed wording). */
const FILTER_EXPECTED = "Filter expression expected - /onlineMeetings?$filter={ParameterName} eq '{id}'.";
/** What Teams answers an app-only call for a user no application access policy covers. */
export const NO_ACCESS_POLICY = 'No application access policy found for this app.';

const forbidden = (message: string) => new GraphHttpError(403, 'Forbidden', message);
const meetingNotFound = () => new GraphHttpError(404, 'NotFound', 'The online meeting was not found.');

export interface OnlineMeetingsRouterDeps {
  ctx: GraphContext;
  tenantId: string;
  service: OnlineMeetingsService;
}

function queryValue(req: Request, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(req.query)) {
    if (key.toLowerCase() === wanted && typeof value === 'string') return value;
  }
  return undefined;
}

/**
 * `/me` or `/users/{id}` for online meetings (a Teams resource, not a mailbox): `/me` needs a user; a delegated
 * caller reaches only their own meetings; an app-only caller needs the Teams application access policy for the
 * user in the path.
 */
function pathUser(deps: OnlineMeetingsRouterDeps, req: Request, caller: GraphCaller): DirectoryUser {
  const { directory } = deps.ctx;
  const segment = typeof req.params.user === 'string' ? req.params.user : 'me';
  let user: DirectoryUser | undefined;
  if (segment.toLowerCase() === 'me') {
    if (caller.kind !== 'delegated' || !caller.userId) {
      throw new GraphHttpError(400, 'BadRequest', '/me request is only valid with delegated authentication flow.');
    }
    user = directory.findUser(caller.tenantId, caller.userId);
  } else {
    user = directory.findUser(caller.tenantId, segment) ?? directory.findByEmail(caller.tenantId, segment);
  }
  if (!user) throw new GraphHttpError(404, 'NotFound', `The requested user '${segment}' was not found.`);
  if (caller.kind === 'delegated' && user.id !== caller.userId) {
    throw forbidden("A delegated caller can only read the signed-in user's online meetings.");
  }
  if (caller.kind === 'application' && !deps.service.policyAllows(caller.appId, user.id)) {
    throw forbidden(NO_ACCESS_POLICY);
  }
  return user;
}

function isInvited(meeting: ResolvedMeeting, user: DirectoryUser): boolean {
  const addresses = [user.mail, user.userPrincipalName].filter((a): a is string => !!a).map((a) => a.toLowerCase());
  return meeting.source.attendees.some((a) => addresses.includes(a.address.toLowerCase()));
}

/** A meeting by id in the path: 400 for an id that is not one, 404 for none, 403 for someone else's. */
function meetingInPath(
  deps: OnlineMeetingsRouterDeps,
  req: Request,
  user: DirectoryUser,
  allowInvitee: boolean,
): ResolvedMeeting {
  const found = deps.service.byId(String(req.params.meetingId));
  if (found === 'corrupt') throw new GraphHttpError(400, 'BadRequest', 'Meeting Id is corrupted.');
  if (!found) throw meetingNotFound();
  const organizes = found.source.organizerId === user.id;
  if (!organizes && !(allowInvitee && isInvited(found, user))) {
    throw forbidden('Only the meeting organizer can access this online meeting and its artifacts.');
  }
  return found;
}

function reportInPath(deps: OnlineMeetingsRouterDeps, req: Request, meeting: ResolvedMeeting): ReportState {
  const report = deps.service.visibleReports(meeting).find((r) => r.id === req.params.reportId);
  if (!report) throw new GraphHttpError(404, 'NotFound', 'The attendance report was not found.');
  return report;
}

/** `$expand=attendanceRecords` is the only navigation a report has. */
function expandsRecords(req: Request): boolean {
  const expand = queryValue(req, '$expand');
  if (expand === undefined) return false;
  for (const name of expand.split(',').map((n) => n.trim())) {
    if (name.toLowerCase() !== 'attendancerecords') {
      throw new GraphHttpError(
        400,
        'BadRequest',
        `Could not find a property named '${name}' on type 'microsoft.graph.meetingAttendanceReport'.`,
      );
    }
  }
  return true;
}

const JOIN_WEB_URL = /^\s*joinweburl\s+eq\s+'((?:[^']|'')*)'\s*$/i;
const JOIN_MEETING_ID = /^\s*joinmeetingidsettings\/joinmeetingid\s+eq\s+'((?:[^']|'')*)'\s*$/i;

/** The collection form exists only to look one meeting up by joinWebUrl or joinMeetingId. */
function findByFilter(deps: OnlineMeetingsRouterDeps, req: Request, user: DirectoryUser): ResolvedMeeting[] {
  const filter = queryValue(req, '$filter');
  const byUrl = filter === undefined ? null : JOIN_WEB_URL.exec(filter);
  const byMeetingId = filter === undefined ? null : JOIN_MEETING_ID.exec(filter);
  if (byUrl?.[1] !== undefined) {
    const meeting = deps.service.byJoinUrl(byUrl[1].replaceAll("''", "'"));
    if (!meeting) return [];
    // Looking a meeting up by its link works for its organizer only; invitees are refused (observed).
    if (meeting.source.organizerId !== user.id) {
      throw forbidden('Only the meeting organizer can look this online meeting up by its join URL.');
    }
    return [meeting];
  }
  if (byMeetingId?.[1] !== undefined) {
    return deps.service.byJoinMeetingId(user.id, byMeetingId[1].replaceAll("''", "'"));
  }
  throw new GraphHttpError(400, 'InvalidArgument', FILTER_EXPECTED);
}

/**
 * Microsoft Graph v1.0 online meetings for calendar-scheduled Teams meetings, and their attendance reports
 * (docs/online-meetings.md).
 */
export function createOnlineMeetingsRouter(deps: OnlineMeetingsRouterDeps): Router {
  const { ctx, tenantId } = deps;
  const perUser = Router({ mergeParams: true });
  const context = (user: DirectoryUser, suffix: string) =>
    `${ctx.baseUrl}/v1.0/$metadata#users('${user.id}')/onlineMeetings${suffix}`;

  perUser.get('/onlineMeetings', (req, res) => {
    const caller = ctx.authorize(req, READ_ONLINE_MEETINGS);
    const user = pathUser(deps, req, caller);
    const meetings = findByFilter(deps, req, user);
    res.json({
      '@odata.context': context(user, ''),
      value: meetings.map((m) => renderOnlineMeeting(m, ctx.directory, tenantId)),
    });
  });
  perUser.get('/onlineMeetings/:meetingId', (req, res) => {
    const caller = ctx.authorize(req, READ_ONLINE_MEETINGS);
    const user = pathUser(deps, req, caller);
    const meeting = meetingInPath(deps, req, user, true);
    res.json({ '@odata.context': context(user, '/$entity'), ...renderOnlineMeeting(meeting, ctx.directory, tenantId) });
  });
  perUser.get('/onlineMeetings/:meetingId/attendanceReports', (req, res) => {
    const caller = ctx.authorize(req, READ_MEETING_ARTIFACTS);
    const user = pathUser(deps, req, caller);
    const meeting = meetingInPath(deps, req, user, false);
    const expand = expandsRecords(req);
    const reports = deps.service.visibleReports(meeting).slice(0, MAX_LISTED_REPORTS);
    res.json({
      '@odata.context': context(user, `('${meeting.id}')/attendanceReports`),
      value: reports.map((r) => renderReport(r, expand)),
    });
  });
  perUser.get('/onlineMeetings/:meetingId/attendanceReports/:reportId', (req, res) => {
    const caller = ctx.authorize(req, READ_MEETING_ARTIFACTS);
    const user = pathUser(deps, req, caller);
    const meeting = meetingInPath(deps, req, user, false);
    const expand = expandsRecords(req);
    const report = reportInPath(deps, req, meeting);
    res.json({
      '@odata.context': context(user, `('${meeting.id}')/attendanceReports/$entity`),
      ...renderReport(report, expand),
    });
  });
  perUser.get('/onlineMeetings/:meetingId/attendanceReports/:reportId/attendanceRecords', (req, res) => {
    const caller = ctx.authorize(req, READ_MEETING_ARTIFACTS);
    const user = pathUser(deps, req, caller);
    const meeting = meetingInPath(deps, req, user, false);
    const report = reportInPath(deps, req, meeting);
    res.json({
      '@odata.context': context(user, `('${meeting.id}')/attendanceReports('${report.id}')/attendanceRecords`),
      value: report.records.map(renderRecord),
    });
  });

  const router = Router();
  router.use('/me', perUser);
  router.use('/users/:user', perUser);
  return router;
}
