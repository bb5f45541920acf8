import { z } from 'zod';
import { GraphHttpError } from '../graph/context.ts';

/** Graph's limit per `$batch` (docs/reference/graph-calendar.md §6). */
export const MAX_BATCH_REQUESTS = 20;

const step = z.object({
  id: z.string().min(1),
  method: z
    .string()
    .transform((m) => m.toUpperCase())
    .pipe(z.enum(['GET', 'POST', 'PATCH', 'PUT', 'DELETE'])),
  url: z.string().min(1),
  headers: z.record(z.string(), z.string()).optional(),
  body: z.unknown().optional(),
  dependsOn: z.array(z.string()).optional(),
});

const envelope = z.object({ requests: z.array(step) });

export type BatchStep = z.infer<typeof step>;

/**
 * Validates the envelope as Graph does: a malformed batch, more than 20 requests, duplicate ids or a
 * `dependsOn` naming an unknown id fail the whole batch with 400; everything else is per request.
 */
export function parseBatch(body: unknown): BatchStep[] {
  const parsed = envelope.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new GraphHttpError(
      400,
      'BadRequest',
      `Invalid batch payload format: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim(),
    );
  }
  const requests = parsed.data.requests;
  if (requests.length === 0)
    throw new GraphHttpError(400, 'BadRequest', 'Invalid batch payload format: the batch contains no requests.');
  if (requests.length > MAX_BATCH_REQUESTS) {
    throw new GraphHttpError(
      400,
      'BadRequest',
      `Number of batch request steps exceeds the limit of ${MAX_BATCH_REQUESTS}.`,
    );
  }
  const ids = new Set<string>();
  for (const request of requests) {
    if (ids.has(request.id))
      throw new GraphHttpError(400, 'BadRequest', `Batch request contains a duplicate id '${request.id}'.`);
    ids.add(request.id);
  }
  for (const request of requests) {
    for (const dependency of request.dependsOn ?? []) {
      if (!ids.has(dependency) || dependency === request.id) {
        throw new GraphHttpError(
          400,
          'BadRequest',
          `Request '${request.id}' depends on '${dependency}', which is not a request of this batch.`,
        );
      }
    }
  }
  assertAcyclic(requests);
  return requests;
}

function assertAcyclic(requests: readonly BatchStep[]): void {
  const byId = new Map(requests.map((r) => [r.id, r]));
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (id: string): void => {
    if (state.get(id) === 'done') return;
    if (state.get(id) === 'visiting')
      throw new GraphHttpError(400, 'BadRequest', `Batch requests have a circular dependency through '${id}'.`);
    state.set(id, 'visiting');
    for (const dependency of byId.get(id)?.dependsOn ?? []) visit(dependency);
    state.set(id, 'done');
  };
  for (const request of requests) visit(request.id);
}

/**
 * The inner request's path: `url` is relative to the version root, with or without a leading slash (Graph's
 * batching page). Absolute URLs are refused per request: Graph's documentation only allows relative ones and
 * reports of absolute URLs being rejected exist (microsoft-graph-docs-contrib#8576), so code that passes here
 * never depends on them. Returns undefined for such a URL.
 */
export function innerPath(url: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url)) return undefined;
  return `/v1.0/${url.replace(/^\/+/, '')}`;
}
