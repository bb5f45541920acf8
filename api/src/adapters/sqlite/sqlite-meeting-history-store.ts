import type { MeetingHistoryEntry, MeetingHistoryStore } from '../../ports/meeting-store.ts';
import { historyEntryFromRow, historyRowSchema } from '../store-rows/audit-rows.ts';
import type { SqliteDatabase } from './database.ts';
import { parseRow, sqliteColumns, toIso, translateConstraint } from './row-codec.ts';

const historyRow = historyRowSchema(sqliteColumns);

/** What happened to a meeting, oldest first; entries are only ever appended. */
export function createSqliteMeetingHistoryStore(db: SqliteDatabase): MeetingHistoryStore {
  const insert = db.prepare(`
    INSERT INTO meeting_history (tenant_id, meeting_id, at, actor_id, kind, summary, details_json)
    VALUES (@tenantId, @meetingId, @at, @actorId, @kind, @summary, @details)`);
  const select = db.prepare(`
    SELECT seq, meeting_id, at, actor_id, kind, summary, details_json FROM meeting_history
    WHERE tenant_id = ? AND meeting_id = ? ORDER BY at, seq`);

  return {
    async append(tenantId, entry) {
      try {
        insert.run({
          tenantId,
          meetingId: entry.meetingId,
          at: toIso(entry.at),
          actorId: entry.actorId,
          kind: entry.kind,
          summary: entry.summary,
          details: JSON.stringify(entry.details),
        });
      } catch (error) {
        translateConstraint(error, 'meeting_history', { tenantId, meetingId: entry.meetingId });
      }
    },
    async list(tenantId, meetingId) {
      return select.all(tenantId, meetingId).map((row): MeetingHistoryEntry => {
        const seq = (row as { seq: number }).seq;
        const h = parseRow(historyRow, row, { table: 'meeting_history', key: { tenantId, seq } });
        return historyEntryFromRow(h);
      });
    },
  };
}
