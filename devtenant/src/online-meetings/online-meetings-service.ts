import { randomUUID } from 'node:crypto';
import type { Clock, Directory, DirectoryUser } from '../graph/context.ts';
import { end, join, leave, MeetingControlError, type Person, type SessionEnd } from './attendance.ts';
import { joinMeetingIdOf, meetingIdOf, parseJoinUrl, parseMeetingId, sameJoinUrl } from './join-url.ts';
import {
  type AttendanceRole,
  DEFAULT_REPORT_DELAY_SECONDS,
  emptySnapshot,
  isOnlineMeetingsSnapshot,
  type MeetingSource,
  type MeetingState,
  type OnlineMeetingsSnapshot,
  type ReportState,
  seedAccessPolicy,
  type TeamsAccessPolicy,
} from './meeting-state.ts';

/** The organizer's calendar items that carry a Teams link (the calendar feature's `teamsMeetingsOf`). */
export interface TeamsMeetingItem extends Omit<MeetingSource, MeetingLinkField> {
  meeting: Pick<MeetingSource, MeetingLinkField>;
}

/** What the item keeps under `meeting` and a meeting's source keeps flat. */
type MeetingLinkField = 'joinUrl' | 'conferenceId' | 'tollNumber';

export interface OnlineMeetingsServiceDeps {
  tenantId: string;
  clock: Clock;
  directory: Directory;
  teamsMeetingsOf(organizerId: string): TeamsMeetingItem[];
  newId?: () => string;
}

/** A meeting as Graph shows it: what the calendar says now, or what devtenant kept after the item went away. */
export interface ResolvedMeeting {
  id: string;
  threadId: string;
  source: MeetingSource;
  state: MeetingState | undefined;
}

/** Who joins or leaves, as the control API names them: a person of the tenant (id or UPN) or an address. */
export interface ParticipantRef {
  userId?: string;
  email?: string;
  displayName?: string;
  role?: 'Presenter' | 'Attendee';
}

export interface MeetingSettings {
  reportDelaySeconds?: number;
  noReport?: boolean;
}

/** The control API's view of one meeting. */
export interface MeetingControlState {
  meetingId: string;
  joinWebUrl: string;
  organizerId: string;
  subject: string;
  settings: { reportDelaySeconds: number; noReport: boolean };
  session: {
    startedAt: string;
    participants: {
      userId: string | null;
      email: string;
      displayName: string;
      role: AttendanceRole;
      inMeeting: boolean;
      intervals: { joinedAt: string; leftAt: string | null }[];
    }[];
  } | null;
  reports: {
    id: string;
    meetingStartDateTime: string;
    meetingEndDateTime: string;
    availableAt: string;
    available: boolean;
    totalParticipantCount: number;
  }[];
}

export interface SessionOutcome {
  meetingId: string;
  joinWebUrl: string;
  sessionEnded: boolean;
  report: { id: string; availableAt: string } | null;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** A meeting nothing has happened to yet: default settings, no session, no reports. */
function freshState(meeting: { id: string; threadId: string; source: MeetingSource }): MeetingState {
  return {
    id: meeting.id,
    threadId: meeting.threadId,
    source: meeting.source,
    reportDelaySeconds: DEFAULT_REPORT_DELAY_SECONDS,
    noReport: false,
    lastEventMs: null,
    session: null,
    reports: [],
  };
}

function sourceOf(item: TeamsMeetingItem): MeetingSource {
  return {
    organizerId: item.organizerId,
    eventId: item.eventId,
    subject: item.subject,
    startMs: item.startMs,
    endMs: item.endMs,
    createdMs: item.createdMs,
    isRecurring: item.isRecurring,
    joinUrl: item.meeting.joinUrl,
    conferenceId: item.meeting.conferenceId,
    tollNumber: item.meeting.tollNumber,
    attendees: item.attendees.map((a) => ({ ...a })),
  };
}

/**
 * Teams online meetings behind the calendar's join links, their sessions and attendance reports, and the Teams
 * application access policy. Meetings are found through the organizer's calendar (the join link names the
 * organizer); state is kept only for meetings something happened to.
 */
export function createOnlineMeetingsService(deps: OnlineMeetingsServiceDeps) {
  let state: OnlineMeetingsSnapshot = emptySnapshot();
  const newId = deps.newId ?? randomUUID;
  const now = () => deps.clock.now().getTime();

  const organizer = (oid: string | null): DirectoryUser | undefined =>
    oid ? deps.directory.findUser(deps.tenantId, oid) : undefined;

  /** Refreshes the kept copy from the calendar while the item exists, so renames and moves show. */
  const resolved = (id: string, threadId: string, item: TeamsMeetingItem | undefined): ResolvedMeeting | undefined => {
    const kept = state.meetings[id];
    if (item) {
      const source = sourceOf(item);
      if (kept) kept.source = source;
      return { id, threadId, source, state: kept };
    }
    return kept ? { id, threadId, source: kept.source, state: kept } : undefined;
  };

  const byJoinUrl = (joinUrl: string): ResolvedMeeting | undefined => {
    const parts = parseJoinUrl(joinUrl);
    const owner = organizer(parts?.organizerId ?? null);
    if (!parts || !owner) return undefined;
    const id = meetingIdOf(owner.id, parts.threadId);
    const item = deps.teamsMeetingsOf(owner.id).find((i) => sameJoinUrl(i.meeting.joinUrl, joinUrl));
    return resolved(id, parts.threadId, item);
  };

  const byId = (meetingId: string): ResolvedMeeting | undefined | 'corrupt' => {
    const parsed = parseMeetingId(meetingId);
    if (!parsed) return 'corrupt';
    const owner = organizer(parsed.organizerId);
    if (!owner) return undefined;
    const item = deps
      .teamsMeetingsOf(owner.id)
      .find((i) => parseJoinUrl(i.meeting.joinUrl)?.threadId === parsed.threadId);
    return resolved(meetingIdOf(owner.id, parsed.threadId), parsed.threadId, item);
  };

  const requireMeeting = (joinWebUrl: string): MeetingState => {
    const meeting = byJoinUrl(joinWebUrl);
    if (!meeting) {
      throw new MeetingControlError(404, 'unknown_meeting', `No Teams meeting has the join URL ${joinWebUrl}.`);
    }
    const kept = meeting.state ?? freshState(meeting);
    state.meetings[meeting.id] = kept;
    return kept;
  };

  const person = (meeting: MeetingState, ref: ParticipantRef): Person => {
    const user = ref.userId
      ? deps.directory.findUser(deps.tenantId, ref.userId)
      : deps.directory.findByEmail(deps.tenantId, ref.email ?? '');
    if (ref.userId && !user) throw new MeetingControlError(404, 'unknown_user', `No person ${ref.userId}.`);
    const isOrganizer = user?.id === meeting.source.organizerId;
    if (isOrganizer && ref.role) {
      throw new MeetingControlError(400, 'invalid_request', 'role: the organizer always attends as Organizer.');
    }
    if (user) {
      return {
        key: `user:${user.id}`,
        userId: user.id,
        tenantId: user.tenantId,
        email: user.mail ?? user.userPrincipalName,
        displayName: user.displayName,
        role: isOrganizer ? 'Organizer' : (ref.role ?? 'Presenter'),
      };
    }
    const email = (ref.email ?? '').toLowerCase();
    return {
      key: `guest:${email}`,
      userId: null,
      tenantId: null,
      email: ref.email ?? '',
      displayName: ref.displayName ?? ref.email ?? '',
      role: ref.role ?? 'Attendee',
    };
  };

  const outcome = (meeting: MeetingState, ended: SessionEnd | null): SessionOutcome => ({
    meetingId: meeting.id,
    joinWebUrl: meeting.source.joinUrl,
    sessionEnded: ended !== null,
    report: ended?.report ? { id: ended.report.id, availableAt: iso(ended.report.availableMs) } : null,
  });

  const controlState = (meeting: MeetingState): MeetingControlState => ({
    meetingId: meeting.id,
    joinWebUrl: meeting.source.joinUrl,
    organizerId: meeting.source.organizerId,
    subject: meeting.source.subject,
    settings: { reportDelaySeconds: meeting.reportDelaySeconds, noReport: meeting.noReport },
    session: meeting.session
      ? {
          startedAt: iso(meeting.session.startMs),
          participants: meeting.session.participants.map((p) => ({
            userId: p.userId,
            email: p.email,
            displayName: p.displayName,
            role: p.role,
            inMeeting: p.intervals.some((i) => i.leaveMs === null),
            intervals: p.intervals.map((i) => ({
              joinedAt: iso(i.joinMs),
              leftAt: i.leaveMs === null ? null : iso(i.leaveMs),
            })),
          })),
        }
      : null,
    reports: meeting.reports.map((r) => ({
      id: r.id,
      meetingStartDateTime: iso(r.startMs),
      meetingEndDateTime: iso(r.endMs),
      availableAt: iso(r.availableMs),
      available: r.availableMs <= now(),
      totalParticipantCount: r.records.length,
    })),
  });

  const attendanceDeps = { newId };

  /** The organizer's meetings whose `joinMeetingIdSettings.joinMeetingId` is this one (at most one). */
  const byJoinMeetingId = (organizerId: string, joinMeetingId: string): ResolvedMeeting[] => {
    const found = new Map<string, ResolvedMeeting>();
    for (const item of deps.teamsMeetingsOf(organizerId)) {
      const threadId = parseJoinUrl(item.meeting.joinUrl)?.threadId;
      if (!threadId || joinMeetingIdOf(threadId) !== joinMeetingId) continue;
      const meeting = resolved(meetingIdOf(organizerId, threadId), threadId, item);
      if (meeting) found.set(meeting.id, meeting);
    }
    for (const kept of Object.values(state.meetings)) {
      if (kept.source.organizerId !== organizerId || found.has(kept.id)) continue;
      if (joinMeetingIdOf(kept.threadId) === joinMeetingId)
        found.set(kept.id, resolved(kept.id, kept.threadId, undefined)!);
    }
    return [...found.values()];
  };

  return {
    byJoinUrl,
    byId,
    byJoinMeetingId,
    /** Reports Graph shows now: generated and past their delay, newest first. */
    visibleReports(meeting: ResolvedMeeting): ReportState[] {
      const at = now();
      return (meeting.state?.reports ?? [])
        .filter((r) => r.availableMs <= at)
        .toSorted((a, b) => b.startMs - a.startMs);
    },
    /** May this app read this user's online meetings with application permissions? */
    policyAllows(appId: string, userId: string): boolean {
      const policy = state.accessPolicy;
      const namesApp = policy.appIds === null || policy.appIds.some((id) => id.toLowerCase() === appId.toLowerCase());
      return namesApp && (policy.global || policy.userIds.includes(userId));
    },
    accessPolicy: (): TeamsAccessPolicy => structuredClone(state.accessPolicy),
    setAccessPolicy(policy: TeamsAccessPolicy): TeamsAccessPolicy {
      state.accessPolicy = structuredClone(policy);
      return structuredClone(state.accessPolicy);
    },
    join(joinWebUrl: string, ref: ParticipantRef, atMs = now()): MeetingControlState {
      const meeting = requireMeeting(joinWebUrl);
      join(meeting, person(meeting, ref), atMs);
      return controlState(meeting);
    },
    leave(joinWebUrl: string, ref: ParticipantRef, atMs = now()): SessionOutcome {
      const meeting = requireMeeting(joinWebUrl);
      const who = person(meeting, { userId: ref.userId, email: ref.email });
      return outcome(meeting, leave(meeting, who.key, who.email, atMs, attendanceDeps));
    },
    end(joinWebUrl: string, atMs = now()): SessionOutcome {
      const meeting = requireMeeting(joinWebUrl);
      return outcome(meeting, end(meeting, atMs, attendanceDeps));
    },
    settings(joinWebUrl: string, settings: MeetingSettings): MeetingControlState {
      const meeting = requireMeeting(joinWebUrl);
      if (settings.reportDelaySeconds !== undefined) meeting.reportDelaySeconds = settings.reportDelaySeconds;
      if (settings.noReport !== undefined) meeting.noReport = settings.noReport;
      return controlState(meeting);
    },
    state(joinWebUrl: string): MeetingControlState {
      const meeting = byJoinUrl(joinWebUrl);
      if (!meeting) {
        throw new MeetingControlError(404, 'unknown_meeting', `No Teams meeting has the join URL ${joinWebUrl}.`);
      }
      return controlState(meeting.state ?? freshState(meeting));
    },
    snapshot: (): OnlineMeetingsSnapshot => structuredClone(state),
    restore(snapshot: unknown): void {
      if (!isOnlineMeetingsSnapshot(snapshot)) {
        throw new Error('Online meetings state to restore is not an online meetings snapshot (version 1).');
      }
      state = structuredClone(snapshot);
    },
    reset(): void {
      state = { ...emptySnapshot(), accessPolicy: seedAccessPolicy() };
    },
  };
}

export type OnlineMeetingsService = ReturnType<typeof createOnlineMeetingsService>;
export { MeetingControlError };
