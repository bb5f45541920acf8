import { organizerView } from '../cards/meeting-view.fixture.ts';
import type {
  ActionResult,
  BotUser,
  ConnectionNotice,
  FollowUpView,
  MeetingCardView,
  NudgeView,
  SchedulingActions,
  TimeSlot,
} from '../ports.ts';

/**
 * A hand-written SchedulingActions over fixed views, recording every change asked of it (`calls`) and every
 * follow-up or nudge read (`reads`). Meetings are keyed `{userId}:{meetingId}`, follow-ups
 * `{userId}:{meetingId}:{occurrenceStart ISO}`, nudges `{userId}:{partnerId}`.
 */
export function fakeSchedulingActions(
  views: Record<string, MeetingCardView>,
  options: {
    slots?: TimeSlot[];
    connection?: ConnectionNotice;
    followUps?: Record<string, FollowUpView>;
    nudges?: Record<string, NudgeView>;
  } = {},
) {
  const calls: { action: string; user: BotUser; args: unknown[] }[] = [];
  const reads: { action: string; user: BotUser; args: unknown[] }[] = [];
  const ok = <T>(value: T): ActionResult<T> => ({ ok: true, value });
  const notFound = { ok: false, code: 'not_found', message: 'No such meeting.' } as const;
  const viewFor = (user: BotUser, meetingId: string) => views[`${user.userId}:${meetingId}`] ?? null;
  const followUpOf = (user: BotUser, meetingId: string, occurrenceStart: Date) =>
    options.followUps?.[`${user.userId}:${meetingId}:${occurrenceStart.toISOString()}`] ?? null;
  const nudgeOf = (user: BotUser, partnerId: string) => options.nudges?.[`${user.userId}:${partnerId}`] ?? null;
  /** A change's answer carries no times: the bot keeps the card's or reads them again. */
  const changed = (view: FollowUpView, change: Partial<FollowUpView>) => ok({ ...view, slots: [], ...change });
  const booked = (user: BotUser, slot: TimeSlot, title: string) =>
    ok(
      organizerView({
        meetingId: 'm-next',
        version: 1,
        title,
        start: slot.start,
        end: slot.end,
        viewer: { userId: user.userId, role: 'organizer', response: 'organizer' },
      }),
    );
  const actions: SchedulingActions = {
    meetingFor: async (user, meetingId) => viewFor(user, meetingId),
    async respond(user, meetingId, answer) {
      calls.push({ action: 'respond', user, args: [meetingId, answer] });
      const view = viewFor(user, meetingId);
      if (!view) return notFound;
      const response = { accept: 'accepted', tentative: 'tentativelyAccepted', decline: 'declined' } as const;
      return ok({
        ...view,
        version: view.version + 1,
        viewer: { ...view.viewer, response: response[answer.response] },
      });
    },
    async rescheduleOptions(user, meetingId) {
      calls.push({ action: 'rescheduleOptions', user, args: [meetingId] });
      return ok(options.slots ?? []);
    },
    async reschedule(user, meetingId, version, slot) {
      calls.push({ action: 'reschedule', user, args: [meetingId, version, slot] });
      const view = viewFor(user, meetingId);
      if (!view || view.version !== version) return { ok: false, code: 'version_conflict', message: 'Changed.' };
      return ok({ ...view, start: slot.start, end: slot.end, version: version + 1 });
    },
    findPeople: async () => ok([]),
    suggestWith: async () => ok({ slots: options.slots ?? [], timeZone: 'UTC', unreadable: false }),
    async schedule(user, request) {
      calls.push({ action: 'schedule', user, args: [request] });
      return { ok: false, code: 'conflicts_found', message: 'Busy.' };
    },
    upcoming: async () => ok([]),
    connection: async () => options.connection ?? { status: 'connected', message: 'Connected.', expiresAt: null },
    async followUpFor(user, meetingId, occurrenceStart, { slots }) {
      reads.push({ action: 'followUpFor', user, args: [meetingId, occurrenceStart, slots] });
      const view = followUpOf(user, meetingId, occurrenceStart);
      return view ? { ...view, slots: view.slots.slice(0, slots) } : null;
    },
    async markHeld(user, meetingId, occurrenceStart, held) {
      calls.push({ action: 'markHeld', user, args: [meetingId, occurrenceStart, held] });
      const view = followUpOf(user, meetingId, occurrenceStart);
      return view ? changed(view, { state: held ? 'held' : 'no_show' }) : notFound;
    },
    async addNote(user, meetingId, occurrenceStart, note) {
      calls.push({ action: 'addNote', user, args: [meetingId, occurrenceStart, note] });
      const view = followUpOf(user, meetingId, occurrenceStart);
      return view ? changed(view, { notes: view.notes + 1 }) : notFound;
    },
    async addAction(user, meetingId, occurrenceStart, action) {
      calls.push({ action: 'addAction', user, args: [meetingId, occurrenceStart, action] });
      const view = followUpOf(user, meetingId, occurrenceStart);
      return view ? changed(view, { actions: view.actions + 1 }) : notFound;
    },
    async bookFollowOn(user, meetingId, slot) {
      calls.push({ action: 'bookFollowOn', user, args: [meetingId, slot] });
      const view = Object.values(options.followUps ?? {}).find(
        (candidate) => candidate.meeting.meetingId === meetingId,
      );
      return view ? booked(user, slot, view.meeting.title) : notFound;
    },
    async nudgeFor(user, partnerId, { slots }) {
      reads.push({ action: 'nudgeFor', user, args: [partnerId, slots] });
      const view = nudgeOf(user, partnerId);
      return view ? { ...view, slots: view.slots.slice(0, slots) } : null;
    },
    async bookWithPartner(user, partnerId, slot) {
      calls.push({ action: 'bookWithPartner', user, args: [partnerId, slot] });
      const view = nudgeOf(user, partnerId);
      return view ? booked(user, slot, `${user.name ?? ''} / ${view.partner.name}`) : notFound;
    },
    async setNudges(user, enabled) {
      calls.push({ action: 'setNudges', user, args: [enabled] });
      return ok({ enabled });
    },
  };
  return { actions, calls, reads };
}
