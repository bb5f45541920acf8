import type { AuditEntry, AuditFilter, AuditLog } from '../../ports/tenant-store.ts';
import { parseRow } from '../sqlite/row-codec.ts';
import { assertLimit } from '../sqlite/store-errors.ts';
import { auditEntryFromRow, auditRowSchema } from '../store-rows/audit-rows.ts';
import type { PgDatabase } from './pg-database.ts';
import { pgColumns } from './pg-row-codec.ts';

const auditRow = auditRowSchema(pgColumns);

/** How many entries the export reads per statement. */
const EXPORT_BATCH = 500;

interface Position {
  at: Date;
  seq: number;
}

const INSERT = `
  INSERT INTO audit_log (tenant_id, at, actor_id, action, target, details_json) VALUES ($1, $2, $3, $4, $5, $6)`;

/**
 * A filtered read, newest first: only the filters set are written (so each shape is planned for its own index),
 * and a batch of the export starts after the last entry of the one before.
 */
function readSql(tenantId: string, filter: AuditFilter, before: Position | null, limit: number) {
  const params: unknown[] = [tenantId, limit];
  const bind = (value: unknown) => `$${params.push(value)}`;
  const parts = ['tenant_id = $1'];
  if (filter.action !== undefined) parts.push(`action = ${bind(filter.action)}`);
  if (filter.actorId !== undefined) parts.push(`actor_id = ${bind(filter.actorId)}`);
  if (filter.since) parts.push(`at >= ${bind(filter.since)}`);
  if (filter.until) parts.push(`at <= ${bind(filter.until)}`);
  if (before) parts.push(`(at, seq) < (${bind(before.at)}, ${bind(before.seq)})`);
  const sql = `
    SELECT seq, tenant_id, at, actor_id, action, target, details_json FROM audit_log
    WHERE ${parts.join(' AND ')} ORDER BY at DESC, seq DESC LIMIT $2`;
  return { sql, params };
}

/** Admin-visible record of who changed what; append-only, newest first when listed. */
export function createPostgresAuditLog(db: PgDatabase): AuditLog {
  const read = (tenantId: string, filter: AuditFilter, before: Position | null, limit: number) => {
    const { sql, params } = readSql(tenantId, filter, before, limit);
    return db.query<{ seq: number; at: Date }>(sql, params);
  };

  return {
    async append(entry) {
      await db.execute(INSERT, [
        entry.tenantId,
        entry.at,
        entry.actorId,
        entry.action,
        entry.target,
        JSON.stringify(entry.details),
      ]);
    },
    async list(tenantId, limit, filter = {}) {
      assertLimit(limit, 'audit_log');
      return (await read(tenantId, filter, null, limit)).map((row) => toEntry(row, tenantId));
    },
    async *each(tenantId, filter) {
      let before: Position | null = null;
      for (;;) {
        const rows = await read(tenantId, filter, before, EXPORT_BATCH);
        for (const row of rows) yield toEntry(row, tenantId);
        const last = rows.at(-1);
        if (!last || rows.length < EXPORT_BATCH) return;
        before = { at: last.at, seq: last.seq };
      }
    },
  };
}

function toEntry(row: { seq: number }, tenantId: string): AuditEntry {
  return auditEntryFromRow(parseRow(auditRow, row, { table: 'audit_log', key: { tenantId, seq: row.seq } }));
}
