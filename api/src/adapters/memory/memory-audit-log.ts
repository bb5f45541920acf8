import type { AuditEntry, AuditFilter, AuditLog } from '../../ports/tenant-store.ts';
import { assertLimit } from '../sqlite/store-errors.ts';
import { copy, type MemoryState } from './memory-state.ts';

function matches(entry: AuditEntry, tenantId: string, filter: AuditFilter): boolean {
  return (
    entry.tenantId === tenantId &&
    (filter.action === undefined || entry.action === filter.action) &&
    (filter.actorId === undefined || entry.actorId === filter.actorId) &&
    (!filter.since || entry.at >= filter.since) &&
    (!filter.until || entry.at <= filter.until)
  );
}

/** The in-memory AuditLog: append-only, newest first. */
export function createMemoryAuditLog(state: MemoryState): AuditLog {
  const newestFirst = (tenantId: string, filter: AuditFilter) =>
    state.audit
      .filter((row) => matches(row.entry, tenantId, filter))
      .sort((a, b) => b.entry.at.getTime() - a.entry.at.getTime() || b.seq - a.seq)
      .map((row) => copy(row.entry));
  return {
    async append(entry) {
      state.audit.push({ seq: state.nextSeq++, entry: copy(entry) });
    },
    async list(tenantId, limit, filter = {}) {
      assertLimit(limit, 'audit_log');
      return newestFirst(tenantId, filter).slice(0, limit);
    },
    async *each(tenantId, filter) {
      yield* newestFirst(tenantId, filter);
    },
  };
}
