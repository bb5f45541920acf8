import type { MeetingType } from '../../ports/tenant-store.ts';

/** A meeting type as the API answers it (`meetingTypeSchema`): no tenant, no sort order. */
export function meetingTypeDto({
  id,
  name,
  durationMinutes,
  agendaPrompts,
  defaultReminders,
  cadenceDays,
}: MeetingType) {
  return { id, name, durationMinutes, agendaPrompts, defaultReminders, cadenceDays };
}
