import type { EventRecord } from '../../ports/scheduling-gateway.ts';
import { parse } from './graph-call.ts';
import { toEventRecord } from './graph-event-mapper.ts';
import { type GraphFullEvent, graphFullEventSchema } from './graph-event-schemas.ts';

/*
 * An event is read on every organizer's page view, and checking it through zod cost more than the rest of turning
 * it into a record. `fitsFullEvent` accepts only what graphFullEventSchema accepts and only where the schema would
 * hand back the same values (an enumeration it would replace with its fallback sends the event to the schema
 * instead), so an event that passes reads exactly as the schema reads it; anything else is read by the schema,
 * which refuses it with the same error as before.
 */

const EVENT_TYPES = new Set<unknown>(['singleInstance', 'occurrence', 'exception', 'seriesMaster']);
const RESPONSES = new Set<unknown>([
  'none',
  'organizer',
  'tentativelyAccepted',
  'accepted',
  'declined',
  'notResponded',
]);

type Fields = Record<string, unknown>;

const isObject = (value: unknown): value is Fields =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const optionalText = (value: unknown) => value === undefined || typeof value === 'string';
const nullableText = (value: unknown) => value === undefined || value === null || typeof value === 'string';
const nullableFlag = (value: unknown) => value === undefined || value === null || typeof value === 'boolean';
const absent = (value: unknown) => value === undefined || value === null;
const dateTimeTimeZone = (value: unknown) =>
  isObject(value) && typeof value.dateTime === 'string' && typeof value.timeZone === 'string';
const responseStatus = (value: unknown) => absent(value) || (isObject(value) && RESPONSES.has(value.response));

function fitsAttendee(value: unknown): boolean {
  if (!isObject(value) || !optionalText(value.type)) return false;
  const email = value.emailAddress;
  if (!isObject(email) || !nullableText(email.name) || !nullableText(email.address)) return false;
  if (!responseStatus(value.status)) return false;
  const proposal = value.proposedNewTime;
  return absent(proposal) || (isObject(proposal) && dateTimeTimeZone(proposal.start) && dateTimeTimeZone(proposal.end));
}

/** Whether graphFullEventSchema would accept `value` and give back the same values (see above). */
export function fitsFullEvent(value: unknown): value is GraphFullEvent {
  if (!isObject(value)) return false;
  const e = value;
  if (typeof e.id !== 'string' || !optionalText(e['@odata.etag']) || !EVENT_TYPES.has(e.type)) return false;
  if (!nullableText(e.changeKey) || !nullableText(e.iCalUId) || !nullableText(e.seriesMasterId)) return false;
  if (!nullableText(e.subject) || !nullableText(e.webLink) || !nullableText(e.originalStart)) return false;
  if (!nullableText(e.transactionId) || !dateTimeTimeZone(e.start) || !dateTimeTimeZone(e.end)) return false;
  if (!nullableFlag(e.isCancelled) || !nullableFlag(e.isOnlineMeeting) || !responseStatus(e.responseStatus)) {
    return false;
  }
  const online = e.onlineMeeting;
  if (!absent(online) && !(isObject(online) && nullableText(online.joinUrl))) return false;
  const location = e.location;
  if (!absent(location) && !(isObject(location) && nullableText(location.displayName))) return false;
  const body = e.body;
  if (!absent(body) && !(isObject(body) && optionalText(body.contentType) && nullableText(body.content))) return false;
  const attendees = e.attendees;
  if (absent(attendees)) return true;
  if (!Array.isArray(attendees)) return false;
  for (const attendee of attendees) if (!fitsAttendee(attendee)) return false;
  return true;
}

/** One of Graph's events as a record; one that does not fit is `graph_bad_response` (graph-call.ts). */
export function eventRecordFrom(value: unknown, what: string): EventRecord {
  return toEventRecord(fitsFullEvent(value) ? value : parse(graphFullEventSchema, value, what));
}
