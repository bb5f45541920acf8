import type { OutboundMessage, OutboundPayloads, OutboundQueue } from '@confer/bot/ports';
import type { Meeting, MeetingAttendee, OccurrenceOverride } from '../../domain/scheduling/meeting.ts';
import type { Clock } from '../../ports/clock.ts';
import type { MeetingNotifier } from '../../ports/meeting-notifier.ts';
import { changeOf, recipientsOf } from './meeting-recipients.ts';

/** The reminders a meeting should have now (per occurrence, per person, per preference). */
export type PlanReminders = (meeting: Meeting) => Promise<readonly OutboundMessage[]>;

export interface NotifierDeps {
  queue: OutboundQueue;
  clock: Clock;
  /** The reminder planning of the delivery side; without it no reminders are queued. */
  planReminders?: PlanReminders;
}

type Kind = OutboundMessage['kind'];
type Draft<K extends Kind> = { key: string; userId: string; kind: K; payload: OutboundPayloads[K] };

const answered = new Set(['accepted', 'tentativelyAccepted', 'declined']);

/**
 * Turns what happened to a meeting into durable outbound messages. Keys make each message once:
 * a retried call enqueues nothing new (the queue ignores known keys); a later version of the meeting
 * is a new message. Cards are rendered at send time from the meeting as it is then.
 */
export function createMeetingNotifier(deps: NotifierDeps): MeetingNotifier {
  /**
   * Queues for every recipient with an Entra id, not only those with a stored chat: admins often install
   * the app for everyone, and the delivery side opens the chat (or records `not_installed`) at send time.
   */
  async function enqueue(meeting: Meeting, drafts: readonly Draft<Kind>[]): Promise<void> {
    const now = deps.clock.now();
    const messages: OutboundMessage[] = drafts.map((draft) => ({
      ...draft,
      tenantId: meeting.tenantId,
      payload: { ...draft.payload },
      notBefore: now,
    }));
    if (messages.length > 0) await deps.queue.enqueue(messages);
  }

  async function replanReminders(meeting: Meeting): Promise<void> {
    await deps.queue.cancelPending(`reminder:${meeting.id}:`);
    if (meeting.status === 'scheduled') await planReminders(meeting);
  }

  async function planReminders(meeting: Meeting): Promise<void> {
    if (!deps.planReminders) return;
    const reminders = await deps.planReminders(meeting);
    if (reminders.length > 0) await deps.queue.enqueue(reminders);
  }

  return {
    async meetingCreated(meeting) {
      const invitations = recipientsOf(meeting, { organizer: false }).map(
        (userId): Draft<'invitation'> => ({
          key: `invitation:${meeting.id}:${userId}`,
          userId,
          kind: 'invitation',
          payload: { meetingId: meeting.id },
        }),
      );
      await enqueue(meeting, invitations);
      await planReminders(meeting);
    },

    async meetingChanged(before, after, origin = 'confer') {
      const change = changeOf(before, after);
      if (!change) return;
      const known = new Set(recipientsOf(before, { organizer: false }));
      const drafts = recipientsOf(after, { organizer: false }).map(
        (userId): Draft<Kind> =>
          known.has(userId)
            ? {
                key: `change:${after.id}:${after.version}:${userId}`,
                userId,
                kind: 'change-notice',
                payload: {
                  meetingId: after.id,
                  change,
                  version: after.version,
                  ...(change === 'rescheduled' ? { previousStart: before.start.toISOString() } : {}),
                  ...(origin === 'outlook' ? { origin } : {}),
                },
              }
            : { key: `invitation:${after.id}:${userId}`, userId, kind: 'invitation', payload: { meetingId: after.id } },
      );
      await enqueue(after, drafts);
      const seriesChanged = before.recurrence?.count !== after.recurrence?.count;
      if (change === 'rescheduled' || seriesChanged || drafts.some((d) => d.kind === 'invitation')) {
        await replanReminders(after);
      }
    },

    async meetingCancelled(meeting) {
      await deps.queue.cancelPending(`invitation:${meeting.id}:`);
      await deps.queue.cancelPending(`reminder:${meeting.id}:`);
      const notices = recipientsOf(meeting, { organizer: false }).map(
        (userId): Draft<'change-notice'> => ({
          key: `change:${meeting.id}:${meeting.version}:${userId}`,
          userId,
          kind: 'change-notice',
          payload: { meetingId: meeting.id, change: 'cancelled', version: meeting.version },
        }),
      );
      await enqueue(meeting, notices);
    },

    async attendeeResponded(meeting, attendeeEmail) {
      const attendee = findAttendee(meeting, attendeeEmail);
      if (!attendee || !answered.has(attendee.response)) return;
      const who = attendee.userId ?? attendee.email.toLowerCase();
      const drafts: Draft<Kind>[] = [
        {
          key: `response:${meeting.id}:${meeting.version}:${who}`,
          userId: meeting.organizerId,
          kind: 'organizer-update',
          payload: { meetingId: meeting.id, attendeeEmail: attendee.email, response: attendee.response },
        },
      ];
      if (attendee.response === 'declined') {
        drafts.push({
          key: `reschedule:${meeting.id}:${meeting.version}:${who}`,
          userId: meeting.organizerId,
          kind: 'reschedule-options',
          payload: { meetingId: meeting.id, attendeeEmail: attendee.email, version: meeting.version },
        });
      }
      await enqueue(meeting, drafts);
    },

    /**
     * One card to the organizer per proposed time: the same proposal seen again (sync reads it more than once)
     * enqueues nothing; a different time from the same person is a new card.
     */
    async timeProposed(meeting, attendeeEmail) {
      const attendee = findAttendee(meeting, attendeeEmail);
      if (!attendee?.proposedStart || !attendee.proposedEnd || meeting.status !== 'scheduled') return;
      const proposedStart = attendee.proposedStart.toISOString();
      const proposal: Draft<'time-proposal'> = {
        key: `proposal:${meeting.id}:${attendee.userId ?? attendee.email.toLowerCase()}:${proposedStart}`,
        userId: meeting.organizerId,
        kind: 'time-proposal',
        payload: {
          meetingId: meeting.id,
          attendeeEmail: attendee.email,
          proposedStart,
          proposedEnd: attendee.proposedEnd.toISOString(),
          version: meeting.version,
        },
      };
      await enqueue(meeting, [proposal]);
    },

    async occurrenceChanged(meeting, occurrence) {
      const original = occurrence.originalStart.toISOString();
      const change = occurrence.cancelled ? 'occurrence-cancelled' : 'occurrence-moved';
      const notices = recipientsOf(meeting, { organizer: false }).map(
        (userId): Draft<'change-notice'> => ({
          key: `occurrence:${meeting.id}:${original}:${occurrenceVersion(occurrence)}:${userId}`,
          userId,
          kind: 'change-notice',
          payload: {
            meetingId: meeting.id,
            change,
            version: meeting.version,
            occurrenceStart: (occurrence.cancelled ? occurrence.originalStart : occurrence.start).toISOString(),
          },
        }),
      );
      await enqueue(meeting, notices);
      await deps.queue.cancelPending(`reminder:${meeting.id}:${original}:`);
      if (!occurrence.cancelled) await planReminders(meeting);
    },
  };
}

/** The attendee entry for an address, whatever its case. */
function findAttendee(meeting: Meeting, email: string): MeetingAttendee | undefined {
  const lower = email.toLowerCase();
  return meeting.attendees.find((a) => a.email.toLowerCase() === lower);
}

/** An occurrence has no version of its own; where it is now (or that it is cancelled) tells changes apart. */
function occurrenceVersion(occurrence: OccurrenceOverride): string {
  return occurrence.cancelled ? 'cancelled' : occurrence.start.toISOString();
}
