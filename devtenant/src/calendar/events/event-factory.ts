import type { DirectoryUser } from '../../graph/context.ts';
import { firstOccurrenceDate } from '../recurrence/recurrence-expander.ts';
import { normalizeRecurrence } from '../recurrence/recurrence-normalizer.ts';
import { validationError } from './event-content.ts';
import { newChangeKey, newEventId, newICalUId, type RandomBytes } from './event-ids.ts';
import type { EventCreateInput } from './event-input.ts';
import type { EventContent, EventRecord } from './event-model.ts';
import { NO_RESPONSE_TIME } from './event-model.ts';
import { applyContentPatch } from './event-patch.ts';
import { occurrenceTimes } from './instance-expander.ts';

export interface FactoryDeps {
  random: RandomBytes;
  nowMs: number;
  tenantId: string;
}

/** Graph's defaults for a new event (docs/reference/graph-calendar.md §3 example response). */
function defaultContent(): EventContent {
  return {
    subject: '',
    body: { contentType: 'html', content: '' },
    start: { dateTime: '', timeZone: 'UTC' },
    end: { dateTime: '', timeZone: 'UTC' },
    startMs: 0,
    endMs: 0,
    isAllDay: false,
    location: { displayName: '', locationType: 'default', uniqueId: null, uniqueIdType: 'unknown' },
    locations: [],
    attendees: [],
    showAs: 'busy',
    sensitivity: 'normal',
    importance: 'normal',
    categories: [],
    isReminderOn: true,
    reminderMinutesBeforeStart: 15,
    responseRequested: true,
    allowNewTimeProposals: true,
    hideAttendees: false,
    isOnlineMeeting: false,
    onlineMeetingProvider: 'unknown',
    onlineMeeting: null,
    responseStatus: { response: 'organizer', time: NO_RESPONSE_TIME },
    isCancelled: false,
  };
}

/** Builds the organizer's item for a create request; throws 400 (and stores nothing) on bad input. */
export function buildEventRecord(input: EventCreateInput, organizer: DirectoryUser, deps: FactoryDeps): EventRecord {
  if (!input.start || !input.end) throw validationError("An event needs both 'start' and 'end'.");
  const content = applyContentPatch(defaultContent(), input, {
    random: deps.random,
    tenantId: deps.tenantId,
    organizerId: organizer.id,
  });
  const record: EventRecord = {
    ...content,
    id: newEventId(deps.random),
    type: 'singleInstance',
    iCalUId: newICalUId(deps.random, deps.nowMs),
    createdMs: deps.nowMs,
    lastModifiedMs: deps.nowMs,
    changeKey: newChangeKey(deps.random),
    transactionId: input.transactionId ?? null,
    isOrganizer: true,
    organizer: {
      emailAddress: { name: organizer.displayName, address: organizer.mail ?? organizer.userPrincipalName },
    },
    organizerMailboxId: organizer.id,
    originalStartTimeZone: content.start.timeZone,
    originalEndTimeZone: content.end.timeZone,
    recurrence: null,
    exceptions: {},
    deletedOccurrences: [],
  };
  if (input.recurrence) applyRecurrence(record, input.recurrence);
  return record;
}

/**
 * Makes `record` a series master. Exchange anchors the master on the first occurrence, so a start date that
 * is not a pattern date moves to the first one.
 */
export function applyRecurrence(record: EventRecord, input: NonNullable<EventCreateInput['recurrence']>): void {
  const recurrence = normalizeRecurrence(input, record.start.timeZone);
  record.type = 'seriesMaster';
  record.recurrence = recurrence;
  const first = firstOccurrenceDate(recurrence) as string;
  Object.assign(record, occurrenceTimes(record, first));
}
