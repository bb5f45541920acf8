import { GraphHttpError } from '../../graph/context.ts';
import type { CalendarStore } from '../calendar-store.ts';
import { isOccurrenceDate } from '../recurrence/recurrence-expander.ts';
import { parseOccurrenceId } from './event-ids.ts';
import type { EventInstance, EventRecord } from './event-model.ts';
import { occurrenceInstance, singleInstance } from './instance-expander.ts';

export function itemNotFound(): GraphHttpError {
  return new GraphHttpError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
}

/**
 * A stored item or one occurrence of a series, by id; 404 ErrorItemNotFound otherwise
 * (docs/reference/graph-calendar.md §7).
 */
export function findInstance(store: CalendarStore, mailboxId: string, id: string): EventInstance {
  const record = store.get(mailboxId, id);
  if (record) return singleInstance(record);
  const occurrence = parseOccurrenceId(id);
  if (!occurrence) throw itemNotFound();
  const master = store.get(mailboxId, occurrence.masterId);
  if (!master?.recurrence || master.deletedOccurrences.includes(occurrence.date)) throw itemNotFound();
  const known = occurrence.date in master.exceptions || isOccurrenceDate(master.recurrence, occurrence.date);
  if (!known) throw itemNotFound();
  return occurrenceInstance(master, occurrence.date);
}

export function findRecord(store: CalendarStore, mailboxId: string, id: string): EventRecord {
  const record = store.get(mailboxId, id);
  if (!record) throw itemNotFound();
  return record;
}

/**
 * `If-Match` is not documented for events; stale values are observed to answer 412 ErrorIrresolvableConflict
 * (docs/reference/graph-calendar.md §3). `*` and the current `W/"changeKey"` (or the bare change key) match.
 */
export function checkIfMatch(header: string | undefined, changeKey: string): void {
  if (header === undefined || header.trim() === '*') return;
  const accepted = header.split(',').map((tag) =>
    tag
      .trim()
      .replace(/^W\//, '')
      .replace(/^"(.*)"$/, '$1'),
  );
  if (!accepted.includes(changeKey)) {
    throw new GraphHttpError(
      412,
      'ErrorIrresolvableConflict',
      'The send or update operation could not be performed because the change key passed in the request does not match the current change key for the item.',
    );
  }
}
