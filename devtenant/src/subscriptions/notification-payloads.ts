import type { CalendarChange } from '../graph/context.ts';
import { notificationResourceFor } from './resource-path.ts';
import type { LifecycleEvent, StoredSubscription } from './subscription-model.ts';

/**
 * A basic change notification for an Outlook event (docs/reference/graph-calendar.md §4, shape as Graph sends for
 * Outlook items).
 */
export function buildChangeNotification(sub: StoredSubscription, change: CalendarChange, fallbackEtag: string) {
  const resource = notificationResourceFor(sub.mailboxId, change.eventId);
  return {
    subscriptionId: sub.id,
    subscriptionExpirationDateTime: sub.expirationDateTime,
    changeType: change.changeType,
    resource,
    resourceData: {
      '@odata.type': '#Microsoft.Graph.Event',
      '@odata.id': resource,
      '@odata.etag': `W/"${change.changeKey ?? fallbackEtag}"`,
      id: change.eventId,
    },
    clientState: sub.clientState,
    tenantId: sub.tenantId,
  };
}

/** A lifecycle notification (docs/reference/graph-calendar.md §4, "Lifecycle notifications"). */
export function buildLifecycleNotification(sub: StoredSubscription, event: LifecycleEvent) {
  return {
    subscriptionId: sub.id,
    subscriptionExpirationDateTime: sub.expirationDateTime,
    tenantId: sub.tenantId,
    clientState: sub.clientState,
    lifecycleEvent: event,
  };
}
