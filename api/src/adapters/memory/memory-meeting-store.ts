import type { Meeting } from '../../domain/scheduling/meeting.ts';
import type { MeetingStore } from '../../ports/meeting-store.ts';
import { listOccurrenceTimes, overlaps, sortIntervals, spanOf } from '../sqlite/meeting-span.ts';
import { assertLimit, storeError } from '../sqlite/store-errors.ts';
import { checkMeetingRow } from './memory-meeting-checks.ts';
import { compareText, copy, keyOf, type MemoryState } from './memory-state.ts';

/** The in-memory MeetingStore: the same answers and refusals as the SQLite one, for fast use-case tests. */
export function createMemoryMeetingStore(state: MemoryState): MeetingStore {
  const overridesOf = (tenantId: string, meetingId: string) => state.occurrences.get(keyOf(tenantId, meetingId)) ?? [];
  const isParticipant = (meeting: Meeting, userId: string, withDeclined: boolean) =>
    meeting.organizerId === userId ||
    meeting.attendees.some((a) => a.userId === userId && (withDeclined || a.response !== 'declined'));

  return {
    async insert(meeting) {
      checkMeetingRow(meeting, state.meetings.values(), false);
      spanOf(meeting, []);
      state.meetings.set(keyOf(meeting.tenantId, meeting.id), copy(meeting));
    },
    async get(tenantId, meetingId) {
      const meeting = state.meetings.get(keyOf(tenantId, meetingId));
      return meeting ? copy(meeting) : undefined;
    },
    async update(meeting, expectedVersion) {
      const key = keyOf(meeting.tenantId, meeting.id);
      const stored = state.meetings.get(key);
      spanOf(meeting, overridesOf(meeting.tenantId, meeting.id));
      if (!stored || stored.version !== expectedVersion) return false;
      checkMeetingRow(meeting, [], true);
      const { transactionId, createdAt } = stored;
      state.meetings.set(key, { ...copy(meeting), transactionId, createdAt, version: expectedVersion + 1 });
      return true;
    },
    async listForUser(tenantId, userId, options) {
      assertLimit(options.limit, 'meetings');
      const { from, to, statuses } = options;
      const found = [...state.meetings.values()].filter((meeting) => {
        if (meeting.tenantId !== tenantId || !isParticipant(meeting, userId, true)) return false;
        if (statuses && !statuses.includes(meeting.status)) return false;
        const span = spanOf(meeting, overridesOf(tenantId, meeting.id));
        return (!from || span.end > from) && (!to || span.start < to);
      });
      const direction = options.order === 'asc' ? 1 : -1;
      found.sort((a, b) => direction * (a.start.getTime() - b.start.getTime() || compareText(a.id, b.id)));
      return found.slice(0, options.limit).map(copy);
    },
    async listActiveOrganizers(after) {
      const found = new Map<string, { tenantId: string; userId: string }>();
      for (const m of state.meetings.values()) {
        if (m.status !== 'scheduled') continue;
        if (spanOf(m, overridesOf(m.tenantId, m.id)).end <= after) continue;
        found.set(`${m.tenantId}\u0000${m.organizerId}`, { tenantId: m.tenantId, userId: m.organizerId });
      }
      return [...found.values()].sort((a, b) => compareText(a.tenantId, b.tenantId) || compareText(a.userId, b.userId));
    },
    async listFailedSince(since) {
      return [...state.meetings.values()]
        .filter((m) => m.status === 'failed' && m.createdAt >= since)
        .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || compareText(a.id, b.id))
        .map(copy);
    },
    async listCreating(olderThan) {
      return [...state.meetings.values()]
        .filter((m) => m.status === 'creating' && m.createdAt < olderThan)
        .sort(
          (a, b) =>
            a.createdAt.getTime() - b.createdAt.getTime() ||
            compareText(a.tenantId, b.tenantId) ||
            compareText(a.id, b.id),
        )
        .map(copy);
    },
    async listEndingBetween(from, to, options) {
      assertLimit(options.limit, 'meetings');
      const { after } = options;
      return [...state.meetings.values()]
        .filter((m) => {
          if (m.status !== 'scheduled') return false;
          if (after && (compareText(m.tenantId, after.tenantId) || compareText(m.id, after.meetingId)) <= 0)
            return false;
          if (!m.recurrence) return m.end >= from && m.end < to;
          const span = spanOf(m, overridesOf(m.tenantId, m.id));
          return span.end >= from && span.start < to;
        })
        .sort((a, b) => compareText(a.tenantId, b.tenantId) || compareText(a.id, b.id))
        .slice(0, options.limit)
        .map(copy);
    },
    async findByGraphEventId(tenantId, graphEventId) {
      const inTenant = [...state.meetings.values()]
        .filter((m) => m.tenantId === tenantId)
        .sort((a, b) => compareText(a.id, b.id));
      const direct = inTenant.find((m) => m.graphEventId === graphEventId);
      const viaOccurrence = inTenant.find((m) =>
        overridesOf(tenantId, m.id).some((o) => o.graphEventId === graphEventId),
      );
      const meeting = direct ?? viaOccurrence;
      return meeting ? copy(meeting) : undefined;
    },
    async countMeetingsByUserAndDay(tenantId, userIds, window) {
      const intervals = [...state.meetings.values()]
        .filter((m) => m.tenantId === tenantId && m.status === 'scheduled')
        .flatMap((meeting) => {
          const times = listOccurrenceTimes(meeting, overridesOf(tenantId, meeting.id)).filter((t) =>
            overlaps(t, window),
          );
          return [...new Set(userIds)]
            .filter((userId) => isParticipant(meeting, userId, false))
            .flatMap((userId) => times.map((t) => ({ userId, start: new Date(t.start), end: new Date(t.end) })));
        });
      return sortIntervals(intervals);
    },
    async upsertOccurrence(tenantId, override) {
      if (!state.meetings.has(keyOf(tenantId, override.meetingId))) {
        throw storeError(
          { reason: 'missing_parent', table: 'meeting_occurrences', key: { tenantId, meetingId: override.meetingId } },
          `Meeting ${override.meetingId} does not exist in this tenant`,
        );
      }
      if (override.end <= override.start) {
        throw storeError(
          { reason: 'constraint', table: 'meeting_occurrences', key: { tenantId, meetingId: override.meetingId } },
          'An occurrence must end after it starts',
        );
      }
      const others = overridesOf(tenantId, override.meetingId).filter(
        (o) => o.originalStart.getTime() !== override.originalStart.getTime(),
      );
      state.occurrences.set(keyOf(tenantId, override.meetingId), [...others, copy(override)]);
    },
    async listOccurrences(tenantId, meetingId) {
      return overridesOf(tenantId, meetingId)
        .toSorted((a, b) => a.originalStart.getTime() - b.originalStart.getTime())
        .map(copy);
    },
  };
}
