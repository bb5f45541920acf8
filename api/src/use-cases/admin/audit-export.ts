import { AppError } from '../../domain/app-error.ts';
import { csvRecord } from '../../domain/csv.ts';
import type { Clock } from '../../ports/clock.ts';
import type { AuditFilter } from '../../ports/tenant-store.ts';
import type { Admin, AdminDeps } from './admin-settings.ts';

/** The audit query's filters as the API takes them (`actor` is an object id; times are ISO instants). */
export interface AuditQueryFilter {
  action?: string | undefined;
  actor?: string | undefined;
  since?: string | undefined;
  until?: string | undefined;
}

/** The filters as the store takes them; a range that ends before it starts is the caller's mistake, not "none". */
export function auditFilterOf(query: AuditQueryFilter): AuditFilter {
  if (query.since && query.until && Date.parse(query.since) > Date.parse(query.until)) {
    throw new AppError('validation_failed', 'The audit range ends before it starts.', {
      details: [{ path: 'until', message: 'must not be before since' }],
    });
  }
  return {
    ...(query.action ? { action: query.action } : {}),
    ...(query.actor ? { actorId: query.actor } : {}),
    ...(query.since ? { since: new Date(query.since) } : {}),
    ...(query.until ? { until: new Date(query.until) } : {}),
  };
}

const AUDIT_COLUMNS = ['At', 'Actor id', 'Action', 'Target', 'Details'];

/** Every matching entry of the admin's tenant as CSV records (header first), newest first; details as JSON. */
export async function* exportAuditEntries(
  deps: Pick<AdminDeps, 'audit'>,
  admin: Admin,
  filter: AuditFilter,
): AsyncIterable<string> {
  yield csvRecord(AUDIT_COLUMNS);
  for await (const entry of deps.audit.each(admin.tenantId, filter)) {
    yield csvRecord([entry.at.toISOString(), entry.actorId, entry.action, entry.target, JSON.stringify(entry.details)]);
  }
}

/** `confer-audit-log-YYYY-MM-DD.csv`, dated in UTC. */
export function auditExportName(clock: Clock): string {
  return `confer-audit-log-${clock.now().toISOString().slice(0, 10)}.csv`;
}
