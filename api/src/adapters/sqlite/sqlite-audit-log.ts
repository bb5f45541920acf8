import type { AuditEntry, AuditFilter, AuditLog } from '../../ports/tenant-store.ts';
import { auditEntryFromRow, auditRowSchema } from '../store-rows/audit-rows.ts';
import type { SqliteDatabase } from './database.ts';
import { parseRow, sqliteColumns, toIso } from './row-codec.ts';
import { assertLimit } from './store-errors.ts';

const auditRow = auditRowSchema(sqliteColumns);

/** How many entries the export reads per statement. */
const EXPORT_BATCH = 500;

interface Position {
  at: string;
  seq: number;
}

/** The WHERE of a filtered read; `at` is stored as fixed-width ISO text, so text order is time order. */
function whereOf(filter: AuditFilter, before: Position | null): string {
  const parts = ['tenant_id = @tenantId'];
  if (filter.action !== undefined) parts.push('action = @action');
  if (filter.actorId !== undefined) parts.push('actor_id = @actorId');
  if (filter.since) parts.push('at >= @since');
  if (filter.until) parts.push('at <= @until');
  if (before) parts.push('(at, seq) < (@beforeAt, @beforeSeq)');
  return parts.join(' AND ');
}

function paramsOf(tenantId: string, filter: AuditFilter, before: Position | null, limit: number) {
  return {
    tenantId,
    limit,
    ...(filter.action !== undefined ? { action: filter.action } : {}),
    ...(filter.actorId !== undefined ? { actorId: filter.actorId } : {}),
    ...(filter.since ? { since: toIso(filter.since) } : {}),
    ...(filter.until ? { until: toIso(filter.until) } : {}),
    ...(before ? { beforeAt: before.at, beforeSeq: before.seq } : {}),
  };
}

/** Every combination of set filters (and of a batch position), to prepare a statement for each. */
function allFilterShapes(): [AuditFilter, Position | null][] {
  const shapes: [AuditFilter, Position | null][] = [];
  const at = new Date(0);
  for (let bits = 0; bits < 32; bits += 1) {
    shapes.push([
      {
        ...(bits & 1 ? { action: '' } : {}),
        ...(bits & 2 ? { actorId: '' } : {}),
        ...(bits & 4 ? { since: at } : {}),
        ...(bits & 8 ? { until: at } : {}),
      },
      bits & 16 ? { at: '', seq: 0 } : null,
    ]);
  }
  return shapes;
}

/** Admin-visible record of who changed what; append-only, newest first when listed. */
export function createSqliteAuditLog(db: SqliteDatabase): AuditLog {
  const insert = db.prepare(`
    INSERT INTO audit_log (tenant_id, at, actor_id, action, target, details_json)
    VALUES (@tenantId, @at, @actorId, @action, @target, @details)`);
  const sqlOf = (filter: AuditFilter, before: Position | null) =>
    `SELECT seq, tenant_id, at, actor_id, action, target, details_json FROM audit_log
      WHERE ${whereOf(filter, before)} ORDER BY at DESC, seq DESC LIMIT @limit`;
  // One statement per combination of filters, each able to use its index, all prepared here once.
  const statements = new Map(allFilterShapes().map(([f, b]) => [sqlOf(f, b), db.prepare(sqlOf(f, b))]));
  const read = (tenantId: string, filter: AuditFilter, before: Position | null, limit: number) => {
    const statement = statements.get(sqlOf(filter, before));
    if (!statement) throw new Error('every filter shape is prepared');
    return statement.all(paramsOf(tenantId, filter, before, limit)) as { seq: number; at: string }[];
  };

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
    async list(tenantId, limit, filter = {}) {
      assertLimit(limit, 'audit_log');
      return read(tenantId, filter, null, limit).map((row) => toEntry(row, tenantId));
    },
    async *each(tenantId, filter) {
      let before: Position | null = null;
      for (;;) {
        const rows = read(tenantId, filter, before, EXPORT_BATCH);
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
