import type { AttendanceReportRead } from '../../../ports/attendance-gateway.ts';

/** One attendee's line in a report: their object id, their address, the seconds they were present. */
export type AttendanceLine = [userId: string | null, email: string | null, seconds: number];

/** One 45-minute session's attendance report starting at `start`, a record per line (no intervals). */
export function attendanceReport(id: string, start: Date, lines: AttendanceLine[]): AttendanceReportRead {
  return {
    id,
    sessionStart: start,
    sessionEnd: new Date(start.getTime() + 45 * 60_000),
    records: lines.map(([userId, email, seconds]) => ({
      userId,
      email,
      displayName: null,
      secondsPresent: seconds,
      intervals: [],
    })),
  };
}
