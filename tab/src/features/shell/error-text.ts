import type { AppError } from '../../lib/app-error.ts';

export type ErrorAction = 'retry' | 'consent' | 'sign-in';

export interface ErrorText {
  readonly title: string;
  readonly body: string;
  readonly action: ErrorAction;
}

/** Turns an error code (the API's or the tab's own) into words a person can act on. */
export function describeError(error: AppError): ErrorText {
  if (error.code === 'consent_required') {
    return {
      title: 'Confer needs your permission',
      body: 'To show your calendar, Confer needs permission to read it. You only need to do this once.',
      action: 'consent',
    };
  }
  if (error.code === 'interaction_required' || error.status === 401) {
    return { title: 'Please sign in again', body: error.message, action: 'sign-in' };
  }
  if (error.code === 'network_error') {
    return { title: 'Confer is unreachable', body: error.message, action: 'retry' };
  }
  if (error.status === 403) {
    return { title: 'Access denied', body: error.message, action: 'retry' };
  }
  return { title: "Your calendar couldn't be loaded", body: error.message, action: 'retry' };
}
