import type { MeetingType, MeetingTypeStore } from '../../ports/tenant-store.ts';
import { seedMeetingTypes } from '../sqlite/default-meeting-types.ts';
import { parseRow } from '../sqlite/row-codec.ts';
import { meetingTypeFromRow, meetingTypeRowSchema } from '../store-rows/meeting-type-rows.ts';
import type { PgDatabase } from './pg-database.ts';
import { pgColumns } from './pg-row-codec.ts';

const typeRow = meetingTypeRowSchema(pgColumns);

const COLUMNS =
  'tenant_id, id, name, duration_minutes, agenda_prompts_json, default_reminders_json, sort_order, cadence_days';

const IS_SEEDED = 'SELECT 1 FROM meeting_type_seeds WHERE tenant_id = $1';
// The seed marker and the types are one statement, so they commit together. Two processes seeding at once queue
// on the marker's key: the second finds it there once the first commits, and inserts nothing.
const SEED = `
  WITH marked AS (
    INSERT INTO meeting_type_seeds (tenant_id) VALUES ($1) ON CONFLICT DO NOTHING RETURNING tenant_id)
  INSERT INTO meeting_types (${COLUMNS})
  SELECT marked.tenant_id, seed.id, seed.name, seed.duration_minutes, seed.agenda_prompts::jsonb,
    seed.default_reminders::jsonb, seed.sort_order, seed.cadence_days
  FROM marked CROSS JOIN unnest($2::text[], $3::text[], $4::integer[], $5::text[], $6::text[], $7::integer[],
    $8::integer[]) AS seed (id, name, duration_minutes, agenda_prompts, default_reminders, sort_order, cadence_days)
  ON CONFLICT DO NOTHING`;
// Byte order for names and ids, as SQLite sorts text.
const SELECT_ALL = `
  SELECT ${COLUMNS} FROM meeting_types WHERE tenant_id = $1
  ORDER BY sort_order, name COLLATE "C", id COLLATE "C"`;
const SELECT_ONE = `SELECT ${COLUMNS} FROM meeting_types WHERE tenant_id = $1 AND id = $2`;
const UPDATE_CADENCE = 'UPDATE meeting_types SET cadence_days = $3 WHERE tenant_id = $1 AND id = $2';

/** Meeting types per tenant; the defaults are seeded the first time a tenant's types are read, and only then. */
export function createPostgresMeetingTypeStore(db: PgDatabase): MeetingTypeStore {
  // Reads stay reads once a tenant is seeded: only the first visit writes.
  const seedOnce = async (tenantId: string) => {
    if ((await db.query(IS_SEEDED, [tenantId])).length > 0) return;
    const types = seedMeetingTypes(tenantId);
    await db.execute(SEED, [
      tenantId,
      types.map((t) => t.id),
      types.map((t) => t.name),
      types.map((t) => t.durationMinutes),
      types.map((t) => JSON.stringify(t.agendaPrompts)),
      types.map((t) => JSON.stringify(t.defaultReminders)),
      types.map((t) => t.sortOrder),
      types.map((t) => t.cadenceDays),
    ]);
  };

  return {
    async list(tenantId) {
      await seedOnce(tenantId);
      return (await db.query(SELECT_ALL, [tenantId])).map((row) => toMeetingType(row, tenantId));
    },
    async get(tenantId, typeId) {
      await seedOnce(tenantId);
      const [row] = await db.query(SELECT_ONE, [tenantId, typeId]);
      return row ? toMeetingType(row, tenantId) : undefined;
    },
    async setCadence(tenantId, typeId, cadenceDays) {
      await seedOnce(tenantId);
      return (await db.execute(UPDATE_CADENCE, [tenantId, typeId, cadenceDays])) === 1;
    },
  };
}

function toMeetingType(row: unknown, tenantId: string): MeetingType {
  const typeId = (row as { id?: unknown }).id;
  return meetingTypeFromRow(parseRow(typeRow, row, { table: 'meeting_types', key: { tenantId, typeId } }));
}
