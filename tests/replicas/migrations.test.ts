import { spawn } from 'node:child_process';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgMigrations } from '../../api/src/adapters/postgres/pg-migrations.ts';
import { repoRoot } from '../support/stack.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

function migrateInProcess(url: string): Promise<number | null> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(repoRoot, 'tests', 'support', 'migrate-process.ts'), url],
    {
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  return new Promise((resolve) => child.once('exit', resolve));
}

describe('PostgreSQL migrations', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.drop();
  });

  it('are applied once when three processes start on an empty database together', async () => {
    const codes = await Promise.all([0, 1, 2].map(() => migrateInProcess(database.url)));
    expect(codes).toEqual([0, 0, 0]);
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ version: number; n: string }>(
        'SELECT version, count(*) AS n FROM schema_migrations GROUP BY version ORDER BY version',
      );
      expect(rows.map((row) => [row.version, Number(row.n)])).toEqual(pgMigrations.map((m) => [m.version, 1]));
      const { rows: tables } = await client.query<{ n: string }>(
        "SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = 'public' AND table_name = 'meetings'",
      );
      expect(Number(tables[0]?.n)).toBe(1);
    } finally {
      await client.end();
    }
  });
});
