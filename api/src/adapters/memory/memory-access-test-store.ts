import { type AccessTestRecord, type AccessTestStore, KEPT_ACCESS_TESTS } from '../../ports/access-test-store.ts';
import { assertLimit } from '../sqlite/store-errors.ts';

/** The in-memory AccessTestStore (tests and the contract suite). */
export function createMemoryAccessTestStore(): AccessTestStore {
  const tests: { seq: number; record: AccessTestRecord }[] = [];
  const running = new Map<string, Date>();
  let seq = 0;
  const newestFirst = (tenantId: string) =>
    tests
      .filter((t) => t.record.tenantId === tenantId)
      .sort((a, b) => b.record.at.getTime() - a.record.at.getTime() || b.seq - a.seq);

  return {
    async save(record) {
      tests.push({ seq: seq++, record: structuredClone(record) });
      const dropped = new Set(newestFirst(record.tenantId).slice(KEPT_ACCESS_TESTS));
      for (let i = tests.length - 1; i >= 0; i--) {
        const entry = tests[i];
        if (entry && dropped.has(entry)) tests.splice(i, 1);
      }
    },
    async list(tenantId, limit) {
      assertLimit(limit, 'access_tests');
      return newestFirst(tenantId)
        .slice(0, limit)
        .map(({ record: { people: _people, ...summary } }) => structuredClone(summary));
    },
    async get(tenantId, id) {
      const found = tests.find((t) => t.record.tenantId === tenantId && t.record.id === id);
      return found ? structuredClone(found.record) : undefined;
    },
    async claim(tenantId, at, staleBefore) {
      const since = running.get(tenantId);
      if (since && since >= staleBefore) return false;
      running.set(tenantId, at);
      return true;
    },
    async release(tenantId) {
      running.delete(tenantId);
    },
  };
}
