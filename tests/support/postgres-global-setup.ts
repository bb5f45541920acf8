import type { TestProject } from 'vitest/node';
import { startTestPostgres } from './postgres-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The PostgreSQL server the PostgreSQL suites use (its `postgres` database; each suite makes its own schema). */
    postgresUrl: string;
  }
}

/** The test run's PostgreSQL server (postgres-server.ts), given to every test file and stopped when the run ends. */
export default async function setup(project: TestProject) {
  const server = await startTestPostgres();
  project.provide('postgresUrl', server.url);
  return () => server.stop();
}
