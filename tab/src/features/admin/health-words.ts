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
  connected: 'Connected',
  consent_required: 'Consent required',
  expired: 'Expired',
  outside_scope: 'Outside the access policy',
  disconnected: 'Disconnected',
  never_connected: 'Never connected',
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
  active: 'Active',
  failed: 'Failing',
  removed: 'Removed',
  none: 'None',
};
