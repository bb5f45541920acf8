import type { IncidentSignalSource } from '../../ports/incident-signals.ts';
import type { PgDatabase } from './pg-database.ts';

/** The outbound kind of incident alerts: their own failures must not raise a delivery incident about themselves. */
const INCIDENT_ALERT_KIND = 'incident-alert';

const FAILED_SUBSCRIPTIONS = `
  SELECT COUNT(DISTINCT user_id) AS n FROM graph_subscriptions
  WHERE tenant_id = $1 AND state = 'failed' AND COALESCE(renewed_at, created_at) >= $2`;
const MISSED = `
  SELECT COUNT(*) AS n FROM graph_inbox
  WHERE tenant_id = $1 AND lifecycle_event = 'missed' AND received_at >= $2`;
const FAILED_DELIVERIES = `
  SELECT COUNT(*) AS n FROM outbound_messages
  WHERE tenant_id = $1 AND state = 'failed' AND kind <> $3 AND updated_at >= $2`;

/** Counts failures in the sync and delivery tables of PostgreSQL for the incident monitor. */
export function createPgIncidentSignals(db: PgDatabase): IncidentSignalSource {
  // COUNT is a bigint, which the pool reads as a number (pg-database.ts).
  const count = async (sql: string, params: unknown[]) => (await db.query<{ n: number }>(sql, params))[0]?.n ?? 0;
  return {
    failedSubscriptionPeople: (tenantId, since) => count(FAILED_SUBSCRIPTIONS, [tenantId, since]),
    missedNotifications: (tenantId, since) => count(MISSED, [tenantId, since]),
    failedDeliveries: (tenantId, since) => count(FAILED_DELIVERIES, [tenantId, since, INCIDENT_ALERT_KIND]),
  };
}
