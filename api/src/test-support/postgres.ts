import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, inject } from 'vitest';
import { openPostgres, type PgDatabase } from '../adapters/postgres/pg-database.ts';

/** The test run's PostgreSQL server (tests/support/postgres-global-setup.ts). */
export function testPostgresUrl(): string {
  return inject('postgresUrl');
}

/**
 * Opens a migrated PostgreSQL store in a schema of its own, so suites (and tests) running at once never see each
 * other's rows; every schema made by a file is dropped when the file ends.
 */
export function usePostgresSchemas(): {
  open(options?: { poolSize?: number; schema?: string }): Promise<PgDatabase>;
  newSchema(): string;
} {
  const url = testPostgresUrl();
  const schemas: string[] = [];
  const opened: PgDatabase[] = [];
  afterAll(async () => {
    await Promise.all(opened.map((db) => db.close().catch(() => {})));
    if (schemas.length === 0) return;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      for (const schema of schemas) await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    } finally {
      await admin.end();
    }
  });
  const newSchema = () => {
    const schema = `t_${randomBytes(6).toString('hex')}`;
    schemas.push(schema);
    return schema;
  };
  return {
    newSchema,
    async open(options = {}) {
      const db = await openPostgres({ url, schema: options.schema ?? newSchema(), poolSize: options.poolSize ?? 4 });
      opened.push(db);
      return db;
    },
  };
}
