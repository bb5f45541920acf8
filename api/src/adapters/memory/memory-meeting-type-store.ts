import type { MeetingTypeStore } from '../../ports/tenant-store.ts';
import { seedMeetingTypes } from '../sqlite/default-meeting-types.ts';
import { storeError } from '../sqlite/store-errors.ts';
import { compareText, copy, type MemoryState } from './memory-state.ts';

/** The in-memory MeetingTypeStore: a tenant's defaults are seeded on its first read, once. */
export function createMemoryMeetingTypeStore(state: MemoryState): MeetingTypeStore {
  const typesOf = (tenantId: string) => {
    let types = state.meetingTypes.get(tenantId);
    if (!types) {
      types = seedMeetingTypes(tenantId);
      state.meetingTypes.set(tenantId, types);
    }
    return types;
  };

  return {
    async list(tenantId) {
      return typesOf(tenantId)
        .toSorted((a, b) => a.sortOrder - b.sortOrder || compareText(a.name, b.name) || compareText(a.id, b.id))
        .map(copy);
    },
    async get(tenantId, typeId) {
      const type = typesOf(tenantId).find((t) => t.id === typeId);
      return type ? copy(type) : undefined;
    },
    async setCadence(tenantId, typeId, cadenceDays) {
      if (cadenceDays !== null && (!Number.isInteger(cadenceDays) || cadenceDays <= 0)) {
        throw storeError(
          { reason: 'constraint', table: 'meeting_types', key: { tenantId, typeId } },
          `A rhythm must be a positive whole number of days, got ${cadenceDays}`,
        );
      }
      const type = typesOf(tenantId).find((t) => t.id === typeId);
      if (!type) return false;
      type.cadenceDays = cadenceDays;
      return true;
    },
  };
}
