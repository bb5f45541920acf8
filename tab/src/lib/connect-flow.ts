import type { ConnectionDto } from '@confer/contracts';
import type { AuthedApi } from './authed-api.ts';
import { connectCalendar } from './me-api.ts';
import type { HostSession } from './session.ts';

export interface ConnectDeps {
  readonly api: AuthedApi;
  readonly session: Pick<HostSession, 'requestConsent'>;
  readonly wait: (ms: number) => Promise<void>;
}

/**
 * Connect (or reconnect) the calendar. When the API says consent is needed, run the host's consent prompt
 * (Teams `authentication.authenticate`, or MSAL in a browser) and try again. Consent takes a few seconds to
 * reach the token service, so the retry waits 1 s then 2 s before giving up
 * (docs/reference/teams-platform.md §3).
 */
export async function connectWithConsent(deps: ConnectDeps): Promise<ConnectionDto> {
  let connection = await connectCalendar(deps.api);
  if (connection.status !== 'consent_required') return connection;
  await deps.session.requestConsent([]);
  for (const delay of [0, 1000, 2000]) {
    if (delay > 0) await deps.wait(delay);
    connection = await connectCalendar(deps.api);
    if (connection.status !== 'consent_required') return connection;
  }
  return connection;
}

export const realWait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
