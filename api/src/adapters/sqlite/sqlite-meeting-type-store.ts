import type { MeetingType, MeetingTypeStore } from '../../ports/tenant-store.ts';
import { meetingTypeFromRow, meetingTypeRowSchema } from '../store-rows/meeting-type-rows.ts';
import type { SqliteDatabase } from './database.ts';
import { seedMeetingTypes } from './default-meeting-types.ts';
import { parseRow, sqliteColumns, translateConstraint } from './row-codec.ts';

const typeRow = meetingTypeRowSchema(sqliteColumns);

/** Meeting types per tenant; the defaults are seeded the first time a tenant's types are read, and only then. */
export function createSqliteMeetingTypeStore(db: SqliteDatabase): MeetingTypeStore {
  const isSeeded = db.prepare('SELECT 1 FROM meeting_type_seeds WHERE tenant_id = ?').pluck();
  const markSeeded = db.prepare('INSERT INTO meeting_type_seeds (tenant_id) VALUES (?) ON CONFLICT DO NOTHING');
  const insertType = db.prepare(`
    INSERT INTO meeting_types (tenant_id, id, name, duration_minutes, agenda_prompts_json, default_reminders_json,
      sort_order, cadence_days)
    VALUES (@tenantId, @id, @name, @durationMinutes, @agendaPrompts, @defaultReminders, @sortOrder, @cadenceDays)
    ON CONFLICT DO NOTHING`);
  const selectAll = db.prepare('SELECT * FROM meeting_types WHERE tenant_id = ? ORDER BY sort_order, name, id');
  const selectOne = db.prepare('SELECT * FROM meeting_types WHERE tenant_id = ? AND id = ?');
  const updateCadence = db.prepare('UPDATE meeting_types SET cadence_days = ? WHERE tenant_id = ? AND id = ?');

  // The seed marker and the types commit together, so two processes reading at once seed exactly once.
  const ensureSeeded = db.transaction((tenantId: string) => {
    if (markSeeded.run(tenantId).changes === 0) return;
    for (const type of seedMeetingTypes(tenantId)) {
      insertType.run({
        ...type,
        agendaPrompts: JSON.stringify(type.agendaPrompts),
        defaultReminders: JSON.stringify(type.defaultReminders),
      });
    }
  });

  // Reads stay reads once a tenant is seeded: only the first visit takes the write lock.
  const seedOnce = (tenantId: string) => {
    if (isSeeded.get(tenantId) === undefined) ensureSeeded.immediate(tenantId);
  };

  return {
    async list(tenantId) {
      seedOnce(tenantId);
      return selectAll.all(tenantId).map((row) => toMeetingType(row, tenantId));
    },
    async get(tenantId, typeId) {
      seedOnce(tenantId);
      const row = selectOne.get(tenantId, typeId);
      return row ? toMeetingType(row, tenantId) : undefined;
    },
    async setCadence(tenantId, typeId, cadenceDays) {
      seedOnce(tenantId);
      try {
        return updateCadence.run(cadenceDays, tenantId, typeId).changes === 1;
      } catch (error) {
        translateConstraint(error, 'meeting_types', { tenantId, typeId });
      }
    },
  };
}

function toMeetingType(row: unknown, tenantId: string): MeetingType {
  const typeId = (row as { id?: unknown }).id;
  return meetingTypeFromRow(parseRow(typeRow, row, { table: 'meeting_types', key: { tenantId, typeId } }));
}
