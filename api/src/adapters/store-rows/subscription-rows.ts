import type { GraphSubscription, SubscriptionStatus } from '../../ports/subscription-store.ts';

/** A graph_subscriptions row; `I` is how the database returns an instant (ISO text or Date). */
export interface SubscriptionRow<I> {
  id: string;
  tenant_id: string;
  user_id: string;
  resource: string;
  mode: 'tenant' | 'user';
  client_state_digest: string;
  expires_at: I;
  created_at: I;
  renewed_at: I | null;
  state: SubscriptionStatus['state'];
  reason: string | null;
}

/** `toText` gives an instant as the ISO text a subscription carries. */
export function subscriptionFromRow<I>(row: SubscriptionRow<I>, toText: (instant: I) => string): GraphSubscription {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    userId: row.user_id,
    resource: row.resource,
    mode: row.mode,
    clientStateDigest: row.client_state_digest,
    expiresAt: toText(row.expires_at),
    createdAt: toText(row.created_at),
    renewedAt: row.renewed_at === null ? null : toText(row.renewed_at),
    status: row.state === 'active' ? { state: 'active' } : { state: row.state, reason: row.reason ?? '' },
  };
}
