import express, { type Request, type Router } from 'express';
import type { GraphAuthorization } from '../core/graph-authorization.ts';
import { type BatchStep, innerPath, parseBatch } from './batch-request.ts';
import type { LoopbackClient, LoopbackResponse } from './loopback-client.ts';

export interface BatchDeps {
  auth: GraphAuthorization;
  loopback: LoopbackClient;
}

export interface BatchResponseItem {
  id: string;
  status: number;
  headers: Record<string, string>;
  body?: unknown;
}

/**
 * Graph forwards at most 4 requests of an unordered batch to Outlook at a time (docs/reference/graph-calendar.md §6).
 */
const PARALLELISM = 4;
/** Response headers worth returning per inner request (others are transport details of the loopback). */
const KEPT_HEADERS = [
  'content-type',
  'retry-after',
  'location',
  'etag',
  'preference-applied',
  'odata-version',
  'cache-control',
];

/**
 * `POST /$batch`: up to 20 requests, each dispatched through the same routes as a direct call. The envelope is
 * 200 with per-request `status`; a request whose dependency failed gets 424; throttled ones carry their own
 * 429 and Retry-After. With any `dependsOn` the batch runs one by one in dependency order, as Graph does.
 */
export function createBatchRoutes(deps: BatchDeps): Router {
  const router = express.Router();
  router.post('/$batch', async (req, res) => {
    deps.auth.authenticate(req);
    const steps = parseBatch(req.body);
    const responses = await runBatch(deps, req, steps);
    res.status(200).json({ responses });
  });
  return router;
}

async function runBatch(deps: BatchDeps, outer: Request, steps: readonly BatchStep[]): Promise<BatchResponseItem[]> {
  const results = new Map<string, BatchResponseItem>();
  const sequential = steps.some((s) => (s.dependsOn ?? []).length > 0);
  const pending = [...steps];
  while (pending.length > 0) {
    const ready = pending.filter((s) => (s.dependsOn ?? []).every((d) => results.has(d)));
    const wave = sequential ? ready.slice(0, 1) : ready.slice(0, PARALLELISM);
    await Promise.all(
      wave.map(async (step) => {
        pending.splice(pending.indexOf(step), 1);
        const failed = (step.dependsOn ?? []).some((d) => (results.get(d)?.status ?? 500) >= 400);
        results.set(step.id, failed ? failedDependency(step.id) : await runStep(deps, outer, step));
      }),
    );
  }
  return steps.map((s) => results.get(s.id) ?? failedDependency(s.id));
}

async function runStep(deps: BatchDeps, outer: Request, step: BatchStep): Promise<BatchResponseItem> {
  const path = innerPath(step.url);
  if (!path)
    return errorItem(
      step.id,
      400,
      'BadRequest',
      `Invalid request URI '${step.url}': batch URLs are relative to /v1.0.`,
    );
  if (path.toLowerCase().startsWith('/v1.0/$batch'))
    return errorItem(step.id, 400, 'BadRequest', 'A batch request cannot contain another batch.');
  const headers: Record<string, string> = { ...lowerKeys(step.headers ?? {}) };
  const auth = outer.get('authorization');
  if (auth && !headers.authorization) headers.authorization = auth;
  let body: Buffer | undefined;
  if (step.body !== undefined) {
    const contentType = headers['content-type'];
    if (!contentType)
      return errorItem(step.id, 400, 'BadRequest', 'Content-Type header must be specified for a request with a body.');
    body = Buffer.from(
      typeof step.body === 'string' && !contentType.includes('json') ? step.body : JSON.stringify(step.body),
    );
    headers['content-length'] = String(body.length);
  }
  const response = await deps.loopback.send({ method: step.method, path, headers, body });
  return toItem(step.id, response);
}

function toItem(id: string, response: LoopbackResponse): BatchResponseItem {
  const headers: Record<string, string> = {};
  for (const name of KEPT_HEADERS) {
    const value = response.headers[name];
    if (value !== undefined) headers[canonicalHeader(name)] = value;
  }
  const item: BatchResponseItem = { id, status: response.status, headers };
  if (response.body.length > 0) {
    const text = response.body.toString('utf8');
    item.body = (headers['Content-Type'] ?? '').includes('json') ? JSON.parse(text) : text;
  }
  return item;
}

function failedDependency(id: string): BatchResponseItem {
  return errorItem(id, 424, 'FailedDependency', 'The request failed because a request it depends on failed.');
}

function errorItem(id: string, status: number, code: string, message: string): BatchResponseItem {
  return { id, status, headers: { 'Content-Type': 'application/json' }, body: { error: { code, message } } };
}

function lowerKeys(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
}

function canonicalHeader(name: string): string {
  if (name === 'etag') return 'ETag';
  if (name === 'odata-version') return 'OData-Version';
  return name
    .split('-')
    .map((part) => (part[0]?.toUpperCase() ?? '') + part.slice(1))
    .join('-');
}
