import { type Client, GraphError } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';
import { AppError } from '../../domain/app-error.ts';
import type { EventRecord } from '../../ports/scheduling-gateway.ts';
import { PREFER_UTC } from './graph-actor.ts';
import { call, parse } from './graph-call.ts';
import { retryAfterSeconds } from './graph-client-factory.ts';
import { toAppErrorFromGraph } from './graph-errors.ts';
import { eventRecordFrom } from './graph-event-check.ts';
import { EVENT_SELECT } from './graph-event-mapper.ts';

/** Graph's limit of requests in one `$batch` (docs/reference/graph-calendar.md §6). */
export const MAX_BATCH_REQUESTS = 20;
/** Rounds of re-asking throttled items before the throttling reaches the caller. */
const MAX_THROTTLED_ROUNDS = 5;
/** A longer inner Retry-After is not waited out here: the caller gets it with the error, as with single reads. */
const MAX_WAIT_SECONDS = 30;

export const batchAnswerSchema = z.object({
  responses: z.array(
    z.object({
      id: z.string(),
      status: z.number().int(),
      headers: z.record(z.string(), z.string()).nullable().optional(),
      body: z.unknown().optional(),
    }),
  ),
});
type BatchResponse = z.infer<typeof batchAnswerSchema>['responses'][number];

const innerErrorSchema = z.object({
  error: z.object({ code: z.string().nullable().optional(), message: z.string().nullable().optional() }),
});

/**
 * Several events of one mailbox by id, 20 to a `$batch`, read as single reads are (`$select`, UTC). The SDK does
 * not retry throttled inner requests (docs/reference/graph-calendar.md §6), so items answered 429/503/504 are
 * asked again after their Retry-After — only those, never the ones already read. 404 is null, as for one read.
 */
export async function readEventsBatched(
  client: Client,
  mailboxPath: string,
  eventIds: readonly string[],
): Promise<Map<string, EventRecord | null>> {
  const found = new Map<string, EventRecord | null>();
  const unique = [...new Set(eventIds)];
  for (let start = 0; start < unique.length; start += MAX_BATCH_REQUESTS) {
    const chunk = unique.slice(start, start + MAX_BATCH_REQUESTS);
    for (const [id, event] of await readChunk(client, mailboxPath, chunk)) found.set(id, event);
  }
  return found;
}

/** One chunk of at most 20 ids, re-asking throttled ones until every id has an answer or an error. */
async function readChunk(
  client: Client,
  mailboxPath: string,
  ids: readonly string[],
): Promise<Map<string, EventRecord | null>> {
  const found = new Map<string, EventRecord | null>();
  let pending = ids;
  for (let round = 0; ; round++) {
    const throttled: { id: string; error: AppError; waitSeconds: number | null }[] = [];
    for (const [id, answer] of await postBatch(client, mailboxPath, pending)) {
      const outcome = readAnswer(answer);
      if (outcome.kind === 'throttled') throttled.push({ id, error: outcome.error, waitSeconds: outcome.waitSeconds });
      else found.set(id, outcome.event);
    }
    const [first] = throttled;
    if (!first) return found;
    const waitSeconds = Math.max(...throttled.map((t) => t.waitSeconds ?? 2 ** round));
    if (round + 1 >= MAX_THROTTLED_ROUNDS || waitSeconds > MAX_WAIT_SECONDS) throw first.error;
    await sleep(waitSeconds * 1000);
    pending = throttled.map((t) => t.id);
  }
}

/** POSTs one `$batch` of event reads; the map has an answer for every id asked, or the batch is a bad response. */
async function postBatch(
  client: Client,
  mailboxPath: string,
  ids: readonly string[],
): Promise<Map<string, BatchResponse>> {
  const requests = ids.map((eventId, index) => ({
    id: String(index + 1),
    method: 'GET',
    url: `${mailboxPath}/events/${encodeURIComponent(eventId)}?$select=${EVENT_SELECT}`,
    headers: { Prefer: PREFER_UTC },
  }));
  const raw = await call(() => client.api('/$batch').post({ requests }));
  const byRequestId = new Map(parse(batchAnswerSchema, raw, 'batch answer').responses.map((r) => [r.id, r]));
  const answers = new Map<string, BatchResponse>();
  ids.forEach((eventId, index) => {
    const answer = byRequestId.get(String(index + 1));
    if (!answer) throw new AppError('graph_bad_response', 'Microsoft Graph left a batched read unanswered.');
    answers.set(eventId, answer);
  });
  return answers;
}

type Outcome =
  | { kind: 'read'; event: EventRecord | null }
  | { kind: 'throttled'; error: AppError; waitSeconds: number | null };

/** One inner answer: the event, null when it is gone, a retryable refusal, or the AppError a single read raises. */
function readAnswer(answer: BatchResponse): Outcome {
  if (answer.status >= 200 && answer.status < 300) {
    return { kind: 'read', event: eventRecordFrom(answer.body, 'event') };
  }
  const graphError = innerGraphError(answer);
  const error = toAppErrorFromGraph(graphError);
  if (error.code === 'not_found') return { kind: 'read', event: null };
  if (error.code === 'graph_throttled' || error.code === 'graph_unavailable') {
    return { kind: 'throttled', error, waitSeconds: retryAfterSeconds(graphError.headers?.get('retry-after')) };
  }
  throw error;
}

/** The GraphError the client would have thrown had the inner request been sent on its own. */
export function innerGraphError(answer: BatchResponse): GraphError {
  const parsed = innerErrorSchema.safeParse(answer.body);
  const body = parsed.success ? parsed.data.error : null;
  const error = new GraphError(answer.status, body?.message ?? `Batched request failed with ${answer.status}.`);
  error.code = body?.code ?? null;
  error.headers = new Headers(answer.headers ?? {});
  error.body = JSON.stringify(answer.body ?? null);
  return error;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
