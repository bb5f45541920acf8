import { ErrorCodes } from '@confer/contracts';
import type { AppError, ClientErrorCode } from '../../lib/app-error.ts';

export type ErrorAction = 'retry' | 'consent' | 'sign-in' | 'settings';

export interface ErrorText {
  readonly title: string;
  readonly body: string;
  readonly action: ErrorAction;
}

const consentTitles: Partial<Record<ClientErrorCode, string>> = {
  consent_required: 'Confer needs your permission',
  // Raised by the API when the On-Behalf-Of exchange needs the user (MFA, expired refresh): the same popup fixes it.
  interaction_required: 'Please confirm your sign-in',
  connection_expired: 'Reconnect your calendar',
};

const retryTitles: Partial<Record<ClientErrorCode, string>> = {
  network_error: 'Confer is unreachable',
  mailbox_not_enabled: 'No Outlook mailbox found',
  outside_access_policy: "Your calendar is outside Confer's access",
  graph_throttled: 'Outlook is busy right now',
  graph_unavailable: 'Outlook is not answering',
  authority_unavailable: 'Sign-in service is not answering',
  store_unavailable: 'Confer is busy for a moment',
  // The admin switched the Outlook integration off: the API's message says so and whom to ask.
  integration_off: 'Outlook integration is switched off',
};

/** Turns an error code (the API's or the tab's own) into words a person can act on. */
export function describeError(error: AppError, subject = 'your calendar'): ErrorText {
  const fromApi = error.status !== null;
  if (error.code === ErrorCodes.consent_required) {
    return {
      title: consentTitles.consent_required ?? '',
      body: 'To show your calendar, Confer needs permission to read it. You only need to do this once.',
      action: 'consent',
    };
  }
  if (error.code === ErrorCodes.not_connected) {
    // The person disconnected their calendar on purpose: Settings is where they connect it again.
    return { title: 'Your calendar is disconnected', body: error.message, action: 'settings' };
  }
  const consentTitle = consentTitles[error.code];
  if (fromApi && consentTitle) return { title: consentTitle, body: error.message, action: 'consent' };
  if (error.code === ErrorCodes.interaction_required || error.code.startsWith('token_') || error.status === 401) {
    return { title: 'Please sign in again', body: error.message, action: 'sign-in' };
  }
  const retryTitle = retryTitles[error.code];
  if (retryTitle) return { title: retryTitle, body: error.message, action: 'retry' };
  if (error.status === 403) return { title: 'Access denied', body: error.message, action: 'retry' };
  return {
    title: `${subject.charAt(0).toUpperCase()}${subject.slice(1)} couldn't be loaded`,
    body: error.message,
    action: 'retry',
  };
}
