import { createContext, useContext } from 'react';
import type { AuthedApi } from '../lib/authed-api.ts';
import type { HostSession } from '../lib/session.ts';
import type { Route } from './routes.ts';

/**
 * What every page needs from the shell once someone is signed in: the API as that person (a fresh token per
 * call), the host session, the locale and zone to show times in, navigation, and the once-only "loaded" signal.
 */
export interface TabServices {
  readonly session: HostSession;
  readonly api: AuthedApi;
  /** BCP 47 locale for dates and times (Teams `app.locale` or the browser's language). */
  readonly locale: string;
  /** IANA zone times are shown in: the person's override, else their mailbox zone, else the device's. */
  readonly timeZone: string;
  navigate(route: Route): void;
  /** Tells the host the tab has loaded (teams-js `app.notifySuccess`); only the first call counts. */
  reportReady(): void;
  /** Settings changed the time-zone override: resolve the zone again. */
  refreshTimeZone(): void;
}

export const TabServicesContext = createContext<TabServices | null>(null);

export function useTabServices(): TabServices {
  const services = useContext(TabServicesContext);
  if (!services) throw new Error('useTabServices() is only available inside the signed-in shell');
  return services;
}
