/**
 * Reading a Teams meeting's attendance through Graph, as the organizer (per-user mode: their stored delegated
 * token; tenant-wide: the application, with Teams' application access policy granted for the organizer).
 */

export interface AttendanceInterval {
  join: Date;
  leave: Date;
}

export interface AttendanceRecordRead {
  /** Null when Graph gives none (some guests). */
  email: string | null;
  /** The person's Entra object id; null for guests outside the tenant. */
  userId: string | null;
  displayName: string | null;
  secondsPresent: number;
  intervals: AttendanceInterval[];
}

/** One session's report: Teams makes one each time the meeting is held and ends. */
export interface AttendanceReportRead {
  id: string;
  sessionStart: Date;
  sessionEnd: Date;
  records: AttendanceRecordRead[];
}

export type AttendanceLookup =
  /** The online meeting exists; its reports (possibly none yet). */
  | { kind: 'reports'; reports: AttendanceReportRead[] }
  /** Graph knows no online meeting behind the join link. */
  | { kind: 'no_online_meeting' }
  /** Graph refused (403): permission, consent or Teams' application access policy missing. */
  | { kind: 'not_permitted'; detail: string }
  /** Per-user mode and the organizer's stored connection is gone or expired. */
  | { kind: 'not_connected' };

export interface AttendanceGateway {
  /**
   * The attendance reports of the online meeting behind `joinUrl`, organised by `organizerId`, whose sessions
   * overlap `window` (the occurrence, widened by the caller). Throttling and faults throw (AppError), to be retried.
   */
  readAttendance(
    tenantId: string,
    organizerId: string,
    joinUrl: string,
    window: { start: Date; end: Date },
  ): Promise<AttendanceLookup>;
}
