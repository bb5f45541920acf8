import { z } from 'zod';
import type { MeetingType } from '../../ports/tenant-store.ts';
import type { ColumnCodec } from './column-codec.ts';

export function meetingTypeRowSchema(c: ColumnCodec) {
  return z.object({
    tenant_id: z.string(),
    id: z.string(),
    name: z.string(),
    duration_minutes: z.number().int().positive(),
    agenda_prompts_json: c.json(z.array(z.string())),
    default_reminders_json: c.json(z.array(z.number().int().nonnegative())),
    sort_order: z.number().int(),
    cadence_days: z.number().int().positive().nullable(),
  });
}

export function meetingTypeFromRow(t: z.output<ReturnType<typeof meetingTypeRowSchema>>): MeetingType {
  return {
    id: t.id,
    tenantId: t.tenant_id,
    name: t.name,
    durationMinutes: t.duration_minutes,
    agendaPrompts: t.agenda_prompts_json,
    defaultReminders: t.default_reminders_json,
    sortOrder: t.sort_order,
    cadenceDays: t.cadence_days,
  };
}
