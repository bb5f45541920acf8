import { type ConflictsResponse, conflictsResponseSchema, type ErrorCode, ErrorCodes } from '@confer/contracts';

/** Codes the tab itself raises; `consent_required` and `interaction_required` are also the API's. */
export type TabErrorCode =
  | 'consent_required'
  | 'interaction_required'
  | 'network_error'
  | 'invalid_response'
  | 'host_unavailable'
  | 'sign_in_failed';

/**
 * An answer that was not one of the API's error bodies (a proxy's page, an empty body), or carried a
 * code this build does not know (a newer server): named by its HTTP status alone.
 */
export type HttpStatusCode = `http_${number}`;

/** Every code an error in the tab can carry: the API's (contracts), the tab's own, or a bare HTTP status. */
export type ClientErrorCode = ErrorCode | TabErrorCode | HttpStatusCode;

export class AppError extends Error {
  readonly code: ClientErrorCode;
  readonly status: number | null;
  readonly details: unknown;
  /**
   * The code to show the person, for a support request: the server's own code even when this build does not know
   * it (then `code` is the bare status the tab acts on).
   */
  readonly shownCode: string;

  constructor(
    code: ClientErrorCode,
    message: string,
    options: { status?: number; details?: unknown; cause?: unknown; shownCode?: string } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.status = options.status ?? null;
    this.details = options.details;
    this.shownCode = options.shownCode ?? code;
  }
}

export function toAppError(error: unknown, fallbackCode: TabErrorCode = 'network_error'): AppError {
  if (error instanceof AppError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new AppError(fallbackCode, message, { cause: error });
}

/** Graph scopes the API asked consent for (`details.scopes`), if it named any. */
export function consentScopesOf(error: AppError): string[] {
  const details = error.details;
  if (typeof details !== 'object' || details === null || !('scopes' in details)) return [];
  const scopes = (details as { scopes: unknown }).scopes;
  return Array.isArray(scopes) ? scopes.filter((s): s is string => typeof s === 'string') : [];
}

/**
 * The clashes a 409 `conflicts_found` carries in `details` (none readable: an empty list), or null for any
 * other error.
 */
export function conflictsOf(error: AppError): ConflictsResponse['conflicts'] | null {
  if (error.code !== ErrorCodes.conflicts_found) return null;
  const parsed = conflictsResponseSchema.safeParse(error.details);
  return parsed.success ? parsed.data.conflicts : [];
}
