import type { StoredSubscription } from './subscription-model.ts';

/** The Graph `subscription` resource (docs/reference/graph-calendar.md §4 response fields). */
export function toGraphSubscription(sub: StoredSubscription, options: { hideClientState: boolean }) {
  return {
    id: sub.id,
    resource: sub.resource,
    applicationId: sub.applicationId,
    changeType: sub.changeTypes.join(','),
    // The list call never returns clientState (subscription-list docs), the single-item calls do.
    clientState: options.hideClientState ? null : sub.clientState,
    notificationUrl: sub.notificationUrl,
    notificationQueryOptions: null,
    lifecycleNotificationUrl: sub.lifecycleNotificationUrl,
    expirationDateTime: sub.expirationDateTime,
    creatorId: sub.creatorId,
    includeResourceData: false,
    latestSupportedTlsVersion: sub.latestSupportedTlsVersion,
    encryptionCertificate: null,
    encryptionCertificateId: null,
    notificationUrlAppId: null,
    notificationContentType: null,
  };
}

export function subscriptionContext(baseUrl: string, entity: boolean): string {
  return `${baseUrl}/v1.0/$metadata#subscriptions${entity ? '/$entity' : ''}`;
}
