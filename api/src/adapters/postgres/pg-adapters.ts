import type { Logger } from '../../logging/logger.ts';
import type { Clock } from '../../ports/clock.ts';
import type { StoreAdapters } from '../store-adapters.ts';
import { createPgAccessTestStore } from './pg-access-test-store.ts';
import { createPgAdminConsentStore } from './pg-admin-consent-store.ts';
import { createPostgresChangeFeed } from './pg-change-feed.ts';
import { createPostgresConnectionHealthStore } from './pg-connection-health-store.ts';
import { createPostgresConversationStore, createPostgresTenantServiceUrlLookup } from './pg-conversation-store.ts';
import type { PgDatabase } from './pg-database.ts';
import { createPostgresDeltaStateStore } from './pg-delta-state-store.ts';
import { createPgGuestOfferStore } from './pg-guest-offer-store.ts';
import { createPgIncidentSignals } from './pg-incident-signals.ts';
import { createPgIncidentStore } from './pg-incident-store.ts';
import { createPostgresLeases } from './pg-leases.ts';
import { createPostgresNotificationInbox } from './pg-notification-inbox.ts';
import { createPostgresOutboundStore } from './pg-outbound-queue-store.ts';
import { createPgPendingSignInStore } from './pg-pending-sign-in-store.ts';
import { createPostgresStores } from './pg-stores.ts';
import { createPostgresSubscriptionStore } from './pg-subscription-store.ts';
import { createPostgresWindowCounter } from './pg-window-counter.ts';

export interface PgAdapterOptions {
  /** The same URL the database was opened with: the change feed listens on a connection of its own. */
  url: string;
  clock: Clock;
  logger: Logger;
}

/**
 * The production store: every port over one PostgreSQL database that any number of replicas share. Leases,
 * the change feed and the per-user counters live in the database too, so the replicas cooperate through it.
 */
export function createPostgresAdapters(db: PgDatabase, options: PgAdapterOptions): StoreAdapters {
  return {
    kind: 'postgres',
    stores: createPostgresStores(db),
    health: createPostgresConnectionHealthStore(db),
    conversations: createPostgresConversationStore(db),
    tenantServiceUrl: createPostgresTenantServiceUrlLookup(db),
    outbound: createPostgresOutboundStore(db, options.clock),
    subscriptions: createPostgresSubscriptionStore(db),
    inbox: createPostgresNotificationInbox(db),
    deltaStates: createPostgresDeltaStateStore(db),
    incidents: createPgIncidentStore(db),
    incidentSignals: createPgIncidentSignals(db),
    accessTests: createPgAccessTestStore(db),
    adminConsent: createPgAdminConsentStore(db),
    guestOffers: createPgGuestOfferStore(db),
    pendingSignIns: createPgPendingSignInStore(db),
    leases: createPostgresLeases(db),
    changes: createPostgresChangeFeed({
      db,
      url: options.url,
      schema: db.schema,
      logger: options.logger.child({ part: 'change-feed' }),
    }),
    sharedRateCounter: (limit, windowMs) => createPostgresWindowCounter(db, limit, windowMs),
    ping: () =>
      db.query('SELECT 1').then(
        () => true,
        () => false,
      ),
    close: () => db.close(),
  };
}
