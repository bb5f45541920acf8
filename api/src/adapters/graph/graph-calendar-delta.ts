import type { Client } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';
import { AppError } from '../../domain/app-error.ts';
import type { Interval } from '../../domain/scheduling/model.ts';
import type { DeltaRound, EventRecord } from '../../ports/scheduling-gateway.ts';
import { PREFER_UTC } from './graph-actor.ts';
import { call, parse } from './graph-call.ts';
import { toEventRecord } from './graph-event-mapper.ts';
import { graphFullEventSchema } from './graph-event-schemas.ts';

/**
 * Delta takes no `$top` or `$select` but honours `odata.maxpagesize` (docs/reference/graph-calendar.md §5); a
 * larger page keeps a first round over a busy calendar to few requests.
 */
const PREFER_DELTA = `${PREFER_UTC}, odata.maxpagesize=100`;
/** Enough pages for any real window at 100 items a page; the cap stops a misbehaving server from looping us. */
const MAX_PAGES = 500;

const deltaPageSchema = z.object({
  value: z.array(z.unknown()),
  '@odata.nextLink': z.string().optional(),
  '@odata.deltaLink': z.string().optional(),
});

const removedItemSchema = z.object({ id: z.string(), '@removed': z.object({ reason: z.string().optional() }) });

/**
 * One delta round of a mailbox's calendar view (docs/reference/graph-calendar.md §5): from the window when there
 * is no link yet, else from the stored deltaLink as Graph gave it; every nextLink is followed. Items may repeat
 * across pages, so the last word on an id wins; series masters are left out (the view reports their instances).
 * An expired link comes out of the error mapping as `sync_state_lost`.
 */
export async function readCalendarDelta(
  client: Client,
  mailboxPath: string,
  window: Interval,
  deltaLink: string | null,
): Promise<DeltaRound> {
  const latest = new Map<string, EventRecord | 'removed'>();
  let page = await call(() => firstRequest(client, mailboxPath, window, deltaLink).get());
  for (let count = 1; ; count++) {
    const parsed = parse(deltaPageSchema, page, 'delta page');
    for (const item of parsed.value) recordItem(latest, item);
    const next = parsed['@odata.nextLink'];
    if (!next) return toRound(latest, finalLink(parsed['@odata.deltaLink']));
    if (count >= MAX_PAGES) throw new AppError('graph_bad_response', 'Microsoft Graph returned too many pages.');
    page = await call(() => client.api(next).header('Prefer', PREFER_DELTA).get());
  }
}

function firstRequest(client: Client, mailboxPath: string, window: Interval, deltaLink: string | null) {
  const request = deltaLink
    ? client.api(deltaLink)
    : client
        .api(`${mailboxPath}/calendarView/delta`)
        .query({ startDateTime: window.start.toISOString(), endDateTime: window.end.toISOString() });
  return request.header('Prefer', PREFER_DELTA);
}

/** Reads one item into the round; a later item about the same id replaces an earlier one. */
function recordItem(latest: Map<string, EventRecord | 'removed'>, item: unknown): void {
  const removed = removedItemSchema.safeParse(item);
  if (removed.success) {
    latest.set(removed.data.id, 'removed');
    return;
  }
  const event = parse(graphFullEventSchema, item, 'delta item');
  if (event.type === 'seriesMaster') return;
  latest.set(event.id, toEventRecord(event));
}

/** The last page carries the link the next round starts from; a round that ends without one cannot be resumed. */
function finalLink(deltaLink: string | undefined): string {
  if (!deltaLink) throw new AppError('graph_bad_response', 'Microsoft Graph ended a delta round without a deltaLink.');
  return deltaLink;
}

function toRound(latest: Map<string, EventRecord | 'removed'>, deltaLink: string): DeltaRound {
  const changed: EventRecord[] = [];
  const removed: string[] = [];
  for (const [id, entry] of latest) {
    if (entry === 'removed') removed.push(id);
    else changed.push(entry);
  }
  return { changed, removed, deltaLink };
}
