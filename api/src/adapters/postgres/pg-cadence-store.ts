import { type CadenceStore, type PairRecord, pairKey } from '../../ports/cadence-store.ts';
import { parseRow } from '../sqlite/row-codec.ts';
import { assertLimit } from '../sqlite/store-errors.ts';
import { pairFromRow, pairRowSchema } from '../store-rows/pair-rows.ts';
import type { PgDatabase } from './pg-database.ts';
import { pgColumns } from './pg-row-codec.ts';

const pairRow = pairRowSchema(pgColumns);

const COLUMNS = `tenant_id, person_a, person_b, organized_by_a, organized_by_b, last_held_meeting_id, last_held_start,
  last_held_end, last_type_id, rhythm_days, last_nudge_at, updated_at`;

/*
 * person_a and person_b are COLLATE "C" columns (byte order, as SQLite and the port's pairKey compare them), so the
 * primary key serves the pages in the order the scan walks them.
 */
const sql = {
  // One statement: the occurrence is marked counted for the pair, and only when that mark is new is the pair
  // written. Two replicas recording the same occurrence at once queue on the mark's key; the second finds it and
  // counts nothing. Two different occurrences of one pair at once queue on the pair's key and both count.
  // $1 tenant, $2 person A, $3 person B, $4 organized by A (0/1), $5 by B, $6 meeting, $7 start, $8 end, $9 type,
  // $10 when.
  recordHeld: `
    WITH marked AS (
      INSERT INTO meeting_pairs_held (tenant_id, meeting_id, occurrence_start, person_a, person_b, recorded_at)
      VALUES ($1, $6, $7, $2, $3, $10)
      ON CONFLICT DO NOTHING
      RETURNING tenant_id)
    INSERT INTO meeting_pairs AS p (${COLUMNS})
    SELECT $1, $2, $3, $4::integer, $5::integer, $6, $7, $8, $9, NULL, NULL, $10 FROM marked
    ON CONFLICT (tenant_id, person_a, person_b) DO UPDATE SET
      organized_by_a = p.organized_by_a + excluded.organized_by_a,
      organized_by_b = p.organized_by_b + excluded.organized_by_b,
      last_held_meeting_id = CASE WHEN excluded.last_held_end > p.last_held_end
        THEN excluded.last_held_meeting_id ELSE p.last_held_meeting_id END,
      last_held_start = CASE WHEN excluded.last_held_end > p.last_held_end
        THEN excluded.last_held_start ELSE p.last_held_start END,
      last_type_id = CASE WHEN excluded.last_held_end > p.last_held_end
        THEN excluded.last_type_id ELSE p.last_type_id END,
      last_held_end = GREATEST(p.last_held_end, excluded.last_held_end),
      updated_at = excluded.updated_at`,
  selectOne: `SELECT ${COLUMNS} FROM meeting_pairs WHERE tenant_id = $1 AND person_a = $2 AND person_b = $3`,
  selectForPerson: `
    SELECT ${COLUMNS} FROM meeting_pairs WHERE tenant_id = $1 AND person_a = $2
    UNION ALL
    SELECT ${COLUMNS} FROM meeting_pairs WHERE tenant_id = $1 AND person_b = $2
    ORDER BY person_a, person_b`,
  selectFirstPage: `SELECT ${COLUMNS} FROM meeting_pairs WHERE tenant_id = $1 ORDER BY person_a, person_b LIMIT $2`,
  selectPageAfter: `
    SELECT ${COLUMNS} FROM meeting_pairs WHERE tenant_id = $1 AND (person_a, person_b) > ($2, $3)
    ORDER BY person_a, person_b LIMIT $4`,
  setRhythm: `
    UPDATE meeting_pairs SET rhythm_days = $4, updated_at = $5
    WHERE tenant_id = $1 AND person_a = $2 AND person_b = $3`,
  // Compare and set in one statement: of two scans nudging on the same last nudge, one matches.
  markNudged: `
    UPDATE meeting_pairs SET last_nudge_at = $4, updated_at = $4
    WHERE tenant_id = $1 AND person_a = $2 AND person_b = $3 AND last_nudge_at IS NOT DISTINCT FROM $5::timestamptz`,
};

/** Pairs of people who meet, one row per pair; a held occurrence counts once however often it is recorded. */
export function createPostgresCadenceStore(db: PgDatabase): CadenceStore {
  return {
    async recordHeld(held) {
      const { personA, personB } = pairKey(held.organizerId, held.partnerId);
      await db.execute(sql.recordHeld, [
        held.tenantId,
        personA,
        personB,
        held.organizerId === personA ? 1 : 0,
        held.organizerId === personB ? 1 : 0,
        held.meetingId,
        held.start,
        held.end,
        held.typeId,
        held.at,
      ]);
    },
    async get(tenantId, personOne, personTwo) {
      const { personA, personB } = pairKey(personOne, personTwo);
      const [row] = await db.query(sql.selectOne, [tenantId, personA, personB]);
      return row ? toPair(row) : undefined;
    },
    async listForPerson(tenantId, userId) {
      return (await db.query(sql.selectForPerson, [tenantId, userId])).map(toPair);
    },
    async listPage(tenantId, after, limit) {
      assertLimit(limit, 'meeting_pairs');
      const rows = after
        ? await db.query(sql.selectPageAfter, [tenantId, after.personA, after.personB, limit])
        : await db.query(sql.selectFirstPage, [tenantId, limit]);
      return rows.map(toPair);
    },
    async setRhythm(tenantId, personOne, personTwo, rhythmDays, at) {
      const { personA, personB } = pairKey(personOne, personTwo);
      return (await db.execute(sql.setRhythm, [tenantId, personA, personB, rhythmDays, at])) === 1;
    },
    async markNudged(tenantId, personOne, personTwo, at, expectedLastNudgeAt) {
      const { personA, personB } = pairKey(personOne, personTwo);
      return (await db.execute(sql.markNudged, [tenantId, personA, personB, at, expectedLastNudgeAt])) === 1;
    },
  };
}

function toPair(row: unknown): PairRecord {
  const { tenant_id: tenantId, person_a: personA, person_b: personB } = row as Record<string, unknown>;
  return pairFromRow(parseRow(pairRow, row, { table: 'meeting_pairs', key: { tenantId, personA, personB } }));
}
