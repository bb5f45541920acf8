import type { ConnectionActivity } from '../../ports/connection-activity.ts';
import type { DeltaStateStore } from '../../ports/delta-state-store.ts';
import type { NotificationInbox } from '../../ports/notification-inbox.ts';
import type { SubscriptionGateway } from '../../ports/subscription-gateway.ts';
import type { SubscriptionStore } from '../../ports/subscription-store.ts';
import type { AuditLog, TenantStore } from '../../ports/tenant-store.ts';
import type { SchedulingDeps } from '../scheduling/scheduling-deps.ts';

/** Everything Outlook sync needs, passed in. */
export interface SyncDeps {
  scheduling: SchedulingDeps;
  subscriptions: SubscriptionStore;
  graphSubscriptions: SubscriptionGateway;
  inbox: NotificationInbox;
  deltaStates: DeltaStateStore;
  /** Connection changes are saved here; a broken connection queues the person's one reconnect prompt. */
  connections: TenantStore;
  /** Where a refused subscription is recorded for administrators. */
  audit: AuditLog;
  /** Each person's last sync error, for the admin's connection health list (cleared by the next success). */
  activity?: ConnectionActivity;
  /** Graph's delivery URLs, derived from the app's public URL (docs/reference/graph-calendar.md §4). */
  notificationUrl: string;
  lifecycleNotificationUrl: string;
}

/** How long a subscription is asked for, and how early it is renewed (Outlook allows just under 7 days). */
export const SUBSCRIPTION_LIFETIME_MS = 3 * 86_400_000;
export const RENEW_BEFORE_MS = 86_400_000;
