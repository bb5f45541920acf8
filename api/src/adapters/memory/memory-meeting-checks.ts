import type { Meeting } from '../../domain/scheduling/meeting.ts';
import { type StoreFailure, storeError } from '../sqlite/store-errors.ts';

const STATUSES = new Set(['creating', 'scheduled', 'cancelled', 'failed']);
const ATTENDEE_TYPES = new Set(['required', 'optional']);
const RESPONSES = new Set(['none', 'organizer', 'accepted', 'tentativelyAccepted', 'declined', 'notResponded']);

/** The checks the SQLite schema makes (CHECK, primary key and unique constraints), with the same reasons. */
export function checkMeetingRow(meeting: Meeting, existing: Iterable<Meeting>, isUpdate: boolean): void {
  const fail = (reason: StoreFailure, message: string) =>
    storeError({ reason, table: 'meetings', key: { tenantId: meeting.tenantId, meetingId: meeting.id } }, message);
  if (!STATUSES.has(meeting.status)) throw fail('constraint', `Unknown meeting status ${meeting.status}`);
  if (meeting.end.getTime() <= meeting.start.getTime()) throw fail('constraint', 'A meeting must end after it starts');
  for (const other of existing) {
    if (other.tenantId !== meeting.tenantId) continue;
    if (!isUpdate && other.id === meeting.id) throw fail('duplicate', `Meeting ${meeting.id} already exists`);
    if (!isUpdate && other.transactionId === meeting.transactionId) {
      throw fail('duplicate', `Transaction ${meeting.transactionId} was already used`);
    }
  }
  const emails = new Set<string>();
  for (const attendee of meeting.attendees) {
    const email = attendee.email.toLowerCase();
    if (emails.has(email)) throw fail('duplicate', `Attendee ${attendee.email} is listed twice`);
    emails.add(email);
    if (!ATTENDEE_TYPES.has(attendee.type) || !RESPONSES.has(attendee.response)) {
      throw fail('constraint', `Attendee ${attendee.email} has an unknown type or response`);
    }
  }
}
