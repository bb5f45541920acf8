import { setTimeout as sleep } from 'node:timers/promises';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { FaultInjector } from '../control/fault-settings.ts';
import type { DirectoryStore } from '../directory/directory-store.ts';
import type { Clock, GraphCaller } from '../graph/context.ts';
import { GraphHttpError } from '../graph/context.ts';
import type { GraphAuthorization } from './graph-authorization.ts';
import { sendGraphError } from './graph-errors.ts';
import type { RequestCounters } from './request-counters.ts';
import { formatRetryAfter, type Throttle } from './throttling.ts';

export interface GraphTrafficDeps {
  clock: Clock;
  auth: GraphAuthorization;
  directory: DirectoryStore;
  throttle: Throttle;
  faults: FaultInjector;
  counters: RequestCounters;
  /** Marks requests the `$batch` dispatcher sends to itself, so envelopes and inner requests are counted apart. */
  isInnerBatchRequest(req: Request): boolean;
}

/**
 * Outlook resources below a user: the ones Exchange throttles per app + mailbox (docs/reference/graph-calendar.md §7).
 */
const OUTLOOK_SEGMENTS = new Set([
  'events',
  'calendar',
  'calendars',
  'calendarview',
  'calendargroups',
  'mailboxsettings',
  'sendmail',
  'findmeetingtimes',
  'messages',
  'mailfolders',
  'outlook',
  'reminderview',
]);

/**
 * Runs before every Graph route: counts the request, holds one of the mailbox's 4 concurrency slots until the
 * response ends (429 `ApplicationThrottled` + fractional Retry-After when none is free or the 10-minute budget
 * is spent), then applies injected latency, 429 storms and error rates. Invalid tokens pass through untouched:
 * the route's `authorize` answers them with 401.
 */
export function graphTraffic(deps: GraphTrafficDeps): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction) => {
    const envelope = req.method === 'POST' && req.path === '/$batch';
    if (!deps.isInnerBatchRequest(req)) deps.counters.countHttp(envelope);
    if (envelope) return next();
    deps.counters.countGraph();
    const caller = deps.auth.peekCaller(req);
    const mailbox = caller ? mailboxOf(deps, req.path, caller) : undefined;
    if (caller && mailbox) {
      deps.counters.countMailbox(mailbox.id, mailbox.upn, caller.appId);
      const decision = deps.throttle.tryAcquire(`${caller.appId.toLowerCase()}|${mailbox.id}`);
      if (!decision.ok) {
        deps.counters.countThrottled(mailbox.id);
        const message =
          decision.reason === 'concurrency'
            ? 'Application is over its MailboxConcurrency limit.'
            : 'Application is over its MailboxRequests limit.';
        sendGraphError(
          res,
          deps.clock,
          new GraphHttpError(429, 'ApplicationThrottled', message, {
            'Retry-After': formatRetryAfter(decision.retryAfterSeconds),
          }),
        );
        return;
      }
      res.once('finish', decision.release);
      res.once('close', decision.release);
    }
    const fault = deps.faults.decide(req.path, mailbox?.id);
    if (fault.latencyMs > 0) await sleep(fault.latencyMs);
    if (res.writableEnded || req.socket.destroyed) return;
    if (fault.kind === 'storm') {
      if (mailbox) deps.counters.countThrottled(mailbox.id);
      sendGraphError(
        res,
        deps.clock,
        new GraphHttpError(429, 'TooManyRequests', 'Please retry again later.', {
          'Retry-After': formatRetryAfter(fault.retryAfterSeconds),
        }),
      );
      return;
    }
    if (fault.kind === 'error') {
      sendGraphError(res, deps.clock, injectedError(fault.status));
      return;
    }
    next();
  };
}

function mailboxOf(
  deps: GraphTrafficDeps,
  path: string,
  caller: GraphCaller,
): { id: string; upn: string | null } | undefined {
  const segments = path.split('/').filter(Boolean);
  const root = segments[0]?.toLowerCase();
  if (root === 'me' && OUTLOOK_SEGMENTS.has(segments[1]?.toLowerCase() ?? '') && caller.userId) {
    const me = deps.directory.findUser(caller.tenantId, caller.userId);
    return { id: caller.userId.toLowerCase(), upn: me?.userPrincipalName ?? null };
  }
  if (root === 'users' && segments[1] && OUTLOOK_SEGMENTS.has(segments[2]?.toLowerCase() ?? '')) {
    const key = safeDecode(segments[1]);
    const user = deps.directory.findUser(caller.tenantId, key) ?? deps.directory.findByEmail(caller.tenantId, key);
    return user ? { id: user.id.toLowerCase(), upn: user.userPrincipalName } : { id: key.toLowerCase(), upn: null };
  }
  return undefined;
}

/** Error bodies for injected statuses, with the codes Graph uses for them (docs/reference/graph-calendar.md §7). */
const INJECTED: Readonly<Record<number, [code: string, message: string]>> = {
  400: ['BadRequest', 'The request is malformed or incorrect.'],
  401: ['InvalidAuthenticationToken', 'Access token validation failure.'],
  403: ['ErrorAccessDenied', 'Access is denied. Check credentials and try again.'],
  404: ['ErrorItemNotFound', 'The specified object was not found in the store.'],
  409: [
    'ErrorIrresolvableConflict',
    'The send or update operation could not be performed because the change key passed in the request does not match the current change key for the item.',
  ],
  412: [
    'ErrorIrresolvableConflict',
    'The send or update operation could not be performed because the change key passed in the request does not match the current change key for the item.',
  ],
  429: ['TooManyRequests', 'Please retry again later.'],
  500: ['generalException', 'General exception while processing.'],
  502: ['BadGateway', 'The server, while acting as a gateway, received an invalid response from the upstream server.'],
  503: ['serviceNotAvailable', 'The service is temporarily unavailable. Please retry later.'],
  504: ['GatewayTimeout', 'The gateway did not receive a timely response from the upstream server.'],
};

function injectedError(status: number): GraphHttpError {
  const [code, message] = INJECTED[status] ?? ['UnknownError', `The service answered ${status}.`];
  // Graph sends Retry-After with 429 and usually with 503, and clients must honour it
  // (docs/reference/graph-calendar.md §7).
  const headers: Record<string, string> = status === 429 || status === 503 ? { 'Retry-After': '1' } : {};
  return new GraphHttpError(status, code, message, headers);
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment).replace(/^'|'$/g, '');
  } catch {
    return segment;
  }
}
