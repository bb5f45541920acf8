import type { MeetingTypeStore } from '../../ports/tenant-store.ts';
import { seedMeetingTypes } from '../sqlite/default-meeting-types.ts';
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
  };
}
