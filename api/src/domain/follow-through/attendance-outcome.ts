import type { AttendanceReportRead } from '../../ports/attendance-gateway.ts';
import type { ParticipantAttendance } from '../../ports/attendance-store.ts';
import type { Meeting } from '../scheduling/meeting.ts';
import type { Interval } from '../scheduling/model.ts';

/**
 * How an ended occurrence went, from the Teams attendance reports of its session. Pure: the reports are read
 * by the caller. A report belongs to the occurrence when its session overlaps the occurrence widened by an hour
 * before and two after (people join early, and run over).
 */
export type ReadOutcome = 'held' | 'partly_attended' | 'no_show';

export interface OutcomeFromReports {
  outcome: ReadOutcome;
  participants: ParticipantAttendance[];
}

const EARLY_MS = 60 * 60_000;
const LATE_MS = 2 * 60 * 60_000;
/** Someone counts as having attended after this long, or half the meeting when it is shorter. */
const ATTENDED_MS = 5 * 60_000;

/** The reports whose session belongs to the occurrence. */
export function reportsFor(occurrence: Interval, reports: readonly AttendanceReportRead[]): AttendanceReportRead[] {
  const from = occurrence.start.getTime() - EARLY_MS;
  const to = occurrence.end.getTime() + LATE_MS;
  return reports.filter((report) => report.sessionStart.getTime() < to && report.sessionEnd.getTime() > from);
}

/**
 * The outcome, or null when no report belongs to the occurrence (yet). Only people invited count: the
 * organizer and every attendee who did not decline. `held`: all of them attended; `partly_attended`: at least
 * two did, not all; `no_show`: fewer than two met.
 */
export function outcomeFromReports(
  meeting: Pick<Meeting, 'organizerId' | 'organizerEmail' | 'organizerName' | 'attendees'>,
  occurrence: Interval,
  reports: readonly AttendanceReportRead[],
): OutcomeFromReports | null {
  const own = reportsFor(occurrence, reports);
  if (own.length === 0) return null;
  const secondsByUser = new Map<string, number>();
  const secondsByEmail = new Map<string, number>();
  for (const report of own) {
    for (const record of report.records) {
      const seconds = Math.max(0, record.secondsPresent);
      if (record.userId) add(secondsByUser, record.userId.toLowerCase(), seconds);
      else if (record.email) add(secondsByEmail, record.email.toLowerCase(), seconds);
    }
  }
  const secondsOf = (userId: string | null, email: string) =>
    (userId ? (secondsByUser.get(userId.toLowerCase()) ?? 0) : 0) + (secondsByEmail.get(email.toLowerCase()) ?? 0);

  const durationMs = occurrence.end.getTime() - occurrence.start.getTime();
  const enoughSeconds = Math.min(ATTENDED_MS, durationMs / 2) / 1000;
  const participants: ParticipantAttendance[] = [];
  const expected: { attended: boolean }[] = [];
  const organizerSeconds = secondsOf(meeting.organizerId, meeting.organizerEmail);
  participants.push(
    participant(meeting.organizerEmail, meeting.organizerId, meeting.organizerName, 'organizer', organizerSeconds),
  );
  expected.push({ attended: organizerSeconds >= enoughSeconds });
  for (const attendee of meeting.attendees) {
    const seconds = secondsOf(attendee.userId, attendee.email);
    participants.push(participant(attendee.email, attendee.userId, attendee.displayName, 'attendee', seconds));
    if (attendee.response !== 'declined') expected.push({ attended: seconds >= enoughSeconds });
  }
  const attended = expected.filter((person) => person.attended).length;
  const outcome: ReadOutcome = attended < 2 ? 'no_show' : attended === expected.length ? 'held' : 'partly_attended';
  return { outcome, participants };
}

/** Everyone invited, marked by the organizer: all joined when held, nobody when not (minutes unknown: 0). */
export function participantsAsMarked(
  meeting: Pick<Meeting, 'organizerId' | 'organizerEmail' | 'organizerName' | 'attendees'>,
  held: boolean,
): ParticipantAttendance[] {
  return [
    {
      ...participant(meeting.organizerEmail, meeting.organizerId, meeting.organizerName, 'organizer', 0),
      joined: held,
    },
    ...meeting.attendees.map((a) => ({
      ...participant(a.email, a.userId, a.displayName, 'attendee', 0),
      joined: held && a.response !== 'declined',
    })),
  ];
}

function participant(
  email: string,
  userId: string | null,
  displayName: string,
  role: 'organizer' | 'attendee',
  seconds: number,
): ParticipantAttendance {
  return { email, userId, displayName, role, joined: seconds > 0, minutesPresent: Math.floor(seconds / 60) };
}

function add(map: Map<string, number>, key: string, seconds: number): void {
  map.set(key, (map.get(key) ?? 0) + seconds);
}
