import type { IncidentSignalSource } from '../../ports/incident-signals.ts';
import type { SqliteDatabase } from './database.ts';

/** The outbound kind of incident alerts: their own failures must not raise a delivery incident about themselves. */
const INCIDENT_ALERT_KIND = 'incident-alert';

/** Counts failures in the sync and delivery tables for the incident monitor. */
export function createSqliteIncidentSignals(db: SqliteDatabase): IncidentSignalSource {
  const failedSubscriptions = db.prepare(`
    SELECT COUNT(DISTINCT user_id) AS n FROM graph_subscriptions
    WHERE tenant_id = ? AND state = 'failed' AND COALESCE(renewed_at, created_at) >= ?`);
  const missed = db.prepare(`
    SELECT COUNT(*) AS n FROM graph_inbox
    WHERE tenant_id = ? AND lifecycle_event = 'missed' AND received_at >= ?`);
  const failedDeliveries = db.prepare(`
    SELECT COUNT(*) AS n FROM outbound_messages
    WHERE tenant_id = ? AND state = 'failed' AND kind <> ? AND updated_at >= ?`);
  const count = (row: unknown) => (row as { n: number }).n;
  return {
    async failedSubscriptionPeople(tenantId, since) {
      return count(failedSubscriptions.get(tenantId, since.toISOString()));
    },
    async missedNotifications(tenantId, since) {
      return count(missed.get(tenantId, since.toISOString()));
    },
    async failedDeliveries(tenantId, since) {
      return count(failedDeliveries.get(tenantId, INCIDENT_ALERT_KIND, since.toISOString()));
    },
  };
}
