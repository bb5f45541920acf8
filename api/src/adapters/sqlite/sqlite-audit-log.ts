import { z } from 'zod';
import type { AuditEntry, AuditLog } from '../../ports/tenant-store.ts';
import type { SqliteDatabase } from './database.ts';
import { isoDate, jsonColumn, jsonObject, parseRow, toIso } from './row-codec.ts';
import { assertLimit } from './store-errors.ts';

const auditRow = z.object({
  tenant_id: z.string(),
  at: isoDate,
  actor_id: z.string().nullable(),
  action: z.string(),
  target: z.string().nullable(),
  details_json: jsonColumn(jsonObject),
});

/** Admin-visible record of who changed what; append-only, newest first when listed. */
export function createSqliteAuditLog(db: SqliteDatabase): AuditLog {
  const insert = db.prepare(`
    INSERT INTO audit_log (tenant_id, at, actor_id, action, target, details_json)
    VALUES (@tenantId, @at, @actorId, @action, @target, @details)`);
  const select = db.prepare(`
    SELECT seq, tenant_id, at, actor_id, action, target, details_json FROM audit_log
    WHERE tenant_id = ? ORDER BY at DESC, seq DESC LIMIT ?`);

  return {
    async append(entry) {
      insert.run({
        tenantId: entry.tenantId,
        at: toIso(entry.at),
        actorId: entry.actorId,
        action: entry.action,
        target: entry.target,
        details: JSON.stringify(entry.details),
      });
    },
    async list(tenantId, limit) {
      assertLimit(limit, 'audit_log');
      return select.all(tenantId, limit).map((row): AuditEntry => {
        const seq = (row as { seq: number }).seq;
        const a = parseRow(auditRow, row, { table: 'audit_log', key: { tenantId, seq } });
        return {
          tenantId: a.tenant_id,
          at: a.at,
          actorId: a.actor_id,
          action: a.action,
          target: a.target,
          details: a.details_json,
        };
      });
    },
  };
}
