/**
 * The online meetings feature's state, JSON-serialisable so the core can persist it (`state.json`). A meeting
 * is kept here once something happened to it through the control API (a join, a setting); until then it is read
 * live from the organizer's calendar item.
 */

/** `attendanceRecord.role` values (Graph: None, Attendee, Presenter, Organizer). */
export type AttendanceRole = 'Organizer' | 'Presenter' | 'Attendee' | 'None';

export interface IntervalState {
  joinMs: number;
  /** Null while the person is still in the meeting. */
  leaveMs: number | null;
}

export interface ParticipantState {
  /** `user:{object id}` for people of the tenant, `guest:{address}` for anyone else. */
  key: string;
  /** Entra object id; null for guests. */
  userId: string | null;
  tenantId: string | null;
  email: string;
  displayName: string;
  role: AttendanceRole;
  intervals: IntervalState[];
}

/** One time the meeting is held: from the first join until the last person leaves or it is ended. */
export interface SessionState {
  startMs: number;
  participants: ParticipantState[];
}

export interface AttendanceRecordState extends ParticipantState {
  id: string;
}

export interface ReportState {
  id: string;
  startMs: number;
  endMs: number;
  /** When Graph starts listing it: the session's end plus the meeting's report delay. */
  availableMs: number;
  records: AttendanceRecordState[];
}

/** What the organizer's calendar item said about the meeting when devtenant last read it. */
export interface MeetingSource {
  organizerId: string;
  eventId: string;
  subject: string;
  startMs: number;
  endMs: number;
  createdMs: number;
  isRecurring: boolean;
  joinUrl: string;
  conferenceId: string;
  tollNumber: string;
  attendees: { address: string; name: string }[];
}

export interface MeetingState {
  id: string;
  threadId: string;
  source: MeetingSource;
  reportDelaySeconds: number;
  noReport: boolean;
  /** The latest instant any join, leave or end was recorded at; later ones may not go back before it. */
  lastEventMs: number | null;
  session: SessionState | null;
  reports: ReportState[];
}

/**
 * The Teams application access policy (`New-CsApplicationAccessPolicy` + `Grant-CsApplicationAccessPolicy`): which
 * apps may read online meetings with application permissions, on behalf of which users (or everyone, `global`).
 */
export interface TeamsAccessPolicy {
  global: boolean;
  userIds: string[];
  /** Client ids the policy names; null names every app registered in the tenant. */
  appIds: string[] | null;
}

export interface OnlineMeetingsSnapshot {
  version: 1;
  meetings: Record<string, MeetingState>;
  accessPolicy: TeamsAccessPolicy;
}

/** Default delay between a session's end and its attendance report appearing in Graph. */
export const DEFAULT_REPORT_DELAY_SECONDS = 300;
/** The longest delay the control API accepts: one week. */
export const MAX_REPORT_DELAY_SECONDS = 7 * 24 * 3600;
/** `GET …/attendanceReports` returns at most the 50 most recent reports. */
export const MAX_LISTED_REPORTS = 50;

/** The seed grants the policy globally to every app so demos and tests reach meetings with app tokens. */
export function seedAccessPolicy(): TeamsAccessPolicy {
  return { global: true, userIds: [], appIds: null };
}

export function emptySnapshot(): OnlineMeetingsSnapshot {
  return { version: 1, meetings: {}, accessPolicy: seedAccessPolicy() };
}

export function isOnlineMeetingsSnapshot(value: unknown): value is OnlineMeetingsSnapshot {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<OnlineMeetingsSnapshot>;
  const policy = candidate.accessPolicy as Partial<TeamsAccessPolicy> | undefined;
  return (
    candidate.version === 1 &&
    typeof candidate.meetings === 'object' &&
    candidate.meetings !== null &&
    typeof policy === 'object' &&
    policy !== null &&
    typeof policy.global === 'boolean' &&
    Array.isArray(policy.userIds) &&
    (policy.appIds === null || Array.isArray(policy.appIds))
  );
}
