import type { Clock } from '../../ports/clock.ts';
import { createLocalChangeFeed, createLocalLeases } from '../memory/local-coordination.ts';
import type { StoreAdapters } from '../store-adapters.ts';
import type { SqliteDatabase } from './database.ts';
import { createSqliteOutboundStore } from './outbound-queue-store.ts';
import { createSqliteAccessTestStore } from './sqlite-access-test-store.ts';
import { createSqliteAdminConsentStore } from './sqlite-admin-consent-store.ts';
import { createSqliteConnectionHealthStore } from './sqlite-connection-health-store.ts';
import { createSqliteConversationStore, createTenantServiceUrlLookup } from './sqlite-conversation-store.ts';
import { createSqliteDeltaStateStore } from './sqlite-delta-state-store.ts';
import { createSqliteGuestOfferStore } from './sqlite-guest-offer-store.ts';
import { createSqliteIncidentSignals } from './sqlite-incident-signals.ts';
import { createSqliteIncidentStore } from './sqlite-incident-store.ts';
import { createSqliteNotificationInbox } from './sqlite-notification-inbox.ts';
import { createSqlitePendingSignInStore } from './sqlite-pending-sign-in-store.ts';
import { createSqliteStores } from './sqlite-stores.ts';
import { createSqliteSubscriptionStore } from './sqlite-subscription-store.ts';

/**
 * The embedded store: one SQLite file served by one process, so leases, the change feed and rate limits are
 * this process's own (the database's single writer is the one replica there is).
 */
export function createSqliteAdapters(db: SqliteDatabase, clock: Clock): StoreAdapters {
  return {
    kind: 'sqlite',
    stores: createSqliteStores(db),
    health: createSqliteConnectionHealthStore(db),
    conversations: createSqliteConversationStore(db),
    tenantServiceUrl: createTenantServiceUrlLookup(db),
    outbound: createSqliteOutboundStore(db, clock),
    subscriptions: createSqliteSubscriptionStore(db),
    inbox: createSqliteNotificationInbox(db),
    deltaStates: createSqliteDeltaStateStore(db),
    incidents: createSqliteIncidentStore(db),
    incidentSignals: createSqliteIncidentSignals(db),
    accessTests: createSqliteAccessTestStore(db),
    adminConsent: createSqliteAdminConsentStore(db),
    guestOffers: createSqliteGuestOfferStore(db),
    pendingSignIns: createSqlitePendingSignInStore(db),
    leases: createLocalLeases(),
    changes: createLocalChangeFeed(),
    ping: async () => db.open,
    async close() {
      db.close();
    },
  };
}
