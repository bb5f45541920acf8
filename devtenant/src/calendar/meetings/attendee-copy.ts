import { newChangeKey, newEventId, type RandomBytes } from '../events/event-ids.ts';
import type { EventContent, EventRecord, ResponseStatus, ShowAs } from '../events/event-model.ts';
import { NO_RESPONSE_TIME } from '../events/event-model.ts';

/** Properties that belong to the attendee's own copy and survive the organizer's updates. */
const PERSONAL = ['categories', 'isReminderOn', 'reminderMinutesBeforeStart'] as const;

/**
 * An unanswered or tentative meeting shows as tentative on the attendee's calendar; an accepted one takes the
 * organizer's free/busy status (Exchange meeting-request processing).
 */
export function attendeeShowAs(response: ResponseStatus['response'], organizerShowAs: ShowAs): ShowAs {
  if (response === 'accepted') return organizerShowAs;
  return organizerShowAs === 'free' ? 'free' : 'tentative';
}

export function cancelledSubject(subject: string): string {
  return subject.startsWith('Canceled: ') ? subject : `Canceled: ${subject}`;
}

function copyException(
  date: string,
  organizer: EventRecord,
  existing: EventRecord | undefined,
  resetResponses: boolean,
): Partial<EventContent> {
  const fromOrganizer: Partial<EventContent> = { ...organizer.exceptions[date]?.changes };
  delete fromOrganizer.responseStatus;
  const own = resetResponses ? undefined : existing?.exceptions[date]?.changes;
  const response = own?.responseStatus;
  if (response) {
    const showAs = attendeeShowAs(response.response, fromOrganizer.showAs ?? organizer.showAs);
    return { ...fromOrganizer, responseStatus: response, showAs };
  }
  if (fromOrganizer.showAs)
    fromOrganizer.showAs = attendeeShowAs(existing?.responseStatus.response ?? 'none', fromOrganizer.showAs);
  return fromOrganizer;
}

/** Per-occurrence state of the copy: the organizer's exceptions, plus cancelled occurrences shown as cancelled. */
function copyExceptions(organizer: EventRecord, existing: EventRecord | undefined, resetResponses: boolean) {
  const exceptions: Record<string, Partial<EventContent>> = {};
  const dates = new Set([
    ...Object.keys(organizer.exceptions),
    ...Object.keys(resetResponses ? {} : (existing?.exceptions ?? {})),
  ]);
  for (const date of dates) exceptions[date] = copyException(date, organizer, existing, resetResponses);
  for (const date of organizer.deletedOccurrences) {
    const base = exceptions[date] ?? {};
    exceptions[date] = { ...base, isCancelled: true, subject: cancelledSubject(base.subject ?? organizer.subject) };
  }
  return exceptions;
}

export interface CopyDeps {
  random: RandomBytes;
  nowMs: number;
}

/**
 * The attendee's item for an organizer's meeting: same iCalUId, its own id, `isOrganizer: false`, its own
 * response (`notResponded` until answered), docs/reference/graph-calendar.md §3 and the Exchange meeting model.
 */
export function buildAttendeeCopy(
  organizer: EventRecord,
  existing: EventRecord | undefined,
  resetResponses: boolean,
  deps: CopyDeps,
): EventRecord {
  const responseStatus: ResponseStatus =
    existing && !resetResponses ? existing.responseStatus : { response: 'notResponded', time: NO_RESPONSE_TIME };
  const copy: EventRecord = structuredClone({
    ...organizer,
    id: existing?.id ?? newEventId(deps.random),
    isOrganizer: false,
    transactionId: null,
    createdMs: existing?.createdMs ?? deps.nowMs,
    responseStatus,
    showAs: attendeeShowAs(responseStatus.response, organizer.showAs),
    isCancelled: false,
    exceptions: {},
    deletedOccurrences: resetResponses
      ? []
      : (existing?.deletedOccurrences ?? []).filter((d) => !organizer.deletedOccurrences.includes(d)),
  });
  for (const key of PERSONAL) if (existing) Object.assign(copy, { [key]: existing[key] });
  for (const [date, changes] of Object.entries(copyExceptions(organizer, existing, resetResponses))) {
    const previous = existing?.exceptions[date];
    copy.exceptions[date] = {
      changes,
      changeKey: previous?.changeKey ?? '',
      lastModifiedMs: previous?.lastModifiedMs ?? 0,
    };
  }
  return stampIfChanged(copy, existing, deps);
}

function comparable(record: EventRecord): string {
  const exceptions: Record<string, Partial<EventContent>> = {};
  for (const [date, override] of Object.entries(record.exceptions)) exceptions[date] = override.changes;
  return JSON.stringify({ ...record, changeKey: '', lastModifiedMs: 0, exceptions });
}

/** Keeps change keys stable when an organizer update changes nothing on this copy. */
function stampIfChanged(copy: EventRecord, existing: EventRecord | undefined, deps: CopyDeps): EventRecord {
  for (const [date, override] of Object.entries(copy.exceptions)) {
    const before = existing?.exceptions[date];
    if (!before || JSON.stringify(before.changes) !== JSON.stringify(override.changes)) {
      copy.exceptions[date] = { ...override, changeKey: newChangeKey(deps.random), lastModifiedMs: deps.nowMs };
    }
  }
  if (existing && comparable(existing) === comparable(copy)) {
    return { ...copy, changeKey: existing.changeKey, lastModifiedMs: existing.lastModifiedMs };
  }
  return { ...copy, changeKey: newChangeKey(deps.random), lastModifiedMs: deps.nowMs };
}

/** Marks an attendee's item cancelled, as Exchange does when the organizer cancels or removes them. */
export function cancelCopy(copy: EventRecord, deps: CopyDeps): EventRecord {
  return {
    ...copy,
    isCancelled: true,
    subject: cancelledSubject(copy.subject),
    changeKey: newChangeKey(deps.random),
    lastModifiedMs: deps.nowMs,
  };
}
