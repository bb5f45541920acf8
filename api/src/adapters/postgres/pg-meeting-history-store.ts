import type { MeetingHistoryEntry, MeetingHistoryStore } from '../../ports/meeting-store.ts';
import { parseRow } from '../sqlite/row-codec.ts';
import { historyEntryFromRow, historyRowSchema } from '../store-rows/audit-rows.ts';
import type { PgDatabase } from './pg-database.ts';
import { pgColumns } from './pg-row-codec.ts';

const historyRow = historyRowSchema(pgColumns);

const INSERT = `
  INSERT INTO meeting_history (tenant_id, meeting_id, at, actor_id, kind, summary, details_json)
  VALUES ($1, $2, $3, $4, $5, $6, $7)`;
const SELECT = `
  SELECT seq, meeting_id, at, actor_id, kind, summary, details_json FROM meeting_history
  WHERE tenant_id = $1 AND meeting_id = $2 ORDER BY at, seq`;

/** What happened to a meeting, oldest first; entries are only ever appended. */
export function createPostgresMeetingHistoryStore(db: PgDatabase): MeetingHistoryStore {
  return {
    async append(tenantId, entry) {
      await db.execute(INSERT, [
        tenantId,
        entry.meetingId,
        entry.at,
        entry.actorId,
        entry.kind,
        entry.summary,
        JSON.stringify(entry.details),
      ]);
    },
    async list(tenantId, meetingId) {
      const rows = await db.query<{ seq: number }>(SELECT, [tenantId, meetingId]);
      return rows.map((row): MeetingHistoryEntry => {
        const h = parseRow(historyRow, row, { table: 'meeting_history', key: { tenantId, seq: row.seq } });
        return historyEntryFromRow(h);
      });
    },
  };
}
