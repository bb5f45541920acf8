import type { Client, GraphError } from '@microsoft/microsoft-graph-client';
import { AppError } from '../../domain/app-error.ts';
import { call, parse } from './graph-call.ts';
import { retryAfterSeconds } from './graph-client-factory.ts';
import { batchAnswerSchema, innerGraphError, MAX_BATCH_REQUESTS } from './graph-event-batch.ts';

/** A longer inner Retry-After is not waited out: the item is reported throttled at once. */
const MAX_WAIT_SECONDS = 30;

/** One inner answer: the body of a success, or the GraphError the request would have thrown on its own. */
export type BatchedGet = { ok: true; body: unknown } | { ok: false; error: GraphError };

/**
 * GETs of relative URLs, 20 to a `$batch`, each answered on its own (docs/reference/graph-calendar.md §6). The SDK
 * does not retry throttled inner requests, so those answered 429/503/504 are asked once more after their
 * Retry-After — only those — and a second refusal is their answer. The whole envelope failing throws.
 */
export async function getBatched(client: Client, urls: readonly string[]): Promise<BatchedGet[]> {
  const answers: BatchedGet[] = [];
  for (let start = 0; start < urls.length; start += MAX_BATCH_REQUESTS) {
    answers.push(...(await getChunk(client, urls.slice(start, start + MAX_BATCH_REQUESTS))));
  }
  return answers;
}

async function getChunk(client: Client, urls: readonly string[]): Promise<BatchedGet[]> {
  const answers = await postBatch(client, urls);
  const retry = answers.flatMap((answer, index) => (!answer.ok && isRetryable(answer.error) ? [index] : []));
  if (retry.length === 0) return answers;
  const waits = retry.map((index) => waitOf(answers[index]));
  const waitSeconds = Math.max(...waits.map((w) => w ?? 1));
  if (waitSeconds > MAX_WAIT_SECONDS) return answers;
  await sleep(waitSeconds * 1000);
  const again = await postBatch(
    client,
    retry.map((index) => urls[index] ?? ''),
  );
  retry.forEach((index, i) => {
    const answer = again[i];
    if (answer) answers[index] = answer;
  });
  return answers;
}

async function postBatch(client: Client, urls: readonly string[]): Promise<BatchedGet[]> {
  const requests = urls.map((url, index) => ({ id: String(index + 1), method: 'GET', url }));
  const raw = await call(() => client.api('/$batch').post({ requests }));
  const byId = new Map(parse(batchAnswerSchema, raw, 'batch answer').responses.map((r) => [r.id, r]));
  return urls.map((_url, index) => {
    const answer = byId.get(String(index + 1));
    if (!answer) throw new AppError('graph_bad_response', 'Microsoft Graph left a batched read unanswered.');
    if (answer.status >= 200 && answer.status < 300) return { ok: true, body: answer.body };
    return { ok: false, error: innerGraphError(answer) };
  });
}

function isRetryable(error: GraphError): boolean {
  return error.statusCode === 429 || error.statusCode === 503 || error.statusCode === 504;
}

function waitOf(answer: BatchedGet | undefined): number | null {
  return answer && !answer.ok ? retryAfterSeconds(answer.error.headers?.get('retry-after')) : null;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
