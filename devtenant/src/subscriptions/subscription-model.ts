export type ChangeType = 'created' | 'updated' | 'deleted';
export const CHANGE_TYPES: readonly ChangeType[] = ['created', 'updated', 'deleted'];

export type LifecycleEvent = 'reauthorizationRequired' | 'subscriptionRemoved' | 'missed';

/** A subscription as devtenant keeps it; every instant is an ISO string so snapshots are plain JSON. */
export interface StoredSubscription {
  id: string;
  tenantId: string;
  /** Client id of the app that created it: only that app sees or manages it. */
  applicationId: string;
  /** Signed-in user for delegated creation, else the app's client id (devtenant has no service principal ids). */
  creatorId: string;
  createdBy: 'delegated' | 'application';
  /** Directory object id of the subscribed mailbox. */
  mailboxId: string;
  /** The resource string exactly as the app sent it. */
  resource: string;
  changeTypes: ChangeType[];
  notificationUrl: string;
  lifecycleNotificationUrl: string | null;
  clientState: string | null;
  latestSupportedTlsVersion: string;
  expirationDateTime: string;
  /** Last automatic reauthorizationRequired sent before expiry. */
  lastReauthorizationNoticeAt: string | null;
  /** Set by a revoked-access challenge: delivery pauses from this instant until reauthorize or renew. */
  reauthorizeBy: string | null;
}

/** One notification waiting to be POSTed (a change or a lifecycle event). */
export interface PendingNotification {
  id: string;
  kind: 'change' | 'lifecycle';
  subscriptionId: string;
  url: string;
  payload: Record<string, unknown>;
  dueAt: string;
  attempts: number;
  firstAttemptAt: string | null;
}
