/**
 * Codes the tab itself raises, next to whatever string codes the API answers with
 * (`{ error: { code, message } }`); the API's codes pass through unchanged.
 */
export type TabErrorCode =
  | 'consent_required'
  | 'interaction_required'
  | 'network_error'
  | 'invalid_response'
  | 'host_unavailable'
  | 'sign_in_failed';

export class AppError extends Error {
  readonly code: TabErrorCode | (string & {});
  readonly status: number | null;
  readonly details: unknown;

  constructor(
    code: TabErrorCode | (string & {}),
    message: string,
    options: { status?: number; details?: unknown; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.status = options.status ?? null;
    this.details = options.details;
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
