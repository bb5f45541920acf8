import { randomUUID } from 'node:crypto';
import type { Response } from 'express';
import type { Clock } from '../graph/context.ts';

/** OAuth error codes Entra uses in `error`. */
export type EntraErrorCode =
  | 'invalid_request'
  | 'invalid_client'
  | 'invalid_grant'
  | 'invalid_scope'
  | 'invalid_resource'
  | 'unauthorized_client'
  | 'unsupported_grant_type'
  | 'interaction_required'
  | 'consent_required'
  | 'login_required'
  | 'access_denied';

/**
 * An Entra ID token-endpoint error. `aadsts` is the numeric AADSTS code clients (and MSAL) read from
 * `error_codes`; `suberror` drives MSAL's InteractionRequiredAuthError (e.g. `consent_required`).
 */
export class EntraError extends Error {
  readonly status: number;
  readonly error: EntraErrorCode;
  readonly aadsts: number;
  readonly suberror: string | undefined;

  constructor(
    error: EntraErrorCode,
    aadsts: number,
    description: string,
    options: { status?: number; suberror?: string } = {},
  ) {
    super(description);
    this.name = 'EntraError';
    this.error = error;
    this.aadsts = aadsts;
    this.status = options.status ?? (error === 'invalid_client' ? 401 : 400);
    this.suberror = options.suberror;
  }
}

export interface EntraErrorBody {
  error: EntraErrorCode;
  error_description: string;
  error_codes: number[];
  timestamp: string;
  trace_id: string;
  correlation_id: string;
  error_uri: string;
  suberror?: string;
}

/** `2024-05-01 10:11:12Z`, the format of Entra's `timestamp`. */
function entraTimestamp(instant: Date): string {
  return `${instant.toISOString().slice(0, 19).replace('T', ' ')}Z`;
}

export function entraErrorBody(error: EntraError, clock: Clock, origin: string, correlationId: string): EntraErrorBody {
  const timestamp = entraTimestamp(clock.now());
  const traceId = randomUUID();
  const body: EntraErrorBody = {
    error: error.error,
    error_description: `AADSTS${error.aadsts}: ${error.message} Trace ID: ${traceId} Correlation ID: ${correlationId} Timestamp: ${timestamp}`,
    error_codes: [error.aadsts],
    timestamp,
    trace_id: traceId,
    correlation_id: correlationId,
    error_uri: `${origin}/error?code=${error.aadsts}`,
  };
  if (error.suberror) body.suberror = error.suberror;
  return body;
}

export function sendEntraError(
  res: Response,
  error: EntraError,
  clock: Clock,
  origin: string,
  correlationId: string,
): void {
  res
    .status(error.status)
    .set('Cache-Control', 'no-store')
    .json(entraErrorBody(error, clock, origin, correlationId));
}
