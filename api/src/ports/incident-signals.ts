/**
 * What the incident monitor reads from the rest of the app's records: failures counted since an instant, per
 * tenant. The SQLite adapter counts rows of the sync and delivery tables; tests pass their own figures.
 */
export interface IncidentSignalSource {
  /** People whose Graph subscription creation or renewal was refused since the instant. */
  failedSubscriptionPeople(tenantId: string, since: Date): Promise<number>;
  /** Lifecycle `missed` events Graph sent since the instant (notifications it could not deliver). */
  missedNotifications(tenantId: string, since: Date): Promise<number>;
  /** Bot messages given up on (final `failed`) since the instant; incident alerts themselves are not counted. */
  failedDeliveries(tenantId: string, since: Date): Promise<number>;
}

/** One run of the access test: how many people's calendars were tried and how many answered. */
export interface AccessTestRun {
  at: Date;
  tested: number;
  succeeded: number;
}

/** The access test's recent runs, newest first (the access test's own store answers it). */
export type RecentAccessTests = (tenantId: string) => Promise<AccessTestRun[]>;

/** What the application token says when asked for afresh (tenant-wide mode). */
export type AppConsentProbe =
  | { outcome: 'granted'; roles: string[] }
  | { outcome: 'consent_missing'; detail: string }
  /** The authority could not be asked (network, outage): nothing can be concluded. */
  | { outcome: 'unknown'; detail: string };
