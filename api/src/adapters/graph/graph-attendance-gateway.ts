import type { Client } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';
import { AppError } from '../../domain/app-error.ts';
import type {
  AttendanceGateway,
  AttendanceLookup,
  AttendanceRecordRead,
  AttendanceReportRead,
} from '../../ports/attendance-gateway.ts';
import type { GraphTokenProvider } from '../../ports/graph-token-provider.ts';
import type { ActorDeps } from '../../use-cases/scheduling/caller.ts';
import { actorForUser } from '../../use-cases/scheduling/caller.ts';
import { call, parse } from './graph-call.ts';
import type { GraphClientFactory } from './graph-client-factory.ts';
import { encodedFilter, odataString } from './graph-odata.ts';

/**
 * Delegated permissions for reading attendance (per-user mode), asked for apart from the calendar's so that a
 * tenant that has not granted them keeps its calendar connection: finding the online meeting behind a join link
 * (`OnlineMeetings.Read`) and its attendance reports (`OnlineMeetingArtifact.Read.All`, which needs an admin's
 * consent). Tenant-wide, the application permissions `OnlineMeetings.Read.All` and `OnlineMeetingArtifact.Read.All`
 * are used, with Teams' application access policy granted for the organizers.
 */
export const ATTENDANCE_SCOPES = ['OnlineMeetings.Read', 'OnlineMeetingArtifact.Read.All'] as const;

/** Graph keeps the 50 most recent reports of an online meeting. */
const MAX_REPORTS = 50;

const instant = z.string().refine((text) => !Number.isNaN(Date.parse(text)), 'an instant');
const meetingListSchema = z.object({
  value: z.array(z.object({ id: z.string().min(1), joinWebUrl: z.string().nullish() })),
});
const reportSummarySchema = z.object({
  id: z.string().min(1),
  meetingStartDateTime: instant.nullish(),
  meetingEndDateTime: instant.nullish(),
});
const reportListSchema = z.object({ value: z.array(reportSummarySchema) });
const recordSchema = z.object({
  emailAddress: z.string().nullish(),
  identity: z.object({ id: z.string().nullish(), displayName: z.string().nullish() }).nullish(),
  totalAttendanceInSeconds: z.number().nonnegative().nullish(),
  attendanceIntervals: z
    .array(z.object({ joinDateTime: instant.nullish(), leaveDateTime: instant.nullish() }))
    .nullish(),
});
const reportSchema = reportSummarySchema.extend({ attendanceRecords: z.array(recordSchema).nullish() });

export interface GraphAttendanceGatewayDeps extends ActorDeps {
  tokens: GraphTokenProvider;
  createClient: GraphClientFactory;
}

/** Online meeting ids by organizer and join link: a late report is asked for several times, a series every week. */
const MAX_KNOWN_MEETINGS = 10_000;

export function createGraphAttendanceGateway(deps: GraphAttendanceGatewayDeps): AttendanceGateway {
  const knownMeetings = new Map<string, string>();
  const remember = (key: string, id: string) => {
    if (knownMeetings.size >= MAX_KNOWN_MEETINGS) knownMeetings.delete(knownMeetings.keys().next().value as string);
    knownMeetings.set(key, id);
  };
  return {
    async readAttendance(tenantId, organizerId, joinUrl, window): Promise<AttendanceLookup> {
      const actor = await actorForUser(deps, tenantId, organizerId);
      let token: string;
      try {
        token =
          actor.kind === 'app'
            ? await deps.tokens.forApp(tenantId)
            : await deps.tokens.forStoredUser(tenantId, organizerId, ATTENDANCE_SCOPES);
      } catch (error) {
        if (error instanceof AppError && error.code === 'consent_required') {
          return { kind: 'not_permitted', detail: 'The attendance permissions were not granted to Confer.' };
        }
        if (error instanceof AppError && (error.code === 'not_connected' || error.code === 'connection_expired')) {
          return { kind: 'not_connected' };
        }
        throw error;
      }
      const client = deps.createClient(async () => token, {
        tenantId,
        userId: actor.kind === 'app' ? null : organizerId,
      });
      const base = actor.kind === 'app' ? `/users/${encodeURIComponent(organizerId)}` : '/me';
      const key = `${tenantId} ${organizerId} ${joinUrl}`;
      try {
        const known = knownMeetings.get(key);
        if (known) {
          try {
            return await readReports(client, base, known, window);
          } catch (error) {
            if (!(error instanceof AppError && statusOf(error) === 404)) throw error;
            knownMeetings.delete(key);
          }
        }
        const meetingId = await findOnlineMeeting(client, base, joinUrl);
        if (!meetingId) return { kind: 'no_online_meeting' };
        remember(key, meetingId);
        return await readReports(client, base, meetingId, window);
      } catch (error) {
        if (error instanceof AppError && refused(error)) return { kind: 'not_permitted', detail: error.message };
        throw error;
      }
    },
  };
}

/** A 403 of any kind: the permission, consent or Teams' application access policy is missing. */
function refused(error: AppError): boolean {
  return error.code === 'outside_access_policy' || statusOf(error) === 403;
}

/** The HTTP status Graph answered with, when the error came from Graph. */
function statusOf(error: AppError): number | null {
  if (error.code === 'not_found') return 404;
  const cause = error.cause as { statusCode?: unknown } | undefined;
  return typeof cause?.statusCode === 'number' ? cause.statusCode : null;
}

/** The online meeting behind the join link, organised by the mailbox at `base`; null when Graph has none. */
async function findOnlineMeeting(client: Client, base: string, joinUrl: string): Promise<string | null> {
  const found = parse(
    meetingListSchema,
    await call(() =>
      client
        .api(`${base}/onlineMeetings`)
        .filter(encodedFilter(`JoinWebUrl eq ${odataString(joinUrl)}`))
        .get(),
    ),
    'online meeting list',
  );
  return found.value[0]?.id ?? null;
}

async function readReports(
  client: Client,
  base: string,
  meetingId: string,
  window: { start: Date; end: Date },
): Promise<AttendanceLookup> {
  const path = `${base}/onlineMeetings/${encodeURIComponent(meetingId)}/attendanceReports`;
  const list = parse(reportListSchema, await call(() => client.api(path).get()), 'attendance report list');
  const reports: AttendanceReportRead[] = [];
  for (const summary of list.value.slice(0, MAX_REPORTS)) {
    const start = summary.meetingStartDateTime ? new Date(summary.meetingStartDateTime) : null;
    const end = summary.meetingEndDateTime ? new Date(summary.meetingEndDateTime) : null;
    // A session outside the occurrence's window is another occurrence's: not read.
    if (start && end && (end <= window.start || start >= window.end)) continue;
    const full = parse(
      reportSchema,
      await call(() =>
        client
          .api(`${path}/${encodeURIComponent(summary.id)}`)
          .query({ $expand: 'attendanceRecords' })
          .get(),
      ),
      'attendance report',
    );
    const records = (full.attendanceRecords ?? []).map(toRecord);
    const sessionStart = start ?? firstJoin(records) ?? window.start;
    const sessionEnd = end ?? lastLeave(records) ?? window.end;
    reports.push({ id: full.id, sessionStart, sessionEnd, records });
  }
  return { kind: 'reports', reports };
}

function toRecord(record: z.infer<typeof recordSchema>): AttendanceRecordRead {
  const intervals = (record.attendanceIntervals ?? []).flatMap((interval) =>
    interval.joinDateTime && interval.leaveDateTime
      ? [{ join: new Date(interval.joinDateTime), leave: new Date(interval.leaveDateTime) }]
      : [],
  );
  const fromIntervals = intervals.reduce((sum, i) => sum + Math.max(0, i.leave.getTime() - i.join.getTime()) / 1000, 0);
  return {
    email: record.emailAddress ? record.emailAddress.toLowerCase() : null,
    userId: record.identity?.id && /^[0-9a-f-]{36}$/i.test(record.identity.id) ? record.identity.id : null,
    displayName: record.identity?.displayName ?? null,
    secondsPresent: Math.round(record.totalAttendanceInSeconds ?? fromIntervals),
    intervals,
  };
}

function firstJoin(records: readonly AttendanceRecordRead[]): Date | null {
  const joins = records.flatMap((r) => r.intervals.map((i) => i.join.getTime()));
  return joins.length > 0 ? new Date(Math.min(...joins)) : null;
}

function lastLeave(records: readonly AttendanceRecordRead[]): Date | null {
  const leaves = records.flatMap((r) => r.intervals.map((i) => i.leave.getTime()));
  return leaves.length > 0 ? new Date(Math.max(...leaves)) : null;
}
