import type { ErrorRequestHandler, Request, RequestHandler, Response } from 'express';
import type { Clock } from '../graph/context.ts';
import { GraphHttpError } from '../graph/context.ts';
import { requestIdsOf } from './request-ids.ts';

export interface GraphErrorBody {
  error: {
    code: string;
    message: string;
    innerError: { date: string; 'request-id': string; 'client-request-id': string };
  };
}

/** Graph's `innerError.date` has no fraction and no zone designator, e.g. `2021-08-23T06:12:16`. */
export function formatInnerErrorDate(instant: Date): string {
  return instant.toISOString().slice(0, 19);
}

export function graphErrorBody(res: Response, clock: Clock, code: string, message: string): GraphErrorBody {
  const ids = requestIdsOf(res);
  return {
    error: {
      code,
      message,
      innerError: {
        date: formatInnerErrorDate(clock.now()),
        'request-id': ids.requestId,
        'client-request-id': ids.clientRequestId,
      },
    },
  };
}

export function sendGraphError(res: Response, clock: Clock, error: GraphHttpError): void {
  for (const [name, value] of Object.entries(error.headers)) res.setHeader(name, value);
  res.status(error.status).json(graphErrorBody(res, clock, error.code, error.message));
}

export interface ErrorLog {
  error(message: string, details: Record<string, unknown>): void;
}

/**
 * The single place that turns thrown errors into Graph's error body (docs/reference/graph-calendar.md §7): feature
 * routers throw `GraphHttpError`; body-parser failures become 400 `BadRequest` with Graph's own wording; anything else
 * is a bug in devtenant, logged with the request id and answered 500 `generalException`.
 */
export function graphErrorMiddleware(clock: Clock, log: ErrorLog): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    if (error instanceof GraphHttpError) {
      sendGraphError(res, clock, error);
      return;
    }
    const parseFailure = bodyParserFailure(error);
    if (parseFailure) {
      sendGraphError(res, clock, parseFailure);
      return;
    }
    log.error('Unhandled error in a Graph route', {
      requestId: requestIdsOf(res).requestId,
      method: req.method,
      path: req.originalUrl,
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    });
    sendGraphError(res, clock, new GraphHttpError(500, 'generalException', 'An unexpected error occurred.'));
  };
}

function bodyParserFailure(error: unknown): GraphHttpError | undefined {
  if (typeof error !== 'object' || error === null || !('type' in error)) return undefined;
  const type = (error as { type: unknown }).type;
  if (type === 'entity.parse.failed') {
    return new GraphHttpError(
      400,
      'BadRequest',
      'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.',
    );
  }
  if (type === 'entity.too.large') {
    return new GraphHttpError(413, 'RequestEntityTooLarge', 'The request payload exceeds the 4 MB limit.');
  }
  if (type === 'encoding.unsupported' || type === 'charset.unsupported') {
    return new GraphHttpError(415, 'UnsupportedMediaType', 'The request body encoding is not supported.');
  }
  return undefined;
}

/**
 * Graph answers an unknown path below a version with 400 `BadRequest` "Resource not found for the segment
 * '…'." (the OData router cannot bind it); outside any version it answers 404.
 */
export function graphNotFound(clock: Clock): RequestHandler {
  return (req: Request, res: Response) => {
    const segments = req.path.split('/').filter(Boolean).map(safeDecode);
    // Graph names the first segment it cannot bind: an unknown root, or the unknown tail below a known one.
    const knownRoot = KNOWN_ROOTS.has((segments[0] ?? '').toLowerCase());
    const segment = (knownRoot ? segments.at(-1) : segments[0]) ?? '';
    sendGraphError(
      res,
      clock,
      new GraphHttpError(400, 'BadRequest', `Resource not found for the segment '${segment}'.`),
    );
  };
}

const KNOWN_ROOTS = new Set(['me', 'users', 'groups', 'subscriptions', '$batch']);

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export function rootNotFound(clock: Clock): RequestHandler {
  return (req: Request, res: Response) => {
    sendGraphError(
      res,
      clock,
      new GraphHttpError(404, 'Request_ResourceNotFound', `Resource '${req.path}' does not exist on this tenant.`),
    );
  };
}
