import { DateTime } from 'luxon';
import type { DirectoryUser } from '../../graph/context.ts';
import { occurrenceId } from '../events/event-ids.ts';
import type { EventCreateInput, EventPatchInput } from '../events/event-input.ts';
import type { EventRecord } from '../events/event-model.ts';
import { createEvent, deleteEvent, updateEvent } from '../events/event-writer.ts';
import type { WriterDeps } from '../events/writer-deps.ts';
import { respondToEvent } from '../meetings/meeting-responses.ts';
import { requireIana } from '../time/time-zones.ts';
import type { SeededRandom } from './seeded-random.ts';

/** Writes seed events through the same use cases as the API, so copies and responses follow the meeting model. */
export class SeedWriter {
  constructor(
    private readonly deps: WriterDeps,
    private readonly random: SeededRandom,
    readonly users: readonly DirectoryUser[],
  ) {}

  /** `{dateTime, timeZone}` for a local date and time in the user's mailbox zone (a Windows name, as Outlook writes). */
  at(user: DirectoryUser, date: string, time: string): { dateTime: string; timeZone: string } {
    return { dateTime: `${date}T${time}:00`, timeZone: user.timeZone };
  }

  today(user: DirectoryUser): DateTime {
    return DateTime.fromJSDate(this.deps.clock.now(), { zone: requireIana(user.timeZone) }).startOf('day');
  }

  create(organizer: DirectoryUser, input: EventCreateInput, attendees: readonly DirectoryUser[] = []): EventRecord {
    const withAttendees: EventCreateInput = attendees.length
      ? {
          ...input,
          attendees: attendees
            .filter((a) => a.id !== organizer.id && a.mail)
            .map((a) => ({
              type: 'required' as const,
              emailAddress: { address: a.mail as string, name: a.displayName },
            })),
        }
      : input;
    const record = createEvent(this.deps, organizer, withAttendees);
    this.simulateResponses(record);
    return record;
  }

  /** Attendees answer like real people do: most accept, some tentatively, a few decline or never answer. */
  private simulateResponses(record: EventRecord): void {
    for (const attendee of record.attendees) {
      const user = this.users.find((u) => u.mail?.toLowerCase() === attendee.emailAddress.address.toLowerCase());
      if (!user) continue;
      const copy = this.deps.store.findByICalUId(record.iCalUId).find((c) => c.mailboxId === user.id)?.record;
      if (!copy) continue;
      const roll = this.random.next();
      if (roll < 0.15) continue;
      const action = roll < 0.8 ? 'accept' : roll < 0.95 ? 'tentativelyAccept' : 'decline';
      respondToEvent(this.deps, user, copy.id, action, { sendResponse: true });
    }
  }

  updateOccurrence(organizer: DirectoryUser, master: EventRecord, date: string, patch: EventPatchInput): void {
    updateEvent(this.deps, organizer, occurrenceId(master.id, date), patch, undefined);
  }

  deleteOccurrence(organizer: DirectoryUser, master: EventRecord, date: string): void {
    deleteEvent(this.deps, organizer, occurrenceId(master.id, date), undefined);
  }
}
