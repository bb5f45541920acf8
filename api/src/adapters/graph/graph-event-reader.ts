import type { Client } from '@microsoft/microsoft-graph-client';
import { AppError } from '../../domain/app-error.ts';
import type { Interval } from '../../domain/scheduling/model.ts';
import type { EventRecord } from '../../ports/scheduling-gateway.ts';
import { PREFER_UTC } from './graph-actor.ts';
import { call, parse } from './graph-call.ts';
import { eventRecordFrom } from './graph-event-check.ts';
import { EVENT_SELECT, toEventRecord } from './graph-event-mapper.ts';
import { type GraphFullEvent, graphEventPageSchema, graphFullEventSchema } from './graph-event-schemas.ts';
import { encodedFilter, odataString } from './graph-odata.ts';

/** A few weeks of a busy calendar fit in a few pages; the cap stops a misbehaving server from looping us. */
const MAX_PAGES = 50;
const PAGE_SIZE = 100;

/** One event by id; null when Graph says it is gone (404). */
export async function readEvent(client: Client, mailboxPath: string, eventId: string): Promise<EventRecord | null> {
  try {
    const raw = await call(() =>
      client
        .api(`${mailboxPath}/events/${encodeURIComponent(eventId)}`)
        .header('Prefer', PREFER_UTC)
        .select(EVENT_SELECT)
        .get(),
    );
    return eventRecordFrom(raw, 'event');
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') return null;
    throw error;
  }
}

/**
 * The event in `window` that satisfies `matches`, found in calendarView (which expands series, so an
 * occurrence leads to its master). Matching is done here rather than with `$filter`, which Graph does not
 * document for `transactionId` on calendarView.
 */
export async function findInCalendarView(
  client: Client,
  mailboxPath: string,
  window: Interval,
  matches: (event: GraphFullEvent) => boolean,
): Promise<EventRecord | null> {
  let page = await call(() =>
    client
      .api(`${mailboxPath}/calendarView`)
      .query({ startDateTime: window.start.toISOString(), endDateTime: window.end.toISOString() })
      .header('Prefer', PREFER_UTC)
      .select(EVENT_SELECT)
      .top(PAGE_SIZE)
      .get(),
  );
  for (let count = 1; ; count++) {
    const parsed = parse(graphEventPageSchema, page, 'calendarView page');
    for (const item of parsed.value) {
      const event = parse(graphFullEventSchema, item, 'event');
      if (!matches(event)) continue;
      if (event.type === 'occurrence' || event.type === 'exception') {
        return event.seriesMasterId ? readEvent(client, mailboxPath, event.seriesMasterId) : toEventRecord(event);
      }
      return toEventRecord(event);
    }
    const next = parsed['@odata.nextLink'];
    if (!next) return null;
    if (count >= MAX_PAGES) throw new AppError('graph_bad_response', 'Microsoft Graph returned too many pages.');
    page = await call(() => client.api(next).header('Prefer', PREFER_UTC).get());
  }
}

/** Series masters and single instances (not expanded) whose iCalUId is `iCalUId`. */
export async function findMasterByICalUId(
  client: Client,
  mailboxPath: string,
  iCalUId: string,
): Promise<EventRecord | null> {
  const raw = await call(() =>
    client
      .api(`${mailboxPath}/events`)
      .filter(encodedFilter(`iCalUId eq ${odataString(iCalUId)}`))
      .header('Prefer', PREFER_UTC)
      .select(EVENT_SELECT)
      .top(1)
      .get(),
  );
  const [first] = parse(graphEventPageSchema, raw, 'event list').value;
  return first ? eventRecordFrom(first, 'event') : null;
}

/** Occurrences and exceptions of a series in `window` (cancelled occurrences are not listed by Graph). */
export async function readInstances(
  client: Client,
  mailboxPath: string,
  seriesMasterId: string,
  window: Interval,
): Promise<EventRecord[]> {
  const records: EventRecord[] = [];
  let page = await call(() =>
    client
      .api(`${mailboxPath}/events/${encodeURIComponent(seriesMasterId)}/instances`)
      .query({ startDateTime: window.start.toISOString(), endDateTime: window.end.toISOString() })
      .header('Prefer', PREFER_UTC)
      .select(EVENT_SELECT)
      .top(PAGE_SIZE)
      .get(),
  );
  for (let count = 1; ; count++) {
    const parsed = parse(graphEventPageSchema, page, 'instances page');
    records.push(...parsed.value.map((item) => eventRecordFrom(item, 'event')));
    const next = parsed['@odata.nextLink'];
    if (!next) return records.sort((a, b) => a.start.getTime() - b.start.getTime());
    if (count >= MAX_PAGES) throw new AppError('graph_bad_response', 'Microsoft Graph returned too many pages.');
    page = await call(() => client.api(next).header('Prefer', PREFER_UTC).get());
  }
}
