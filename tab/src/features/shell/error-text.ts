import { ErrorCodes } from '@confer/contracts';
import type { Translator } from '@confer/contracts/i18n';
import type { AppError, ClientErrorCode } from '../../lib/app-error.ts';

export type ErrorAction = 'retry' | 'consent' | 'sign-in' | 'settings';

export interface ErrorText {
  readonly title: string;
  readonly body: string;
  readonly action: ErrorAction;
}

const consentTitles: Partial<Record<ClientErrorCode, string>> = {
  consent_required: 'shell.error.consentRequired',
  // Raised by the API when the On-Behalf-Of exchange needs the user (MFA, expired refresh): the same popup fixes it.
  interaction_required: 'shell.error.interactionRequired',
  connection_expired: 'shell.error.connectionExpired',
};

const retryTitles: Partial<Record<ClientErrorCode, string>> = {
  network_error: 'shell.error.networkError',
  mailbox_not_enabled: 'shell.error.mailboxNotEnabled',
  outside_access_policy: 'shell.error.outsideAccessPolicy',
  graph_throttled: 'shell.error.graphThrottled',
  graph_unavailable: 'shell.error.graphUnavailable',
  authority_unavailable: 'shell.error.authorityUnavailable',
  store_unavailable: 'shell.error.storeUnavailable',
  // The admin switched the Outlook integration off: the API's message says so and whom to ask.
  integration_off: 'shell.error.integrationOff',
};

/**
 * Bodies for codes whose reason is always the same. The API and the tab's own errors word their messages in
 * English; in another language the code's message from the catalogue is shown instead, and a code without one
 * keeps the message it came with (it names a specific reason).
 */
const bodies: Partial<Record<ClientErrorCode, string>> = {
  consent_required: 'shell.errorBody.consentRequired',
  interaction_required: 'shell.errorBody.interactionRequired',
  connection_expired: 'shell.errorBody.connectionExpired',
  not_connected: 'shell.errorBody.notConnected',
  network_error: 'shell.errorBody.networkError',
  invalid_response: 'shell.errorBody.invalidResponse',
  mailbox_not_enabled: 'shell.errorBody.mailboxNotEnabled',
  outside_access_policy: 'shell.errorBody.outsideAccessPolicy',
  graph_throttled: 'shell.errorBody.graphThrottled',
  graph_unavailable: 'shell.errorBody.graphUnavailable',
  authority_unavailable: 'shell.errorBody.authorityUnavailable',
  store_unavailable: 'shell.errorBody.storeUnavailable',
  integration_off: 'shell.errorBody.integrationOff',
  host_unavailable: 'shell.errorBody.hostUnavailable',
  sign_in_failed: 'shell.errorBody.signInFailed',
};

/** The message to show for `error` in the translator's language (see `bodies`). */
export function errorMessage(error: AppError, i18n: Translator): string {
  const key = bodies[error.code];
  if (i18n.locale.language === 'en' || !key) return error.message;
  return i18n.t(key);
}

/**
 * Turns an error code (the API's or the tab's own) into words a person can act on. `failedTitle` is the title of
 * a failure with no more specific title ("Your meetings couldn't be loaded"); the calendar's by default.
 */
export function describeError(error: AppError, i18n: Translator, failedTitle?: string): ErrorText {
  const { t } = i18n;
  const fromApi = error.status !== null;
  const body = errorMessage(error, i18n);
  if (error.code === ErrorCodes.consent_required) {
    return {
      title: t('shell.error.consentRequired'),
      body: t('shell.errorBody.consentToRead'),
      action: 'consent',
    };
  }
  if (error.code === ErrorCodes.not_connected) {
    // The person disconnected their calendar on purpose: Settings is where they connect it again.
    return { title: t('shell.error.notConnected'), body, action: 'settings' };
  }
  const consentTitle = consentTitles[error.code];
  if (fromApi && consentTitle) return { title: t(consentTitle), body, action: 'consent' };
  if (error.code === ErrorCodes.interaction_required || error.code.startsWith('token_') || error.status === 401) {
    return { title: t('shell.error.signInAgain'), body, action: 'sign-in' };
  }
  const retryTitle = retryTitles[error.code];
  if (retryTitle) return { title: t(retryTitle), body, action: 'retry' };
  if (error.status === 403) return { title: t('shell.error.accessDenied'), body, action: 'retry' };
  return { title: failedTitle ?? t('shell.error.calendarFailed'), body, action: 'retry' };
}
