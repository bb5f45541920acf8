import { GraphError } from '@microsoft/microsoft-graph-client';
import { AppError } from '../../domain/app-error.ts';
import { retryAfterSeconds } from './graph-client-factory.ts';

/**
 * An event, user or subscription Graph does not have (an unknown subscription is `ResourceNotFound`,
 * docs/reference/graph-calendar.md §4).
 */
const NOT_FOUND_CODES = new Set(['ErrorItemNotFound', 'ErrorInvalidUser', 'ResourceNotFound']);

/** An expired or unknown delta token (docs/reference/graph-calendar.md §5): the round must restart. */
const SYNC_STATE_CODES = new Set(['syncStateNotFound', 'resyncRequired']);

/**
 * Graph's answers (docs/reference/graph-calendar.md §7) turned into Confer's error codes. Throttling and outages are
 * retryable and say so; nothing here hides the original error (it stays as `cause`).
 */
export function toAppErrorFromGraph(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (!(error instanceof GraphError)) {
    return new AppError('graph_unavailable', 'Microsoft Graph could not be reached.', {
      cause: error,
      retryAfterSeconds: 5,
    });
  }
  const { statusCode, code } = error;
  if (code === 'MailboxNotEnabledForRESTAPI' || (code === 'ResourceNotFound' && /mailbox/i.test(error.message))) {
    return new AppError('mailbox_not_enabled', 'This account has no Exchange Online mailbox.', { cause: error });
  }
  if (statusCode === 403 && code === 'ErrorAccessDenied') {
    return new AppError(
      'outside_access_policy',
      "Confer is not allowed to read this calendar (outside the admin's Application Access Policy).",
      { cause: error },
    );
  }
  if (statusCode === 412 || code === 'ErrorIrresolvableConflict') {
    return new AppError('conflict', 'The Outlook event changed since Confer last read it. Reload and try again.', {
      cause: error,
    });
  }
  if (code === 'ErrorOccurrenceCrossingBoundary') {
    // The caller asked for it: Outlook keeps a moved occurrence strictly between the days of its neighbours.
    return new AppError(
      'validation_failed',
      'An occurrence can only move to a day between the occurrences before and after it.',
      { cause: error },
    );
  }
  if (statusCode === 404 && NOT_FOUND_CODES.has(code ?? '')) {
    return new AppError('not_found', 'The Outlook event, subscription or mailbox does not exist (any more).', {
      cause: error,
    });
  }
  if (statusCode === 410 || SYNC_STATE_CODES.has(code ?? '')) {
    return new AppError('sync_state_lost', 'Outlook lost the calendar sync position; sync again from the start.', {
      cause: error,
    });
  }
  if (statusCode === 401) {
    return new AppError('connection_expired', 'The calendar connection was refused. Sign in again.', { cause: error });
  }
  if (statusCode === 429) {
    return new AppError('graph_throttled', 'Microsoft Graph is busy. Try again shortly.', {
      cause: error,
      retryAfterSeconds: retryAfter(error),
    });
  }
  if (statusCode === 503 || statusCode === 504 || statusCode === -1) {
    return new AppError('graph_unavailable', 'Microsoft Graph is unavailable right now. Try again shortly.', {
      cause: error,
      retryAfterSeconds: retryAfter(error),
    });
  }
  return new AppError('graph_error', `Microsoft Graph refused the request (${code ?? statusCode}).`, { cause: error });
}

/** Whole seconds for the caller (Graph may send decimals); 5 s when Graph gave no hint. */
function retryAfter(error: GraphError): number {
  const seconds = retryAfterSeconds(error.headers?.get?.('retry-after'));
  return seconds === null ? 5 : Math.max(1, Math.ceil(seconds));
}

/** Graph's code of a failed request, when it was Graph that answered. */
export function graphErrorCode(error: unknown): string | null {
  return error instanceof GraphError ? (error.code ?? null) : null;
}
