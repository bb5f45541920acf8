import type { Directory } from '../graph/context.ts';
import { durationSeconds } from './attendance.ts';
import { joinMeetingIdOf } from './join-url.ts';
import type { AttendanceRecordState, ReportState } from './meeting-state.ts';
import type { ResolvedMeeting } from './online-meetings-service.ts';

const iso = (ms: number) => new Date(ms).toISOString();

function identitySet(directory: Directory, tenantId: string, address: string, name: string, role: string) {
  const user = directory.findByEmail(tenantId, address);
  return {
    upn: user?.userPrincipalName ?? address,
    role,
    identity: {
      user: {
        id: user?.id ?? null,
        displayName: user?.displayName ?? name,
        tenantId: user ? user.tenantId : null,
        identityProvider: user ? 'AAD' : 'None',
      },
    },
  };
}

/**
 * Graph's `onlineMeeting` for a calendar-scheduled Teams meeting (Get onlineMeeting, v1.0): the organizer as a
 * presenter, the invitees as attendees, the lobby and presenter defaults of a tenant that never changed them.
 */
export function renderOnlineMeeting(meeting: ResolvedMeeting, directory: Directory, tenantId: string) {
  const { source } = meeting;
  const organizer = directory.findUser(tenantId, source.organizerId);
  return {
    id: meeting.id,
    creationDateTime: iso(source.createdMs),
    startDateTime: iso(source.startMs),
    endDateTime: iso(source.endMs),
    joinUrl: source.joinUrl,
    joinWebUrl: source.joinUrl,
    meetingCode: null,
    subject: source.subject,
    isBroadcast: false,
    autoAdmittedUsers: 'everyoneInCompany',
    isEntryExitAnnounced: true,
    allowedPresenters: 'everyone',
    allowMeetingChat: 'enabled',
    allowTeamworkReactions: true,
    allowAttendeeToEnableCamera: true,
    allowAttendeeToEnableMic: true,
    recordAutomatically: false,
    videoTeleconferenceId: null,
    externalId: null,
    audioConferencing: {
      conferenceId: source.conferenceId,
      tollNumber: source.tollNumber.replace(/[^\d+]/g, ''),
      tollFreeNumber: null,
      tollNumbers: [source.tollNumber.replace(/[^\d+]/g, '')],
      tollFreeNumbers: [],
      dialinUrl: `https://dialin.teams.microsoft.com/${tenantId}?id=${source.conferenceId}`,
    },
    chatInfo: { threadId: meeting.threadId, messageId: '0', replyChainMessageId: null },
    joinMeetingIdSettings: {
      isPasscodeRequired: false,
      joinMeetingId: joinMeetingIdOf(meeting.threadId),
      passcode: null,
    },
    lobbyBypassSettings: { scope: 'organization', isDialInBypassEnabled: false },
    participants: {
      organizer: {
        upn: organizer?.userPrincipalName ?? null,
        role: 'presenter',
        identity: {
          user: {
            id: source.organizerId,
            displayName: organizer?.displayName ?? null,
            tenantId,
            identityProvider: 'AAD',
          },
        },
      },
      attendees: source.attendees.map((a) => identitySet(directory, tenantId, a.address, a.name, 'attendee')),
      producers: [],
      contributors: [],
    },
  };
}

/** `meetingAttendanceReport`, without its records unless they are expanded. */
export function renderReport(report: ReportState, expandRecords: boolean) {
  return {
    id: report.id,
    totalParticipantCount: report.records.length,
    meetingStartDateTime: iso(report.startMs),
    meetingEndDateTime: iso(report.endMs),
    ...(expandRecords ? { attendanceRecords: report.records.map(renderRecord) } : {}),
  };
}

/** `attendanceRecord`: guests are known by address only (no object id, no tenant). */
export function renderRecord(record: AttendanceRecordState) {
  const intervals = record.intervals.map((interval) => {
    const leaveMs = interval.leaveMs ?? interval.joinMs;
    return {
      joinDateTime: iso(interval.joinMs),
      leaveDateTime: iso(leaveMs),
      durationInSeconds: durationSeconds(interval.joinMs, leaveMs),
    };
  });
  return {
    id: record.id,
    emailAddress: record.email,
    totalAttendanceInSeconds: intervals.reduce((sum, interval) => sum + interval.durationInSeconds, 0),
    role: record.role,
    identity: { id: record.userId, displayName: record.displayName, tenantId: record.tenantId },
    attendanceIntervals: intervals,
  };
}
