import type {
  ActionResult,
  BotUser,
  ConnectionNotice,
  MeetingCardView,
  SchedulingActions,
  TimeSlot,
} from '../ports.ts';

/** A hand-written SchedulingActions over fixed views, recording every change asked of it. */
export function fakeSchedulingActions(
  views: Record<string, MeetingCardView>,
  options: { slots?: TimeSlot[]; connection?: ConnectionNotice } = {},
) {
  const calls: { action: string; user: BotUser; args: unknown[] }[] = [];
  const ok = <T>(value: T): ActionResult<T> => ({ ok: true, value });
  const viewFor = (user: BotUser, meetingId: string) => views[`${user.userId}:${meetingId}`] ?? null;
  const actions: SchedulingActions = {
    meetingFor: async (user, meetingId) => viewFor(user, meetingId),
    async respond(user, meetingId, answer) {
      calls.push({ action: 'respond', user, args: [meetingId, answer] });
      const view = viewFor(user, meetingId);
      if (!view) return { ok: false, code: 'not_found', message: 'No such meeting.' };
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
  };
  return { actions, calls };
}
