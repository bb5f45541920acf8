import type { HealthPageDto, HealthPersonDto, HealthStatus } from '@confer/contracts';
import { csvRecord } from '../../domain/csv.ts';
import type { Clock } from '../../ports/clock.ts';
import type { ConnectionActivity } from '../../ports/connection-activity.ts';
import type { ConnectionHealthStore, HealthFilter, HealthRow } from '../../ports/connection-health-store.ts';
import type { Admin } from './admin-settings.ts';
import { decodeHealthCursor, encodeHealthCursor } from './health-cursor.ts';

export interface ConnectionHealthDeps {
  clock: Clock;
  store: ConnectionHealthStore;
  /** Activity still coalescing in memory is written before reading, so the list shows it. */
  activity: Pick<ConnectionActivity, 'flush'>;
}

export interface HealthQuery {
  status?: HealthStatus | undefined;
  q?: string | undefined;
  cursor?: string | undefined;
  limit: number;
}

const filterOf = (query: Pick<HealthQuery, 'status' | 'q'>): HealthFilter => ({
  ...(query.status ? { status: query.status } : {}),
  ...(query.q ? { search: query.q } : {}),
});

/**
 * One page of the connection health of everyone Confer knows in the admin's tenant: counts by status over
 * everyone, how many match, and the people in display name order after the cursor.
 */
export async function listConnectionHealth(
  deps: ConnectionHealthDeps,
  admin: Admin,
  query: HealthQuery,
): Promise<HealthPageDto> {
  const after = query.cursor ? decodeHealthCursor(query.cursor) : null;
  const filter = filterOf(query);
  await deps.activity.flush();
  // One more than the page tells whether another page follows, without a count.
  const rows = await deps.store.page(admin.tenantId, filter, after, query.limit + 1);
  const counts = await deps.store.counts(admin.tenantId, filter);
  const people = rows.slice(0, query.limit);
  const last = people.at(-1);
  return {
    counts: counts.byStatus,
    total: counts.total,
    matching: counts.matching,
    people: people.map(toDto),
    nextCursor: rows.length > query.limit && last ? encodeHealthCursor(last) : null,
  };
}

const HEALTH_COLUMNS = [
  'Display name',
  'Email',
  'User id',
  'Status',
  'Checked at',
  'Last Graph success',
  'Subscription',
  'Last sync error code',
  'Last sync error',
  'Last sync error at',
];

/** Every matching person as CSV records (header first), in list order, read from the store in batches. */
export async function* exportConnectionHealth(
  deps: ConnectionHealthDeps,
  admin: Admin,
  query: Pick<HealthQuery, 'status' | 'q'>,
): AsyncIterable<string> {
  await deps.activity.flush();
  yield csvRecord(HEALTH_COLUMNS);
  for await (const row of deps.store.each(admin.tenantId, filterOf(query))) {
    const p = toDto(row);
    yield csvRecord([
      p.displayName,
      p.email,
      p.userId,
      p.status,
      p.checkedAt,
      p.lastGraphSuccessAt,
      p.subscription,
      p.lastSyncError?.code ?? null,
      p.lastSyncError?.message ?? null,
      p.lastSyncError?.at ?? null,
    ]);
  }
}

/** `confer-connection-health-YYYY-MM-DD.csv`, dated in UTC. */
export function healthExportName(clock: Clock): string {
  return `confer-connection-health-${clock.now().toISOString().slice(0, 10)}.csv`;
}

function toDto(row: HealthRow): HealthPersonDto {
  return {
    userId: row.userId,
    displayName: row.displayName,
    email: row.email,
    status: row.status,
    checkedAt: row.checkedAt?.toISOString() ?? null,
    lastGraphSuccessAt: row.lastGraphSuccessAt?.toISOString() ?? null,
    lastSyncError: row.lastSyncError
      ? { code: row.lastSyncError.code, message: row.lastSyncError.message, at: row.lastSyncError.at.toISOString() }
      : null,
    subscription: row.subscription,
  };
}
