import type { OutboundQueue } from '@confer/bot/ports';
import type { Logger } from '../../logging/logger.ts';
import type { AlertMailer } from '../../ports/alert-mailer.ts';
import type { Clock } from '../../ports/clock.ts';
import type { AppConsentProbe, IncidentSignalSource, RecentAccessTests } from '../../ports/incident-signals.ts';
import type { IncidentStore } from '../../ports/incident-store.ts';
import type { ConnectionMode, TenantStore } from '../../ports/tenant-store.ts';

/** What the incident monitor runs on. */
export interface IncidentDeps {
  clock: Clock;
  logger: Logger;
  newId: () => string;
  /** The tenants Confer serves (one: the configured tenant). */
  tenantIds: readonly string[];
  incidents: IncidentStore;
  tenants: Pick<TenantStore, 'getSettings' | 'listUsers'>;
  defaultConnectionMode: ConnectionMode;
  signals: IncidentSignalSource;
  /** Asks the authority for a fresh application token (never a cached one) and reads its roles. */
  probeAppConsent: (tenantId: string) => Promise<AppConsentProbe>;
  /** When the configured client secret expires, if known (CONFER_CLIENT_SECRET_EXPIRES_AT). */
  clientSecretExpiresAt: Date | null;
  /** The access test's recent runs; without it that kind is never raised. */
  recentAccessTests?: RecentAccessTests;
  /** Bot cards go through the outbound queue (idempotent by key, retried until delivered). */
  queue: OutboundQueue;
  /** Whether the bot has a personal conversation with the person (it cannot start one by itself). */
  canReach: (tenantId: string, userId: string) => Promise<boolean>;
  /** Null without an alert mailbox (CONFER_ALERT_MAILBOX): owners then get cards only. */
  mailer: AlertMailer | null;
  /** The tab's public URL: the admin page's link in cards and emails. */
  tabUrl: string;
}
