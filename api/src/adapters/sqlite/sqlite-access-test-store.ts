import { type AccessTestRecord, type AccessTestStore, KEPT_ACCESS_TESTS } from '../../ports/access-test-store.ts';
import { accessTestRowSchemas, accessTestSummaryFromRow } from '../store-rows/access-test-rows.ts';
import type { SqliteDatabase } from './database.ts';
import { parseRow, sqliteColumns, toIso } from './row-codec.ts';
import { assertLimit } from './store-errors.ts';

const { summary: summaryRow, full: fullRow } = accessTestRowSchemas(sqliteColumns);

const SUMMARY_COLUMNS = 'id, tenant_id, at, by_user, trigger, mode, tested, succeeded, failures_json';

/** Access test results (migration 14), the newest KEPT_ACCESS_TESTS per tenant, and the running test's claim. */
export function createSqliteAccessTestStore(db: SqliteDatabase): AccessTestStore {
  const insert = db.prepare(`
    INSERT INTO access_tests (id, tenant_id, at, by_user, trigger, mode, tested, succeeded, failures_json, people_json)
    VALUES (@id, @tenantId, @at, @by, @trigger, @mode, @tested, @succeeded, @failures, @people)`);
  const prune = db.prepare(`
    DELETE FROM access_tests WHERE tenant_id = @tenantId AND id NOT IN (
      SELECT id FROM access_tests WHERE tenant_id = @tenantId ORDER BY at DESC, rowid DESC LIMIT @kept)`);
  const list = db.prepare(
    `SELECT ${SUMMARY_COLUMNS} FROM access_tests WHERE tenant_id = ? ORDER BY at DESC, rowid DESC LIMIT ?`,
  );
  const get = db.prepare(`SELECT ${SUMMARY_COLUMNS}, people_json FROM access_tests WHERE tenant_id = ? AND id = ?`);
  const claim = db.prepare(`
    INSERT INTO access_test_runs (tenant_id, started_at) VALUES (@tenantId, @at)
    ON CONFLICT (tenant_id) DO UPDATE SET started_at = excluded.started_at WHERE started_at < @staleBefore`);
  const release = db.prepare('DELETE FROM access_test_runs WHERE tenant_id = ?');
  const save = db.transaction((record: AccessTestRecord) => {
    insert.run({
      id: record.id,
      tenantId: record.tenantId,
      at: toIso(record.at),
      by: record.by,
      trigger: record.trigger,
      mode: record.mode,
      tested: record.tested,
      succeeded: record.succeeded,
      failures: JSON.stringify(record.failures),
      people: JSON.stringify(record.people),
    });
    prune.run({ tenantId: record.tenantId, kept: KEPT_ACCESS_TESTS });
  });
  return {
    async save(record) {
      save(record);
    },
    async list(tenantId, limit) {
      assertLimit(limit, 'access_tests');
      return list.all(tenantId, limit).map((row) => {
        const key = { tenantId, id: (row as { id: unknown }).id };
        return accessTestSummaryFromRow(parseRow(summaryRow, row, { table: 'access_tests', key }));
      });
    },
    async get(tenantId, id) {
      const row = get.get(tenantId, id);
      if (row === undefined) return undefined;
      const parsed = parseRow(fullRow, row, { table: 'access_tests', key: { tenantId, id } });
      return { ...accessTestSummaryFromRow(parsed), people: parsed.people_json };
    },
    async claim(tenantId, at, staleBefore) {
      return claim.run({ tenantId, at: toIso(at), staleBefore: toIso(staleBefore) }).changes > 0;
    },
    async release(tenantId) {
      release.run(tenantId);
    },
  };
}
