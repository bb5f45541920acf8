import type { GraphActor } from './scheduling-gateway.ts';

/** What Confer asks Graph to watch (docs/reference/graph-calendar.md §4): one person's calendar events. */
export interface SubscriptionRequest {
  /** `/users/{id}/events`: the same form in both modes, so a mode switch never changes what is watched. */
  resource: string;
  notificationUrl: string;
  lifecycleNotificationUrl: string;
  /** The per-subscription secret Graph echoes in every notification (at most 128 characters). */
  clientState: string;
  expiresAt: Date;
}

export interface SubscriptionGrant {
  id: string;
  resource: string;
  /** What Graph actually granted (it may raise a short expiration). */
  expiresAt: Date;
}

/**
 * Graph's subscription resource. Errors come out as AppError: consent withdrawn, the Application Access Policy,
 * a user without a mailbox, throttling and outages keep their codes; a subscription Graph no longer has is
 * `not_found` on renew, and success on remove.
 */
export interface SubscriptionGateway {
  create(actor: GraphActor, request: SubscriptionRequest): Promise<SubscriptionGrant>;
  /** PATCH with a new expiration; also answers `reauthorizationRequired`, as a renewal reauthorizes (docs/reference/graph-calendar.md §4). */
  renew(actor: GraphActor, subscriptionId: string, expiresAt: Date): Promise<SubscriptionGrant>;
  /** DELETE; a subscription Graph no longer has counts as removed. */
  remove(actor: GraphActor, subscriptionId: string): Promise<void>;
}
