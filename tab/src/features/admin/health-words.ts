import type { HealthPersonDto, HealthStatus } from '@confer/contracts';

export const healthStatuses: readonly HealthStatus[] = [
  'connected',
  'consent_required',
  'expired',
  'outside_scope',
  'disconnected',
  'never_connected',
];

export const statusWords: Record<HealthStatus, string> = {
  connected: 'admin.status.connected',
  consent_required: 'admin.status.consentRequired',
  expired: 'admin.status.expired',
  outside_scope: 'admin.status.outsideScope',
  disconnected: 'admin.status.disconnected',
  never_connected: 'admin.status.neverConnected',
};

export const statusColor: Record<HealthStatus, 'success' | 'warning' | 'danger' | 'informative' | 'subtle'> = {
  connected: 'success',
  consent_required: 'warning',
  expired: 'warning',
  outside_scope: 'danger',
  disconnected: 'subtle',
  never_connected: 'informative',
};

export const subscriptionWords: Record<HealthPersonDto['subscription'], string> = {
  active: 'admin.subscription.active',
  failed: 'admin.subscription.failed',
  removed: 'admin.subscription.removed',
  none: 'admin.subscription.none',
};
