import type { OutboundMessage } from '@confer/bot/ports';
import { expandSeries } from '../../domain/scheduling/index.ts';
import type { Meeting, OccurrenceOverride } from '../../domain/scheduling/meeting.ts';

/** How far ahead reminders are queued; the daily horizon job queues later occurrences of long series. */
export const REMINDER_HORIZON_DAYS = 62;
/** A lead longer than a week is not a reminder any more (and bounds what a preference can ask for). */
export const MAX_LEAD_MINUTES = 7 * 24 * 60;

export interface ReminderPlanOptions {
  /** The meeting type's `defaultReminders`, minutes before start (e.g. [1440, 15]). */
  typeDefaults: readonly number[];
  /** Each participant's own `reminderMinutes`; an empty or missing list means the type's defaults. */
  preferencesByUser: ReadonlyMap<string, readonly number[]>;
  /** Occurrences starting at or after this are left to a later planning. */
  horizon: Date;
  now: Date;
  /** Moved or cancelled occurrences of a series. */
  overrides?: readonly OccurrenceOverride[];
}

/** The key prefix of every reminder of a meeting (what a cancellation or a re-plan clears). */
export function reminderKeyPrefix(meetingId: string): string {
  return `reminder:${meetingId}:`;
}

/**
 * The reminders a meeting needs: per participant with a user id (organizer and attendees), per occurrence
 * starting before `horizon`, at `start − lead` for each of the participant's lead times, except those
 * already past. Keys name meeting, occurrence (its original start), user and lead, so planning again after
 * a change yields the same keys and never a second reminder for one already sent; a rescheduled single
 * meeting has a new start, hence new keys (its old pending ones are cancelled by the caller).
 */
export function planReminders(meeting: Meeting, options: ReminderPlanOptions): OutboundMessage[] {
  if (meeting.status !== 'scheduled') return [];
  const messages: OutboundMessage[] = [];
  for (const { original, start } of occurrencesOf(meeting, options)) {
    for (const userId of participants(meeting)) {
      for (const lead of leadsFor(userId, options)) {
        const notBefore = new Date(start.getTime() - lead * 60_000);
        if (notBefore.getTime() < options.now.getTime()) continue;
        const occurrenceStart = original.toISOString();
        messages.push({
          key: `${reminderKeyPrefix(meeting.id)}${occurrenceStart}:${userId}:${lead}`,
          tenantId: meeting.tenantId,
          userId,
          kind: 'reminder',
          payload: { meetingId: meeting.id, occurrenceStart, leadMinutes: lead },
          notBefore,
        });
      }
    }
  }
  return messages;
}

/**
 * Each occurrence by its original start (a series occurrence's stable id, which the key and the renderer
 * use even after it was moved) and the start it has now.
 */
function occurrencesOf(meeting: Meeting, options: ReminderPlanOptions): { original: Date; start: Date }[] {
  if (!meeting.recurrence) {
    return meeting.start < options.horizon ? [{ original: meeting.start, start: meeting.start }] : [];
  }
  const overrides = new Map((options.overrides ?? []).map((o) => [o.originalStart.getTime(), o]));
  const window = { start: options.now, end: options.horizon };
  return expandSeries(meeting.start, meeting.end, meeting.timeZone, meeting.recurrence, window).flatMap(
    (occurrence) => {
      const override = overrides.get(occurrence.start.getTime());
      if (override?.cancelled) return [];
      const start = override ? override.start : occurrence.start;
      return start < options.horizon ? [{ original: occurrence.start, start }] : [];
    },
  );
}

function participants(meeting: Meeting): string[] {
  const ids = [meeting.organizerId, ...meeting.attendees.map((attendee) => attendee.userId)];
  return [...new Set(ids.filter((id): id is string => typeof id === 'string' && id !== ''))];
}

function leadsFor(userId: string, options: ReminderPlanOptions): number[] {
  const own = options.preferencesByUser.get(userId) ?? [];
  const leads = own.length > 0 ? own : options.typeDefaults;
  return [...new Set(leads.filter((lead) => Number.isInteger(lead) && lead > 0 && lead <= MAX_LEAD_MINUTES))];
}
