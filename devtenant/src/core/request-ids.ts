import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

export interface RequestIds {
  requestId: string;
  clientRequestId: string;
}

/**
 * Every Graph response carries `request-id` and `client-request-id` (the caller's own id echoed, or ours);
 * error bodies repeat both in `innerError` (docs/reference/graph-calendar.md §7). Entra's endpoints
 * send the same id as `x-ms-request-id`.
 */
export function assignRequestIds(req: Request, res: Response, next: NextFunction): void {
  const requestId = randomUUID();
  const sent = req.get('client-request-id');
  const clientRequestId = sent && sent.length <= 200 ? sent : requestId;
  res.locals.requestIds = { requestId, clientRequestId } satisfies RequestIds;
  res.setHeader('request-id', requestId);
  res.setHeader('client-request-id', clientRequestId);
  res.setHeader('x-ms-request-id', requestId);
  next();
}

export function requestIdsOf(res: Response): RequestIds {
  const ids = res.locals.requestIds as RequestIds | undefined;
  if (ids) return ids;
  const requestId = randomUUID();
  return { requestId, clientRequestId: requestId };
}
