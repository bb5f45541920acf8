import type { OutboundMessage, OutboundQueue } from '@confer/bot/ports';
import type { Meeting } from '../../domain/scheduling/meeting.ts';
import type { Clock } from '../../ports/clock.ts';
import type { MeetingStore } from '../../ports/meeting-store.ts';
import type { MeetingTypeStore, TenantStore } from '../../ports/tenant-store.ts';
import { planReminders, REMINDER_HORIZON_DAYS, reminderKeyPrefix } from './plan-reminders.ts';

export interface ReminderDeps {
  queue: OutboundQueue;
  meetings: MeetingStore;
  meetingTypes: MeetingTypeStore;
  tenants: TenantStore;
  clock: Clock;
}

const DAY_MS = 86_400_000;
/** A meeting without a type (or whose type was deleted) is still reminded: a day and 15 minutes before. */
export const FALLBACK_REMINDERS: readonly number[] = Object.freeze([1440, 15]);

/**
 * (Re)plans a meeting's reminders after it was created or changed: the pending ones are dropped and the
 * current plan enqueued. Keys of reminders already sent are kept by the queue, so nothing goes twice;
 * reminders for moved occurrences or changed preferences simply are not planned again.
 */
export async function scheduleReminders(deps: ReminderDeps, meeting: Meeting): Promise<number> {
  const plan = await planMeetingReminders(deps, meeting);
  await deps.queue.cancelPending(reminderKeyPrefix(meeting.id));
  await deps.queue.enqueue(plan);
  return plan.length;
}

/** The daily job: queues reminders for occurrences that came inside the horizon (long series). */
export async function extendReminderHorizon(deps: ReminderDeps, tenantId: string): Promise<number> {
  const now = deps.clock.now();
  const until = new Date(now.getTime() + REMINDER_HORIZON_DAYS * DAY_MS);
  const seen = new Set<string>();
  let planned = 0;
  for (const user of await deps.tenants.listUsers(tenantId)) {
    const meetings = await deps.meetings.listForUser(tenantId, user.userId, {
      from: now,
      to: until,
      statuses: ['scheduled'],
      limit: 500,
      order: 'asc',
    });
    for (const meeting of meetings) {
      if (!meeting.recurrence || seen.has(meeting.id)) continue;
      seen.add(meeting.id);
      const plan = await planMeetingReminders(deps, meeting);
      // Enqueue only: what is pending already keeps its key, so this adds just the newly reachable ones.
      await deps.queue.enqueue(plan);
      planned += plan.length;
    }
  }
  return planned;
}

/** The reminders a meeting should have now, with its type's defaults and its participants' preferences loaded. */
export async function planMeetingReminders(deps: ReminderDeps, meeting: Meeting): Promise<OutboundMessage[]> {
  const now = deps.clock.now();
  const type = meeting.typeId ? await deps.meetingTypes.get(meeting.tenantId, meeting.typeId) : undefined;
  const userIds = [meeting.organizerId, ...meeting.attendees.map((attendee) => attendee.userId)];
  const preferencesByUser = new Map<string, readonly number[]>();
  for (const userId of new Set(userIds.filter((id): id is string => Boolean(id)))) {
    const user = await deps.tenants.getUser(meeting.tenantId, userId);
    if (user) preferencesByUser.set(userId, user.preferences.reminderMinutes);
  }
  return planReminders(meeting, {
    typeDefaults: type?.defaultReminders ?? FALLBACK_REMINDERS,
    preferencesByUser,
    horizon: new Date(now.getTime() + REMINDER_HORIZON_DAYS * DAY_MS),
    now,
    overrides: meeting.recurrence ? await deps.meetings.listOccurrences(meeting.tenantId, meeting.id) : [],
  });
}
