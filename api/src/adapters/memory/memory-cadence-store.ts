import { type CadenceStore, type PairRecord, pairKey } from '../../ports/cadence-store.ts';
import { assertLimit, storeError } from '../sqlite/store-errors.ts';
import { compareText, copy, type MemoryState } from './memory-state.ts';

/** The in-memory CadenceStore: one row per pair, a held occurrence counted once, as in SQLite. */
export function createMemoryCadenceStore(state: MemoryState): CadenceStore {
  const pairOf = (tenantId: string, personOne: string, personTwo: string) => {
    const { personA, personB } = pairKey(personOne, personTwo);
    return state.pairs.get(JSON.stringify([tenantId, personA, personB]));
  };
  const inOrder = (pairs: PairRecord[]) =>
    pairs.sort((a, b) => compareText(a.personA, b.personA) || compareText(a.personB, b.personB));

  return {
    async recordHeld(held) {
      const { personA, personB } = pairKey(held.organizerId, held.partnerId);
      if (personA === personB) {
        throw storeError(
          { reason: 'constraint', table: 'meeting_pairs', key: { tenantId: held.tenantId, personA, personB } },
          'A pair is two different people',
        );
      }
      const mark = JSON.stringify([held.tenantId, held.meetingId, held.start.toISOString(), personA, personB]);
      if (state.pairsHeld.has(mark)) return;
      state.pairsHeld.add(mark);
      const key = JSON.stringify([held.tenantId, personA, personB]);
      const byA = held.organizerId === personA ? 1 : 0;
      const byB = held.organizerId === personB ? 1 : 0;
      const current = state.pairs.get(key);
      if (!current) {
        state.pairs.set(key, {
          tenantId: held.tenantId,
          personA,
          personB,
          organizedByA: byA,
          organizedByB: byB,
          lastHeldMeetingId: held.meetingId,
          lastHeldStart: new Date(held.start),
          lastHeldEnd: new Date(held.end),
          lastTypeId: held.typeId,
          rhythmDays: null,
          lastNudgeAt: null,
          updatedAt: new Date(held.at),
        });
        return;
      }
      current.organizedByA += byA;
      current.organizedByB += byB;
      if (held.end > current.lastHeldEnd) {
        current.lastHeldMeetingId = held.meetingId;
        current.lastHeldStart = new Date(held.start);
        current.lastHeldEnd = new Date(held.end);
        current.lastTypeId = held.typeId;
      }
      current.updatedAt = new Date(held.at);
    },
    async get(tenantId, personOne, personTwo) {
      const pair = pairOf(tenantId, personOne, personTwo);
      return pair ? copy(pair) : undefined;
    },
    async listForPerson(tenantId, userId) {
      const found = [...state.pairs.values()].filter(
        (p) => p.tenantId === tenantId && (p.personA === userId || p.personB === userId),
      );
      return inOrder(found).map(copy);
    },
    async listPage(tenantId, after, limit) {
      assertLimit(limit, 'meeting_pairs');
      const found = [...state.pairs.values()].filter(
        (p) =>
          p.tenantId === tenantId &&
          (!after || (compareText(p.personA, after.personA) || compareText(p.personB, after.personB)) > 0),
      );
      return inOrder(found).slice(0, limit).map(copy);
    },
    async setRhythm(tenantId, personOne, personTwo, rhythmDays, at) {
      if (rhythmDays !== null && (!Number.isInteger(rhythmDays) || rhythmDays <= 0)) {
        throw storeError(
          { reason: 'constraint', table: 'meeting_pairs', key: { tenantId, ...pairKey(personOne, personTwo) } },
          `A rhythm must be a positive whole number of days, got ${rhythmDays}`,
        );
      }
      const pair = pairOf(tenantId, personOne, personTwo);
      if (!pair) return false;
      pair.rhythmDays = rhythmDays;
      pair.updatedAt = new Date(at);
      return true;
    },
    async markNudged(tenantId, personOne, personTwo, at, expectedLastNudgeAt) {
      const pair = pairOf(tenantId, personOne, personTwo);
      if (!pair || pair.lastNudgeAt?.getTime() !== expectedLastNudgeAt?.getTime()) return false;
      pair.lastNudgeAt = new Date(at);
      pair.updatedAt = new Date(at);
      return true;
    },
  };
}
