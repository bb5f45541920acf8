import type { AuditLog } from '../../ports/tenant-store.ts';
import { assertLimit } from '../sqlite/store-errors.ts';
import { copy, type MemoryState } from './memory-state.ts';

/** The in-memory AuditLog: append-only, newest first. */
export function createMemoryAuditLog(state: MemoryState): AuditLog {
  return {
    async append(entry) {
      state.audit.push({ seq: state.nextSeq++, entry: copy(entry) });
    },
    async list(tenantId, limit) {
      assertLimit(limit, 'audit_log');
      return state.audit
        .filter((row) => row.entry.tenantId === tenantId)
        .sort((a, b) => b.entry.at.getTime() - a.entry.at.getTime() || b.seq - a.seq)
        .slice(0, limit)
        .map((row) => copy(row.entry));
    },
  };
}
