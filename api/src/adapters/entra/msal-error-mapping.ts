import { AuthError, InteractionRequiredAuthError } from '@azure/msal-node';
import { AppError } from '../../domain/app-error.ts';

/**
 * Entra's answers (docs/reference/teams-platform.md §3) as Confer's codes: missing consent → invalid_grant
 * AADSTS65001 (`consent_required`); a refresh token that expired (AADSTS700082 inactivity, 700084 SPA lifetime) or was
 * revoked (AADSTS50173 password reset / revoked sessions) → `connection_expired`; MFA, Conditional Access
 * → `interaction_required`.
 */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof AuthError) {
    const text = `${error.errorCode} ${error.subError} ${error.errorMessage}`;
    if (/AADSTS65001|consent_required/i.test(text)) {
      return new AppError('consent_required', 'Confer needs your consent to read your calendar.', { cause: error });
    }
    if (/AADSTS700082|AADSTS50173|AADSTS700084|AADSTS50034|token.*(expired|revoked)/i.test(text)) {
      return new AppError('connection_expired', 'Your calendar connection has expired. Sign in again.', {
        cause: error,
      });
    }
    if (error instanceof InteractionRequiredAuthError && /no_tokens_found|refresh_token/i.test(text)) {
      return new AppError('not_connected', 'Confer has no stored calendar connection for this person.', {
        cause: error,
      });
    }
    if (/interaction_required|AADSTS50076|AADSTS50079|AADSTS53003/i.test(text)) {
      return new AppError('interaction_required', 'Sign in again to continue (your organisation requires it).', {
        cause: error,
      });
    }
    if (/network|ECONN|timed? ?out|fetch/i.test(text)) {
      return new AppError('authority_unavailable', 'The sign-in service could not be reached.', { cause: error });
    }
    return new AppError('graph_error', `The sign-in service refused the request (${error.errorCode}).`, {
      cause: error,
    });
  }
  return new AppError('authority_unavailable', 'The sign-in service could not be reached.', { cause: error });
}
