import type { BotUser, MeetingCardView, SchedulingActions } from '@confer/bot/ports';
import { createMeetingRequestSchema, suggestionsRequestSchema, updateMeetingRequestSchema } from '@confer/contracts';
import { AppError } from '../../domain/app-error.ts';
import type { Meeting } from '../../domain/scheduling/meeting.ts';
import { attendeeOf } from '../../domain/scheduling/meeting-roles.ts';
import { INTEGRATION_OFF_MESSAGE, settingsOf } from '../../use-cases/admin/tenant-settings.ts';
import { connectionMessage } from '../../use-cases/connection/my-connection.ts';
import type { FollowThroughDeps } from '../../use-cases/follow-through/follow-through-deps.ts';
import { actorForUser, backgroundCaller, type Caller } from '../../use-cases/scheduling/caller.ts';
import { updateMeeting } from '../../use-cases/scheduling/change-meeting.ts';
import { createMeeting } from '../../use-cases/scheduling/create-meeting.ts';
import {
  findMeetingFor,
  type MeetingAccess,
  meetingNotFound,
  requireOrganizer,
} from '../../use-cases/scheduling/meeting-access.ts';
import { getMeeting, listMyMeetings } from '../../use-cases/scheduling/read-meetings.ts';
import { respondToMeeting } from '../../use-cases/scheduling/respond-to-meeting.ts';
import type { SchedulingDeps } from '../../use-cases/scheduling/scheduling-deps.ts';
import { suggestTimes } from '../../use-cases/scheduling/suggest-times.ts';
import type { BotPerson, FindBotPerson } from '../graph/graph-bot-person.ts';
import { attempt } from './action-result.ts';
import { createFollowUpActions } from './follow-up-actions.ts';
import { toMeetingCardView, type Viewer } from './meeting-card-view.ts';

export interface SchedulingActionsDeps {
  scheduling: SchedulingDeps;
  findPerson: FindBotPerson;
  /** Attendance, pairs and their rhythm, for the follow-up and nudge cards. */
  followThrough: FollowThroughDeps;
}

/**
 * The scheduling use cases for the bot, each run as the person who clicked or typed (a background
 * caller: their stored token in per-user mode, the app in tenant-wide mode). The person is the
 * activity's object id, and which meetings they see, and their part in each, is the API's own rule
 * (use-cases/scheduling/meeting-access.ts): a meeting they are not part of does not exist for them.
 */
export function createSchedulingActions(deps: SchedulingActionsDeps): SchedulingActions {
  const { scheduling } = deps;
  const person = (user: BotUser) =>
    deps.findPerson(user.tenantId, user.userId, () => actorForUser(scheduling, user.tenantId, user.userId));
  const personOrNull = (user: BotUser) => person(user).catch(() => null);
  const callerOf = (user: BotUser, who: Pick<BotPerson, 'email' | 'displayName'>): Caller =>
    backgroundCaller({ tenantId: user.tenantId, userId: user.userId, ...who });

  /** The meeting and the person's part in it, by the API's rule; "no such meeting" when it is not theirs. */
  async function mine(user: BotUser, meetingId: string): Promise<MeetingAccess> {
    const found = await findMeetingFor(scheduling.meetings, user, meetingId);
    if (!found) throw meetingNotFound();
    return found;
  }

  /** The person as the use cases see them in this meeting: under its organizer's or their attendee entry. */
  function callerIn(user: BotUser, { meeting, role }: MeetingAccess): Caller {
    const attendee = role === 'attendee' ? attendeeOf(meeting, user.userId) : undefined;
    return attendee
      ? callerOf(user, { email: attendee.email, displayName: attendee.displayName })
      : callerOf(user, { email: meeting.organizerEmail, displayName: meeting.organizerName });
  }

  const viewerOf = (user: BotUser): Viewer => ({ userId: user.userId, timeZone: null });

  async function viewOf(user: BotUser, meeting: Meeting, viewer: Viewer): Promise<MeetingCardView> {
    const zone = viewer.timeZone ?? (await personOrNull(user))?.timeZone ?? null;
    return toMeetingCardView(scheduling, meeting, { ...viewer, timeZone: zone });
  }

  async function asOrganizer(user: BotUser, meetingId: string) {
    const found = await mine(user, meetingId);
    requireOrganizer(found.role);
    return { meeting: found.meeting, caller: callerIn(user, found), viewer: viewerOf(user) };
  }

  const followUps = createFollowUpActions(scheduling, deps.followThrough, {
    person,
    callerIn,
    callerOf,
    viewOf: (user, meeting) => viewOf(user, meeting, viewerOf(user)),
  });

  return {
    ...followUps,
    async meetingFor(user, meetingId) {
      const found = await findMeetingFor(scheduling.meetings, user, meetingId);
      return found ? viewOf(user, found.meeting, viewerOf(user)) : null;
    },

    respond: (user, meetingId, answer) =>
      attempt(async () => {
        // The use case refuses the organizer and a meeting that cannot be answered, as for the tab.
        const caller = callerIn(user, await mine(user, meetingId));
        const updated = await respondToMeeting(scheduling, caller, meetingId, {
          response: answer.response,
          comment: '',
          ...(answer.proposed
            ? { proposedStart: answer.proposed.start.toISOString(), proposedEnd: answer.proposed.end.toISOString() }
            : {}),
        });
        return viewOf(user, updated, viewerOf(user));
      }),

    rescheduleOptions: (user, meetingId, count) =>
      attempt(async () => {
        const { meeting, caller } = await asOrganizer(user, meetingId);
        const request = suggestionsRequestSchema.safeParse({
          attendees: meeting.attendees.map((a) => a.email),
          durationMinutes: Math.round((meeting.end.getTime() - meeting.start.getTime()) / 60_000),
          maxSuggestions: count,
        });
        if (!request.success) throw new AppError('validation_failed', 'This meeting cannot be re-planned here.');
        const answer = await suggestTimes(scheduling, caller, request.data);
        return answer.suggestions.map((s) => ({ start: new Date(s.start), end: new Date(s.end) }));
      }),

    reschedule: (user, meetingId, version, slot) =>
      attempt(async () => {
        const { meeting, caller, viewer } = await asOrganizer(user, meetingId);
        if (meeting.version !== version) {
          throw new AppError('version_conflict', 'This meeting changed since the card was sent.');
        }
        // Attendees' answers give the organizer's event a new change key (the update's If-Match), so read
        // it first as the tab does; only a change the card did not show (time, status) refuses the move.
        const { meeting: current } = await getMeeting(scheduling, caller, meetingId);
        if (current.status !== meeting.status || current.start.getTime() !== meeting.start.getTime()) {
          throw new AppError('version_conflict', 'This meeting changed in Outlook since the card was sent.');
        }
        const request = updateMeetingRequestSchema.parse({
          version: current.version,
          start: slot.start.toISOString(),
          end: slot.end.toISOString(),
        });
        const updated = await updateMeeting(scheduling, caller, meetingId, request);
        return viewOf(user, updated, viewer);
      }),

    findPeople: (user, text, limit) =>
      attempt(async () => {
        const actor = await actorForUser(scheduling, user.tenantId, user.userId);
        const found = await scheduling.directory.searchPeople(actor, text, limit);
        return found
          .filter((entry) => entry.hasMailbox)
          .map((entry) => ({ userId: entry.userId, email: entry.email.toLowerCase(), name: entry.displayName }));
      }),

    suggestWith: (user, emails, durationMinutes, count) =>
      attempt(async () => {
        const me = await person(user);
        const request = suggestionsRequestSchema.parse({
          attendees: [...emails],
          durationMinutes,
          maxSuggestions: count,
        });
        const answer = await suggestTimes(scheduling, callerOf(user, me), request);
        return {
          slots: answer.suggestions.map((s) => ({ start: new Date(s.start), end: new Date(s.end) })),
          timeZone: me.timeZone,
          unreadable: answer.unreadable.length > 0,
        };
      }),

    schedule: (user, request) =>
      attempt(async () => {
        const me = await person(user);
        const parsed = createMeetingRequestSchema.safeParse({
          title: request.title,
          attendees: [...request.attendees],
          start: request.start.toISOString(),
          end: request.end.toISOString(),
          timeZone: me.timeZone,
        });
        if (!parsed.success) throw new AppError('validation_failed', 'That meeting cannot be created.');
        const created = await createMeeting(scheduling, callerOf(user, me), parsed.data);
        return viewOf(user, created, { userId: user.userId, timeZone: me.timeZone });
      }),

    upcoming: (user, limit) =>
      attempt(async () => {
        const me = await personOrNull(user);
        const caller = callerOf(user, { email: me?.email ?? '', displayName: me?.displayName ?? user.name ?? '' });
        const meetings = await listMyMeetings(scheduling, caller, 'upcoming', limit * 2);
        const viewer: Viewer = { userId: user.userId, timeZone: me?.timeZone ?? null };
        const scheduled = meetings.filter((m) => m.status === 'scheduled').slice(0, limit);
        return Promise.all(scheduled.map((m) => toMeetingCardView(scheduling, m, viewer)));
      }),

    async connection(user) {
      const settings = await settingsOf(scheduling.tenants, user.tenantId, scheduling.defaultConnectionMode);
      if (!settings.integrationEnabled) {
        return { status: 'not_connected', message: INTEGRATION_OFF_MESSAGE, expiresAt: null };
      }
      const mode = settings.connectionMode;
      const record = await scheduling.tenants.getUser(user.tenantId, user.userId);
      // Tenant-wide access is granted by the admin for everyone; a person Confer has not met yet is covered.
      const status = record?.connectionStatus ?? (mode === 'tenant' ? 'connected' : 'not_connected');
      return { status, message: connectionMessage(status, mode), expiresAt: record?.connectionExpiresAt ?? null };
    },
  };
}
