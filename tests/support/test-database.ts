import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';

export interface TestDatabase {
  /** postgres:// URL of a database of its own on the test run's server. */
  url: string;
  name: string;
  /** A temporary folder beside it (the replicas' data folder: certificates, nothing of the store). */
  dir: string;
  drop(): Promise<void>;
}

/**
 * A fresh, empty PostgreSQL database on the test run's server (tests/support/postgres-global-setup.ts), or on the
 * server given (benchmarks: postgres-server.ts), for tests that start app processes: each process migrates it as
 * production would. Dropped (with its connections) after.
 */
export async function createTestDatabase(serverUrl: string = inject('postgresUrl')): Promise<TestDatabase> {
  const name = `confer_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const dir = mkdtempSync(join(tmpdir(), 'confer-replicas-'));
  return {
    url: url.toString(),
    name,
    dir,
    async drop() {
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      try {
        await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await cleanup.end();
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
