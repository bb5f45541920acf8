import { type AccessTestRecord, type AccessTestStore, KEPT_ACCESS_TESTS } from '../../ports/access-test-store.ts';
import { parseRow } from '../sqlite/row-codec.ts';
import { assertLimit } from '../sqlite/store-errors.ts';
import { accessTestRowSchemas, accessTestSummaryFromRow } from '../store-rows/access-test-rows.ts';
import type { PgDatabase } from './pg-database.ts';
import { pgColumns } from './pg-row-codec.ts';

const { summary: summaryRow, full: fullRow } = accessTestRowSchemas(pgColumns);

const SUMMARY_COLUMNS = 'id, tenant_id, at, by_user, trigger, mode, tested, succeeded, failures_json';

const INSERT = `
  INSERT INTO access_tests (id, tenant_id, at, by_user, trigger, mode, tested, succeeded, failures_json, people_json)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`;
// Saves of one tenant do not run side by side (each ends a test holding the tenant's claim below), so the newest
// KEPT_ACCESS_TESTS seen here are the newest there are.
const PRUNE = `
  DELETE FROM access_tests WHERE tenant_id = $1 AND id NOT IN (
    SELECT id FROM access_tests WHERE tenant_id = $1 ORDER BY at DESC, seq DESC LIMIT $2)`;
const LIST = `SELECT ${SUMMARY_COLUMNS} FROM access_tests WHERE tenant_id = $1 ORDER BY at DESC, seq DESC LIMIT $2`;
const GET = `SELECT ${SUMMARY_COLUMNS}, people_json FROM access_tests WHERE tenant_id = $1 AND id = $2`;
/**
 * The claim is the row. Two processes inserting at once queue on the primary key: the second finds the first's
 * row and takes it only when it is stale (the update re-reads the row it waited for, so a fresh claim stands).
 */
const CLAIM = `
  INSERT INTO access_test_runs (tenant_id, started_at) VALUES ($1, $2)
  ON CONFLICT (tenant_id) DO UPDATE SET started_at = excluded.started_at
  WHERE access_test_runs.started_at < $3`;
const RELEASE = 'DELETE FROM access_test_runs WHERE tenant_id = $1';

/** Access test results in PostgreSQL, the newest KEPT_ACCESS_TESTS per tenant, and the running test's claim. */
export function createPgAccessTestStore(db: PgDatabase): AccessTestStore {
  return {
    async save(record) {
      await db.transaction(async (tx) => {
        await tx.execute(INSERT, insertParams(record));
        await tx.execute(PRUNE, [record.tenantId, KEPT_ACCESS_TESTS]);
      });
    },
    async list(tenantId, limit) {
      assertLimit(limit, 'access_tests');
      const rows = await db.query<{ id: unknown }>(LIST, [tenantId, limit]);
      return rows.map((row) =>
        accessTestSummaryFromRow(parseRow(summaryRow, row, { table: 'access_tests', key: { tenantId, id: row.id } })),
      );
    },
    async get(tenantId, id) {
      const [row] = await db.query(GET, [tenantId, id]);
      if (row === undefined) return undefined;
      const parsed = parseRow(fullRow, row, { table: 'access_tests', key: { tenantId, id } });
      return { ...accessTestSummaryFromRow(parsed), people: parsed.people_json };
    },
    async claim(tenantId, at, staleBefore) {
      return (await db.execute(CLAIM, [tenantId, at, staleBefore])) > 0;
    },
    async release(tenantId) {
      await db.execute(RELEASE, [tenantId]);
    },
  };
}

function insertParams(record: AccessTestRecord): unknown[] {
  return [
    record.id,
    record.tenantId,
    record.at,
    record.by,
    record.trigger,
    record.mode,
    record.tested,
    record.succeeded,
    JSON.stringify(record.failures),
    JSON.stringify(record.people),
  ];
}
