import type {
  AttendanceRecordState,
  MeetingState,
  ParticipantState,
  ReportState,
  SessionState,
} from './meeting-state.ts';

/** A refused control operation: status and code for the control API's `{ error: { code, message } }`. */
export class MeetingControlError extends Error {
  readonly status: number;
  readonly code: string;

  constructor(status: number, code: string, message: string) {
    super(message);
    this.name = 'MeetingControlError';
    this.status = status;
    this.code = code;
  }
}

/** Who joins or leaves, already resolved against the directory. */
export type Person = Omit<ParticipantState, 'intervals'>;

export interface SessionEnd {
  startMs: number;
  endMs: number;
  report: ReportState | null;
}

export interface AttendanceDeps {
  newId(): string;
}

function checkOrder(meeting: MeetingState, atMs: number): void {
  if (meeting.lastEventMs !== null && atMs < meeting.lastEventMs) {
    throw new MeetingControlError(
      400,
      'out_of_order',
      `at: ${new Date(atMs).toISOString()} is before the meeting's last recorded change (${new Date(meeting.lastEventMs).toISOString()}).`,
    );
  }
}

function isInMeeting(participant: ParticipantState): boolean {
  return participant.intervals.some((interval) => interval.leaveMs === null);
}

/** Someone joins: the first join opens a session; joining again after leaving adds an interval. */
export function join(meeting: MeetingState, person: Person, atMs: number): void {
  checkOrder(meeting, atMs);
  meeting.session ??= { startMs: atMs, participants: [] } satisfies SessionState;
  const existing = meeting.session.participants.find((p) => p.key === person.key);
  if (existing && isInMeeting(existing)) {
    throw new MeetingControlError(409, 'already_in_meeting', `${person.email} is already in the meeting.`);
  }
  if (existing) existing.intervals.push({ joinMs: atMs, leaveMs: null });
  else meeting.session.participants.push({ ...person, intervals: [{ joinMs: atMs, leaveMs: null }] });
  meeting.lastEventMs = atMs;
}

/** Someone leaves; when nobody is left the session ends there. */
export function leave(meeting: MeetingState, key: string, email: string, atMs: number, deps: AttendanceDeps) {
  checkOrder(meeting, atMs);
  const participant = meeting.session?.participants.find((p) => p.key === key);
  const open = participant?.intervals.find((interval) => interval.leaveMs === null);
  if (!meeting.session || !open) {
    throw new MeetingControlError(409, 'not_in_meeting', `${email} is not in the meeting.`);
  }
  open.leaveMs = atMs;
  meeting.lastEventMs = atMs;
  const someoneLeft = meeting.session.participants.some(isInMeeting);
  return someoneLeft ? null : endSession(meeting, atMs, deps);
}

/** Ends the running session (everyone still in it leaves at `atMs`); null when no session is running. */
export function end(meeting: MeetingState, atMs: number, deps: AttendanceDeps): SessionEnd | null {
  checkOrder(meeting, atMs);
  if (!meeting.session) return null;
  for (const participant of meeting.session.participants) {
    for (const interval of participant.intervals) if (interval.leaveMs === null) interval.leaveMs = atMs;
  }
  meeting.lastEventMs = atMs;
  return endSession(meeting, atMs, deps);
}

/**
 * Closes the session. A report is generated when someone attended and reports are on for the meeting; it becomes
 * visible `reportDelaySeconds` after the end (Teams produces reports some minutes after a meeting ends).
 */
function endSession(meeting: MeetingState, endMs: number, deps: AttendanceDeps): SessionEnd {
  const session = meeting.session as SessionState;
  meeting.session = null;
  const attended = session.participants.length > 0;
  const report: ReportState | null =
    attended && !meeting.noReport
      ? {
          id: deps.newId(),
          startMs: session.startMs,
          endMs,
          availableMs: endMs + meeting.reportDelaySeconds * 1000,
          records: session.participants
            .toSorted((a, b) => (a.intervals[0]?.joinMs ?? 0) - (b.intervals[0]?.joinMs ?? 0))
            .map((p): AttendanceRecordState => ({ ...structuredClone(p), id: deps.newId() })),
        }
      : null;
  if (report) meeting.reports.push(report);
  return { startMs: session.startMs, endMs, report };
}

export function durationSeconds(joinMs: number, leaveMs: number): number {
  return Math.max(0, Math.round((leaveMs - joinMs) / 1000));
}
