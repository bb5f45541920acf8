import type { ConversationStore } from '@confer/bot/ports';
import type { PendingSignInStore } from '@confer/bot/sign-in';
import type { AccessTestStore } from '../ports/access-test-store.ts';
import type { AdminConsentStore } from '../ports/admin-consent-store.ts';
import type { ConnectionHealthStore } from '../ports/connection-health-store.ts';
import type { DeltaStateStore } from '../ports/delta-state-store.ts';
import type { GuestOfferStore } from '../ports/guest-offer-store.ts';
import type { IncidentSignalSource } from '../ports/incident-signals.ts';
import type { IncidentStore } from '../ports/incident-store.ts';
import type { NotificationInbox } from '../ports/notification-inbox.ts';
import type { ChangeFeed, Leases, SharedWindowCounter } from '../ports/replica-coordination.ts';
import type { SubscriptionStore } from '../ports/subscription-store.ts';
import type { OutboundStore } from './sqlite/outbound-queue-store.ts';
import type { StoreSet } from './sqlite/store-set.ts';

/** Every store and coordination port over one backing database (SQLite or PostgreSQL). */
export interface StoreAdapters {
  kind: 'sqlite' | 'postgres';
  stores: StoreSet;
  health: ConnectionHealthStore;
  conversations: ConversationStore;
  tenantServiceUrl: (tenantId: string) => Promise<string | null>;
  outbound: OutboundStore;
  subscriptions: SubscriptionStore;
  inbox: NotificationInbox;
  deltaStates: DeltaStateStore;
  incidents: IncidentStore;
  incidentSignals: IncidentSignalSource;
  accessTests: AccessTestStore;
  adminConsent: AdminConsentStore;
  /** Times offered to guests outside the tenant through signed links. */
  guestOffers: GuestOfferStore;
  /** Actions waiting for their person's sign-in from chat. */
  pendingSignIns: PendingSignInStore;
  leases: Leases;
  changes: ChangeFeed;
  /** Per-user request counts every replica shares; absent when there is one process (SQLite). */
  sharedRateCounter?: (limit: number, windowMs: number) => SharedWindowCounter;
  /** Whether the database answers now (readiness). */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}
