import type { BotUser, FollowUpView, MeetingCardView, NudgeView, SchedulingActions, TimeSlot } from '@confer/bot/ports';
import { createMeetingRequestSchema, suggestionsRequestSchema } from '@confer/contracts';
import { AppError } from '../../domain/app-error.ts';
import { rhythmOf } from '../../domain/follow-through/pair-rhythm.ts';
import type { Meeting } from '../../domain/scheduling/meeting.ts';
import type { OccurrenceAttendance } from '../../ports/attendance-store.ts';
import type { FollowThroughDeps } from '../../use-cases/follow-through/follow-through-deps.ts';
import { markAttendance, setNudges } from '../../use-cases/follow-through/follow-through-views.ts';
import { pairPerson, upcomingWith } from '../../use-cases/follow-through/pair-people.ts';
import type { Caller } from '../../use-cases/scheduling/caller.ts';
import { createMeeting } from '../../use-cases/scheduling/create-meeting.ts';
import { findMeetingFor, type MeetingAccess, meetingNotFound } from '../../use-cases/scheduling/meeting-access.ts';
import { createAction, listActions, listNotes, saveNote } from '../../use-cases/scheduling/notes-and-actions.ts';
import type { SchedulingDeps } from '../../use-cases/scheduling/scheduling-deps.ts';
import { suggestTimes } from '../../use-cases/scheduling/suggest-times.ts';
import type { BotPerson } from '../graph/graph-bot-person.ts';
import { attempt } from './action-result.ts';

type FollowUpActions = Pick<
  SchedulingActions,
  'followUpFor' | 'markHeld' | 'addNote' | 'addAction' | 'bookFollowOn' | 'nudgeFor' | 'bookWithPartner' | 'setNudges'
>;

/** What the scheduling actions lend the follow-up actions: the person, their caller in a meeting, card views. */
export interface FollowUpHelpers {
  person(user: BotUser): Promise<BotPerson>;
  callerIn(user: BotUser, access: MeetingAccess): Caller;
  callerOf(user: BotUser, who: Pick<BotPerson, 'email' | 'displayName'>): Caller;
  viewOf(user: BotUser, meeting: Meeting): Promise<MeetingCardView>;
}

const DAY_MS = 86_400_000;
/** "Book the next one" looks from two days before the rhythm's date for a week. */
const NEXT_LEAD_DAYS = 2;
const NEXT_SPAN_DAYS = 7;

/** The bot's follow-up and nudge actions, each as the person who clicked, by the API's meeting rule. */
export function createFollowUpActions(
  scheduling: SchedulingDeps,
  followThrough: FollowThroughDeps,
  helpers: FollowUpHelpers,
): FollowUpActions {
  const now = () => scheduling.clock.now();

  async function mine(user: BotUser, meetingId: string): Promise<MeetingAccess> {
    const found = await findMeetingFor(scheduling.meetings, user, meetingId);
    if (!found) throw meetingNotFound();
    return found;
  }

  async function recordOf(user: BotUser, meetingId: string, occurrenceStart: Date): Promise<OccurrenceAttendance> {
    const record = await followThrough.attendance.get(user.tenantId, meetingId, occurrenceStart);
    if (!record) throw new AppError('not_found', 'No such occurrence.');
    return record;
  }

  /** Everyone in the meeting but the user, by address. */
  function othersOf(meeting: Meeting, userId: string): { emails: string[]; partnerIds: string[] } {
    const people = [
      { userId: meeting.organizerId, email: meeting.organizerEmail },
      ...meeting.attendees.filter((a) => a.response !== 'declined').map((a) => ({ userId: a.userId, email: a.email })),
    ].filter((p) => p.userId !== userId);
    return {
      emails: people.map((p) => p.email.toLowerCase()),
      partnerIds: people.flatMap((p) => (p.userId ? [p.userId] : [])),
    };
  }

  async function rhythmFor(user: BotUser, meeting: Meeting): Promise<number | null> {
    const { partnerIds } = othersOf(meeting, user.userId);
    const type = meeting.typeId ? await scheduling.meetingTypes.get(user.tenantId, meeting.typeId) : undefined;
    const pair =
      partnerIds.length === 1
        ? await followThrough.pairs.get(user.tenantId, user.userId, partnerIds[0] as string)
        : undefined;
    const rhythm = rhythmOf({ rhythmDays: pair?.rhythmDays ?? null, lastTypeId: meeting.typeId }, (typeId) =>
      typeId === type?.id ? type.cadenceDays : null,
    );
    return rhythm?.days ?? null;
  }

  /** Mutual free times with `emails`, `minutes` long, within the window (the default two weeks when none). */
  async function slotsWith(
    caller: Caller,
    emails: string[],
    minutes: number,
    count: number,
    window: { start: Date; end: Date } | null,
  ): Promise<TimeSlot[]> {
    if (count <= 0 || emails.length === 0) return [];
    const request = suggestionsRequestSchema.safeParse({
      attendees: emails,
      durationMinutes: minutes,
      maxSuggestions: count,
      ...(window ? { start: window.start.toISOString(), end: window.end.toISOString() } : {}),
    });
    if (!request.success) return [];
    try {
      const answer = await suggestTimes(scheduling, caller, request.data);
      return answer.suggestions.map((s) => ({ start: new Date(s.start), end: new Date(s.end) }));
    } catch (error) {
      // The card still goes, with a link to pick a time in the tab.
      scheduling.logger.warn('follow-up.slots_unavailable', { error });
      return [];
    }
  }

  async function followUpView(
    user: BotUser,
    access: MeetingAccess,
    record: OccurrenceAttendance,
    slots: number,
  ): Promise<FollowUpView> {
    const { meeting } = access;
    const caller = helpers.callerIn(user, access);
    const rhythmDays = await rhythmFor(user, meeting);
    const minutes = Math.round((meeting.end.getTime() - meeting.start.getTime()) / 60_000);
    const { emails } = othersOf(meeting, user.userId);
    let found: TimeSlot[] = [];
    if (record.state === 'held' || record.state === 'partly_attended') {
      const from = rhythmDays
        ? Math.max(now().getTime(), record.occurrenceStart.getTime() + (rhythmDays - NEXT_LEAD_DAYS) * DAY_MS)
        : null;
      const window = from ? { start: new Date(from), end: new Date(from + NEXT_SPAN_DAYS * DAY_MS) } : null;
      found = await slotsWith(caller, emails, minutes, slots, window);
    } else if (record.state === 'no_show' && access.role === 'organizer') {
      found = await slotsWith(caller, emails, minutes, slots, null);
    }
    const occurrenceKey = meeting.recurrence ? record.occurrenceStart.getTime() : null;
    const onOccurrence = (start: Date | null) => (start?.getTime() ?? null) === occurrenceKey;
    const [notes, actions] = await Promise.all([
      listNotes(scheduling, caller, meeting.id).catch(() => []),
      listActions(scheduling, caller, meeting.id).catch(() => []),
    ]);
    return {
      meeting: await helpers.viewOf(user, meeting),
      occurrenceStart: record.occurrenceStart,
      occurrenceEnd: record.occurrenceEnd,
      online: record.online,
      state: record.state,
      participants: record.participants.map((p) => ({
        name: p.displayName,
        email: p.email,
        role: p.role,
        joined: p.joined,
        minutesPresent: p.minutesPresent,
      })),
      slots: found,
      rhythmDays,
      notes: notes.filter((n) => onOccurrence(n.occurrenceStart)).length,
      actions: actions.filter((a) => onOccurrence(a.occurrenceStart)).length,
    };
  }

  async function freshView(user: BotUser, meetingId: string, occurrenceStart: Date): Promise<FollowUpView> {
    const access = await mine(user, meetingId);
    return followUpView(user, access, await recordOf(user, meetingId, occurrenceStart), 0);
  }

  /** The occurrence's key for notes and actions: its start in a series, none for a single meeting. */
  const noteOccurrence = (meeting: Meeting, record: OccurrenceAttendance) =>
    meeting.recurrence ? record.occurrenceStart.toISOString() : null;

  async function pairOf(user: BotUser, partnerId: string) {
    const pair = await followThrough.pairs.get(user.tenantId, user.userId, partnerId);
    if (!pair || (pair.personA !== user.userId && pair.personB !== user.userId)) return null;
    return pair;
  }

  /** What a nudge and a booking from it rest on: the pair, its last meeting and type, the partner, the length. */
  async function pairBasis(user: BotUser, partnerId: string) {
    const pair = await pairOf(user, partnerId);
    if (!pair) return null;
    const last = await scheduling.meetings.get(user.tenantId, pair.lastHeldMeetingId);
    const type = pair.lastTypeId ? await scheduling.meetingTypes.get(user.tenantId, pair.lastTypeId) : undefined;
    const rhythm = rhythmOf(pair, (typeId) => (typeId === type?.id ? type.cadenceDays : null));
    const partner = await pairPerson(scheduling.tenants, user.tenantId, partnerId, last);
    if (!partner || !rhythm) return null;
    const durationMinutes =
      type?.durationMinutes ?? (last ? Math.round((last.end.getTime() - last.start.getTime()) / 60_000) : 30);
    return { pair, last, type, rhythm, partner, durationMinutes };
  }

  async function nudgeView(user: BotUser, partnerId: string, slots: number): Promise<NudgeView | null> {
    const basis = await pairBasis(user, partnerId);
    if (!basis) return null;
    const { pair, type, rhythm, partner, durationMinutes } = basis;
    const booked = (await upcomingWith(scheduling.meetings, user.tenantId, user.userId, partnerId, now())) !== null;
    const me = await helpers.person(user);
    const self = await scheduling.tenants.getUser(user.tenantId, user.userId);
    const found =
      booked || slots <= 0
        ? []
        : await slotsWith(helpers.callerOf(user, me), [partner.email.toLowerCase()], durationMinutes, slots, null);
    return {
      partner: { userId: partnerId, name: partner.displayName, email: partner.email },
      lastHeldAt: pair.lastHeldStart,
      rhythmDays: rhythm.days,
      typeId: type?.id ?? null,
      typeName: type?.name ?? null,
      durationMinutes,
      slots: found,
      timeZone: me.timeZone,
      booked,
      nudgesOn: self?.preferences.cadenceNudges !== false,
    };
  }

  function requireFuture(slot: TimeSlot, minutes: number): void {
    if (slot.start.getTime() <= now().getTime()) throw new AppError('validation_failed', 'That time has passed.');
    if (slot.end.getTime() - slot.start.getTime() !== minutes * 60_000) {
      throw new AppError('validation_failed', 'That time is not the length of the meeting.');
    }
  }

  async function book(
    user: BotUser,
    request: {
      typeId: string | null;
      title: string;
      attendees: string[];
      slot: TimeSlot;
      online: boolean;
      location: string | null;
    },
  ): Promise<MeetingCardView> {
    const me = await helpers.person(user);
    const parsed = createMeetingRequestSchema.safeParse({
      typeId: request.typeId,
      title: request.title,
      attendees: request.attendees,
      start: request.slot.start.toISOString(),
      end: request.slot.end.toISOString(),
      timeZone: me.timeZone,
      online: request.online,
      location: request.location,
    });
    if (!parsed.success) throw new AppError('validation_failed', 'That meeting cannot be booked.');
    const created = await createMeeting(scheduling, helpers.callerOf(user, me), parsed.data);
    return helpers.viewOf(user, created);
  }

  return {
    async followUpFor(user, meetingId, occurrenceStart, options) {
      const access = await findMeetingFor(scheduling.meetings, user, meetingId);
      if (!access) return null;
      const record = await followThrough.attendance.get(user.tenantId, meetingId, occurrenceStart);
      return record ? followUpView(user, access, record, options.slots) : null;
    },

    markHeld: (user, meetingId, occurrenceStart, held) =>
      attempt(async () => {
        await markAttendance(followThrough, user, meetingId, occurrenceStart, held);
        const access = await mine(user, meetingId);
        return followUpView(user, access, await recordOf(user, meetingId, occurrenceStart), 3);
      }),

    addNote: (user, meetingId, occurrenceStart, note) =>
      attempt(async () => {
        const access = await mine(user, meetingId);
        const record = await recordOf(user, meetingId, occurrenceStart);
        await saveNote(scheduling, helpers.callerIn(user, access), meetingId, null, {
          occurrenceStart: noteOccurrence(access.meeting, record),
          visibility: note.shared ? 'shared' : 'private',
          body: note.body,
          version: null,
        });
        return freshView(user, meetingId, occurrenceStart);
      }),

    addAction: (user, meetingId, occurrenceStart, action) =>
      attempt(async () => {
        const access = await mine(user, meetingId);
        const record = await recordOf(user, meetingId, occurrenceStart);
        const caller = helpers.callerIn(user, access);
        await createAction(scheduling, caller, meetingId, {
          title: action.title,
          ownerEmail: caller.mailbox.email,
          dueDate: action.dueDate,
          occurrenceStart: noteOccurrence(access.meeting, record),
        });
        return freshView(user, meetingId, occurrenceStart);
      }),

    bookFollowOn: (user, meetingId, slot) =>
      attempt(async () => {
        const { meeting } = await mine(user, meetingId);
        requireFuture(slot, Math.round((meeting.end.getTime() - meeting.start.getTime()) / 60_000));
        return book(user, {
          typeId: meeting.typeId,
          title: meeting.title,
          attendees: othersOf(meeting, user.userId).emails,
          slot,
          online: meeting.online,
          location: meeting.location,
        });
      }),

    nudgeFor: (user, partnerId, options) => nudgeView(user, partnerId, options.slots),

    bookWithPartner: (user, partnerId, slot) =>
      attempt(async () => {
        const basis = await pairBasis(user, partnerId);
        if (!basis) throw new AppError('not_found', 'You have not met this person through Confer yet.');
        requireFuture(slot, basis.durationMinutes);
        const { last, type, partner } = basis;
        return book(user, {
          typeId: type?.id ?? null,
          title: last?.title ?? type?.name ?? 'Catch-up',
          attendees: [partner.email.toLowerCase()],
          slot,
          online: last?.online ?? true,
          location: last?.online === false ? last.location : null,
        });
      }),

    setNudges: (user, enabled) =>
      attempt(async () => {
        const me = await helpers.person(user);
        await setNudges(followThrough, { ...user, ...me }, enabled);
        return { enabled };
      }),
  };
}
