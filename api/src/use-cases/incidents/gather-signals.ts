import type { IncidentKind } from '@confer/contracts';
import {
  accessTestSignal,
  deliverySignal,
  INCIDENT_THRESHOLDS,
  type IncidentSignal,
  perUserConsentSignal,
  secretExpirySignal,
  subscriptionSignal,
  tenantConsentSignal,
} from '../../domain/incidents/incident-rules.ts';
import type { ConnectionMode } from '../../ports/tenant-store.ts';
import type { IncidentDeps } from './incident-deps.ts';

/**
 * Reads every signal of one tenant. One that cannot be read is `unknown` (logged), so a failing source neither
 * opens nor resolves anything.
 */
export async function gatherSignals(
  deps: IncidentDeps,
  tenantId: string,
  mode: ConnectionMode,
  open: ReadonlySet<IncidentKind>,
): Promise<IncidentSignal[]> {
  const now = deps.clock.now();
  const t = INCIDENT_THRESHOLDS;
  const since = (ms: number) => new Date(now.getTime() - ms);
  const read = async (kind: IncidentKind, signal: () => Promise<IncidentSignal>): Promise<IncidentSignal> => {
    try {
      return await signal();
    } catch (error) {
      deps.logger.warn('incident signal could not be read', { tenantId, kind, error });
      return { kind, state: 'unknown', detail: error instanceof Error ? error.message : String(error) };
    }
  };
  const signals = [
    read('consent_revoked', async () => {
      const users = await deps.tenants.listUsers(tenantId);
      if (mode === 'tenant') {
        return tenantConsentSignal(await deps.probeAppConsent(tenantId), users.length);
      }
      const people = users.map((user) => ({ status: user.connectionStatus, checkedAt: user.connectionCheckedAt }));
      return perUserConsentSignal(people, now, open.has('consent_revoked'));
    }),
    read('secret_expiring', async () => secretExpirySignal(deps.clientSecretExpiresAt, now)),
    read('subscription_failures', async () =>
      subscriptionSignal(await deps.signals.failedSubscriptionPeople(tenantId, since(t.subscriptionWindowMs))),
    ),
    read('delivery_failures', async () =>
      deliverySignal({
        missed: await deps.signals.missedNotifications(tenantId, since(t.deliveryWindowMs)),
        failedDeliveries: await deps.signals.failedDeliveries(tenantId, since(t.deliveryWindowMs)),
      }),
    ),
  ];
  const accessTests = deps.recentAccessTests;
  if (accessTests) {
    signals.push(read('access_test_failures', async () => accessTestSignal(await accessTests(tenantId))));
  }
  return Promise.all(signals);
}
