import { type CadenceStore, type PairRecord, pairKey } from '../../ports/cadence-store.ts';
import { pairFromRow, pairRowSchema } from '../store-rows/pair-rows.ts';
import type { SqliteDatabase } from './database.ts';
import { parseRow, sqliteColumns, toIso, translateConstraint } from './row-codec.ts';
import { assertLimit } from './store-errors.ts';

const pairRow = pairRowSchema(sqliteColumns);

const COLUMNS = `tenant_id, person_a, person_b, organized_by_a, organized_by_b, last_held_meeting_id, last_held_start,
  last_held_end, last_type_id, rhythm_days, last_nudge_at, updated_at`;

/** Pairs of people who meet, one row per pair; a held occurrence counts once however often it is recorded. */
export function createSqliteCadenceStore(db: SqliteDatabase): CadenceStore {
  const sql = {
    markHeld: db.prepare(`
      INSERT INTO meeting_pairs_held (tenant_id, meeting_id, occurrence_start, person_a, person_b, recorded_at)
      VALUES (@tenantId, @meetingId, @start, @personA, @personB, @at)
      ON CONFLICT DO NOTHING`),
    // The organizer's count goes up; the last held meeting (and its type) moves on only to one that ended later.
    upsertPair: db.prepare(`
      INSERT INTO meeting_pairs (${COLUMNS})
      VALUES (@tenantId, @personA, @personB, @byA, @byB, @meetingId, @start, @end, @typeId, NULL, NULL, @at)
      ON CONFLICT (tenant_id, person_a, person_b) DO UPDATE SET
        organized_by_a = organized_by_a + excluded.organized_by_a,
        organized_by_b = organized_by_b + excluded.organized_by_b,
        last_held_meeting_id = CASE WHEN excluded.last_held_end > last_held_end
          THEN excluded.last_held_meeting_id ELSE last_held_meeting_id END,
        last_held_start = CASE WHEN excluded.last_held_end > last_held_end
          THEN excluded.last_held_start ELSE last_held_start END,
        last_type_id = CASE WHEN excluded.last_held_end > last_held_end
          THEN excluded.last_type_id ELSE last_type_id END,
        last_held_end = MAX(last_held_end, excluded.last_held_end),
        updated_at = excluded.updated_at`),
    selectOne: db.prepare(`SELECT ${COLUMNS} FROM meeting_pairs WHERE tenant_id = ? AND person_a = ? AND person_b = ?`),
    selectForPerson: db.prepare(`
      SELECT ${COLUMNS} FROM meeting_pairs WHERE tenant_id = @tenantId AND person_a = @userId
      UNION ALL
      SELECT ${COLUMNS} FROM meeting_pairs WHERE tenant_id = @tenantId AND person_b = @userId
      ORDER BY person_a, person_b`),
    selectFirstPage: db.prepare(`
      SELECT ${COLUMNS} FROM meeting_pairs WHERE tenant_id = +? ORDER BY person_a, person_b LIMIT +?`),
    selectPageAfter: db.prepare(`
      SELECT ${COLUMNS} FROM meeting_pairs
      WHERE tenant_id = +@tenantId AND (person_a, person_b) > (@personA, @personB)
      ORDER BY person_a, person_b LIMIT +@limit`),
    setRhythm: db.prepare(`
      UPDATE meeting_pairs SET rhythm_days = @rhythmDays, updated_at = @at
      WHERE tenant_id = @tenantId AND person_a = @personA AND person_b = @personB`),
    markNudged: db.prepare(`
      UPDATE meeting_pairs SET last_nudge_at = @at, updated_at = @at
      WHERE tenant_id = @tenantId AND person_a = @personA AND person_b = @personB AND last_nudge_at IS @expected`),
  };

  const recordHeld = db.transaction((params: Record<string, unknown>) => {
    if (sql.markHeld.run(params).changes === 0) return;
    sql.upsertPair.run(params);
  });

  return {
    async recordHeld(held) {
      const key = pairKey(held.organizerId, held.partnerId);
      try {
        recordHeld({
          tenantId: held.tenantId,
          ...key,
          byA: held.organizerId === key.personA ? 1 : 0,
          byB: held.organizerId === key.personB ? 1 : 0,
          meetingId: held.meetingId,
          start: toIso(held.start),
          end: toIso(held.end),
          typeId: held.typeId,
          at: toIso(held.at),
        });
      } catch (error) {
        translateConstraint(error, 'meeting_pairs', { tenantId: held.tenantId, ...key, meetingId: held.meetingId });
      }
    },
    async get(tenantId, personOne, personTwo) {
      const { personA, personB } = pairKey(personOne, personTwo);
      const row = sql.selectOne.get(tenantId, personA, personB);
      return row === undefined ? undefined : toPair(row);
    },
    async listForPerson(tenantId, userId) {
      return sql.selectForPerson.all({ tenantId, userId }).map(toPair);
    },
    async listPage(tenantId, after, limit) {
      assertLimit(limit, 'meeting_pairs');
      const rows = after
        ? sql.selectPageAfter.all({ tenantId, personA: after.personA, personB: after.personB, limit })
        : sql.selectFirstPage.all(tenantId, limit);
      return rows.map(toPair);
    },
    async setRhythm(tenantId, personOne, personTwo, rhythmDays, at) {
      const key = pairKey(personOne, personTwo);
      try {
        return sql.setRhythm.run({ tenantId, ...key, rhythmDays, at: toIso(at) }).changes === 1;
      } catch (error) {
        translateConstraint(error, 'meeting_pairs', { tenantId, ...key });
      }
    },
    async markNudged(tenantId, personOne, personTwo, at, expectedLastNudgeAt) {
      const key = pairKey(personOne, personTwo);
      const params = { tenantId, ...key, at: toIso(at), expected: toIso(expectedLastNudgeAt) };
      return sql.markNudged.run(params).changes === 1;
    },
  };
}

function toPair(row: unknown): PairRecord {
  const { tenant_id: tenantId, person_a: personA, person_b: personB } = row as Record<string, unknown>;
  return pairFromRow(parseRow(pairRow, row, { table: 'meeting_pairs', key: { tenantId, personA, personB } }));
}
