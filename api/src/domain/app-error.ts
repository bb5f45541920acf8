import type { ErrorCode } from '@confer/contracts';

/**
 * The one error model of the API. Every failure that reaches a caller is an AppError with a stable
 * code from the contracts' list (contracts/src/error-codes.ts); `toHttpStatus` maps it to HTTP once.
 */
export type AppErrorCode = ErrorCode;

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly details: unknown;
  /** Seconds the caller should wait before retrying, for retryable errors. */
  readonly retryAfterSeconds: number | undefined;

  constructor(
    code: AppErrorCode,
    message: string,
    options: { cause?: unknown; details?: unknown; retryAfterSeconds?: number } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.details = options.details;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

/** Every code's HTTP status; a code added to the contracts without one here does not compile. */
const statusByCode: Record<AppErrorCode, number> = {
  bad_request: 400,
  validation_failed: 400,
  not_found: 404,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  host_not_allowed: 421,
  forbidden: 403,
  unknown_person: 400,
  conflicts_found: 409,
  version_conflict: 409,
  meeting_not_editable: 409,
  token_missing: 401,
  token_malformed: 401,
  token_expired: 401,
  token_not_yet_valid: 401,
  token_invalid_signature: 401,
  token_invalid_audience: 401,
  token_invalid_issuer: 401,
  token_wrong_tenant: 401,
  token_missing_scope: 401,
  token_unsupported_algorithm: 401,
  token_invalid: 401,
  authority_unavailable: 503,
  consent_required: 403,
  interaction_required: 403,
  connection_expired: 403,
  mailbox_not_enabled: 409,
  outside_access_policy: 403,
  graph_throttled: 503,
  graph_unavailable: 503,
  graph_bad_response: 502,
  graph_error: 502,
  not_connected: 403,
  conflict: 409,
  teams_link_missing: 502,
  graph_duplicate_transaction: 409,
  sync_state_lost: 410,
  subscription_refused: 403,
  admin_required: 403,
  disconnect_forbidden: 403,
  integration_off: 403,
  consent_request_invalid: 400,
  access_test_running: 409,
  // A tampered, malformed or foreign link is "not found": the answer never says which part failed.
  guest_link_invalid: 404,
  guest_link_used: 409,
  guest_link_expired: 410,
  guest_link_revoked: 410,
  guest_time_not_offered: 400,
  guest_not_external: 400,
  store_unavailable: 503,
  internal_error: 500,
};

export function toHttpStatus(code: AppErrorCode): number {
  return statusByCode[code];
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}
