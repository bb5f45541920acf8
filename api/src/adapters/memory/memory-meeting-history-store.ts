import type { MeetingHistoryStore } from '../../ports/meeting-store.ts';
import { storeError } from '../sqlite/store-errors.ts';
import { copy, keyOf, type MemoryState } from './memory-state.ts';

/** The in-memory MeetingHistoryStore: append-only, oldest first, only for meetings of the same tenant. */
export function createMemoryMeetingHistoryStore(state: MemoryState): MeetingHistoryStore {
  return {
    async append(tenantId, entry) {
      if (!state.meetings.has(keyOf(tenantId, entry.meetingId))) {
        throw storeError(
          { reason: 'missing_parent', table: 'meeting_history', key: { tenantId, meetingId: entry.meetingId } },
          `Meeting ${entry.meetingId} does not exist in this tenant`,
        );
      }
      state.history.push({ tenantId, seq: state.nextSeq++, entry: copy(entry) });
    },
    async list(tenantId, meetingId) {
      return state.history
        .filter((row) => row.tenantId === tenantId && row.entry.meetingId === meetingId)
        .sort((a, b) => a.entry.at.getTime() - b.entry.at.getTime() || a.seq - b.seq)
        .map((row) => copy(row.entry));
    },
  };
}
