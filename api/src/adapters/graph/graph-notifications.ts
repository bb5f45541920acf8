import { z } from 'zod';
import type { AcceptedNotification } from '../../ports/notification-inbox.ts';
import { changeKeyOf } from './graph-event-mapper.ts';

/**
 * Graph's change and lifecycle notifications for Outlook events (docs/reference/graph-calendar.md §4). These
 * are Graph's shapes, not Confer's API: unknown fields are ignored, and every string is bounded so a forged
 * item cannot make a huge dedupe key or row.
 */
const id = z.string().min(1).max(512);
const instant = z.string().min(1).max(64);

const common = {
  subscriptionId: id,
  subscriptionExpirationDateTime: instant.optional(),
  tenantId: id,
  // Graph's limit is 128 characters; anything longer cannot be ours and is dropped like a wrong one.
  clientState: z.string().max(128),
};

export const changeNotificationSchema = z.object({
  ...common,
  changeType: z.enum(['created', 'updated', 'deleted']),
  resource: z.string().min(1).max(1024),
  resourceData: z.object({ id, '@odata.etag': z.string().max(512).optional() }),
});
export type ChangeNotification = z.infer<typeof changeNotificationSchema>;

export const lifecycleNotificationSchema = z.object({
  ...common,
  lifecycleEvent: z.enum(['reauthorizationRequired', 'subscriptionRemoved', 'missed']),
});
export type LifecycleNotification = z.infer<typeof lifecycleNotificationSchema>;

/**
 * The envelope of one POST. Items are checked one by one (a bad item is dropped, its neighbours kept), so the
 * envelope only bounds how many there are: Graph batches notifications of several subscriptions in one POST.
 */
export const notificationBatchSchema = z.object({ value: z.array(z.unknown()).min(1).max(1000) });

/**
 * What makes two deliveries the same notification. On retry Graph POSTs the same payload again, so the key is
 * built from fields a retry repeats and a new change does not: the event's `@odata.etag` carries its
 * changeKey, which changes with every version, so a later edit of the same event is a new key and is never
 * swallowed, while a repeated delivery of one version is recorded once. An item without an etag falls back to
 * the subscription's expiration, which a retry also repeats.
 */
function changeDedupeKey(n: ChangeNotification): string {
  const version = n.resourceData['@odata.etag'] ?? n.subscriptionExpirationDateTime ?? '';
  return [n.subscriptionId, n.changeType, n.resourceData.id, version].join('|');
}

/**
 * A lifecycle event repeats for the same subscription and expiration until it is acted on (a renewal changes
 * the expiration); the inbox keeps such a key unique only while it is pending, so a later `missed` after the
 * first was handled is recorded again (migration 9).
 */
function lifecycleDedupeKey(n: LifecycleNotification): string {
  return [n.subscriptionId, n.lifecycleEvent, n.subscriptionExpirationDateTime ?? ''].join('|');
}

export function acceptedChange(n: ChangeNotification, receivedAt: string): AcceptedNotification {
  return {
    dedupeKey: changeDedupeKey(n),
    subscriptionId: n.subscriptionId,
    tenantId: n.tenantId,
    changeType: n.changeType,
    resource: n.resource,
    resourceId: n.resourceData.id,
    changeKey: changeKeyOf(n.resourceData['@odata.etag']),
    lifecycleEvent: null,
    receivedAt,
  };
}

export function acceptedLifecycle(n: LifecycleNotification, receivedAt: string): AcceptedNotification {
  return {
    dedupeKey: lifecycleDedupeKey(n),
    subscriptionId: n.subscriptionId,
    tenantId: n.tenantId,
    changeType: null,
    resource: null,
    resourceId: null,
    changeKey: null,
    lifecycleEvent: n.lifecycleEvent,
    receivedAt,
  };
}
