import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ADMIN_CONSENT_RETURN_PATH, LOCAL_CLIENT_ID, LOCAL_TENANT_ID } from '@confer/contracts';
import pg from 'pg';
import { createTrustedHttp } from '../../api/src/adapters/http/trusted-fetch.ts';
import { CONFER_APP_ROLES, type DevTenant, startDevTenant } from '../../devtenant/src/index.ts';
import { repoRoot } from './stack.ts';
import { relayDatabase, type TcpProxy } from './tcp-proxy.ts';
import { createTestDatabase, type TestDatabase } from './test-database.ts';

export interface Replica {
  index: number;
  url: string;
  process: ChildProcess;
  /** Every line it printed (JSON logs), for assertions and for a failure's report. */
  lines: string[];
}

export interface ReplicaSet {
  /** The load balancer: each request goes to the next live replica in turn. */
  url: string;
  replicas: Replica[];
  database: TestDatabase;
  /** The relay between the replicas and the database, when asked for. */
  proxy: TcpProxy | null;
  devtenant: DevTenant;
  /** Calls one replica (or the balancer) as a person, with the token Teams SSO would give the tab. */
  call(
    target: string,
    userId: string,
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: unknown; headers: Record<string, string | string[] | undefined> }>;
  /** SIGKILLs one replica: no goodbye, its lease and claims are left to expire. */
  kill(index: number): Promise<void>;
  /** SIGTERMs one replica (a graceful stop); answers its exit code. */
  terminate(index: number): Promise<number | null>;
  /** devtenant's control API (`/_devtenant/<path>`), e.g. `faults` to slow Graph down. */
  control(path: string, body: unknown): Promise<void>;
  /** The replica holding the singleton-work lease now (by its pid), or null. */
  leader(): Promise<number | null>;
  stop(): Promise<void>;
}

/**
 * N real app processes (`api/src/main.ts`) on one PostgreSQL database of their own, behind a round-robin balancer,
 * with devtenant as Microsoft 365 in this process. The replicas share one public URL (the balancer's), as they
 * would behind a load balancer, so a token issued for the app is good on every one of them.
 */
export interface ReplicaSetOptions {
  env?: Record<string, string>;
  /** Put a relay the test can cut between the replicas and the database. */
  throughProxy?: boolean;
  /** The PostgreSQL server to make the database on (benchmarks); tests use the test run's. */
  serverUrl?: string;
  /** 'sqlite': one replica on a SQLite file instead (benchmarks compare the two). */
  store?: 'postgres' | 'sqlite';
  logLevel?: string;
}

export async function startReplicaSet(count: number, options: ReplicaSetOptions = {}): Promise<ReplicaSet> {
  const sqlite = options.store === 'sqlite';
  if (sqlite && count !== 1) throw new Error('SQLite serves one process');
  const database = sqlite ? await localFolder() : await createTestDatabase(options.serverUrl);
  // Through a relay the test can cut, as if the database restarted (tcp-proxy.ts).
  const relayed = options.throughProxy && !sqlite ? await relayDatabase(database.url) : null;
  const proxy = relayed?.relay ?? null;
  const databaseUrl = relayed?.url ?? database.url;
  const balancer = createServer();
  await new Promise<void>((done) => balancer.listen(0, '127.0.0.1', done));
  const publicPort = (balancer.address() as AddressInfo).port;
  const publicUrl = `http://localhost:${publicPort}`;
  const clientSecret = randomBytes(24).toString('base64url');
  const devtenant = await startDevTenant({
    port: 0,
    mode: 'test',
    apps: [
      {
        clientId: LOCAL_CLIENT_ID,
        clientSecret,
        displayName: 'Confer',
        identifierUris: [`api://localhost:${publicPort}/${LOCAL_CLIENT_ID}`],
        redirectUris: [`${publicUrl}/auth-end.html`, `${publicUrl}/`, `${publicUrl}${ADMIN_CONSENT_RETURN_PATH}`],
        exposedScopes: ['access_as_user'],
        appRoles: CONFER_APP_ROLES,
      },
    ],
  });
  const caFile = join(database.dir, 'ca.pem');
  writeFileSync(caFile, devtenant.caPem);
  const sharedEnv: Record<string, string> = {
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    LOG_LEVEL: options.logLevel ?? 'info',
    AAD_APP_CLIENT_ID: LOCAL_CLIENT_ID,
    SECRET_AAD_APP_CLIENT_SECRET: clientSecret,
    AAD_APP_TENANT_ID: LOCAL_TENANT_ID,
    AAD_APP_OAUTH_AUTHORITY_HOST: devtenant.origin,
    TAB_ENDPOINT: publicUrl,
    TAB_DOMAIN: `localhost:${publicPort}`,
    GRAPH_BASE_URL: devtenant.origin,
    DEVTENANT_URL: devtenant.origin,
    TRUSTED_CA_FILE: caFile,
    CONFER_CONNECTION_MODE: 'user',
    // One key for all: a token cache one replica wrote, another reads.
    CONFER_TOKEN_CACHE_KEY: randomBytes(32).toString('base64'),
    ...(sqlite ? {} : { CONFER_DATABASE_URL: databaseUrl }),
    CONFER_DATA_DIR: database.dir,
    ...options.env,
  };
  const replicas = await Promise.all(Array.from({ length: count }, (_, index) => startReplica(index, sharedEnv)));
  let turn = 0;
  const live = () =>
    replicas.filter(
      (replica) => replica.process.exitCode === null && replica.process.signalCode === null && !replica.process.killed,
    );
  balancer.on('request', (req, res) => {
    const targets = live();
    const target = targets[turn++ % Math.max(1, targets.length)];
    if (!target) {
      res.writeHead(502).end();
      return;
    }
    forward(req, target.url, (status, headers, body) => {
      res.writeHead(status, headers).end(body);
    });
  });
  const trusted = createTrustedHttp(devtenant.caPem);
  const tokens = new Map<string, string>();
  const tokenFor = async (userId: string) => {
    const known = tokens.get(userId);
    if (known) return known;
    const response = await trusted.fetch(`${devtenant.origin}/_devtenant/teams-sso-token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userId, resource: `api://localhost:${publicPort}/${LOCAL_CLIENT_ID}` }),
    });
    if (!response.ok) throw new Error(`devtenant refused a tab token: ${response.status}`);
    const { token } = (await response.json()) as { token: string };
    tokens.set(userId, token);
    return token;
  };
  const admin = sqlite ? null : new pg.Client({ connectionString: database.url });
  await admin?.connect();

  return {
    url: publicUrl,
    replicas,
    database,
    proxy,
    devtenant,
    async call(target, userId, method, path, body) {
      const token = await tokenFor(userId);
      const answer = await send(
        target,
        method,
        path,
        `localhost:${publicPort}`,
        {
          authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body === undefined ? undefined : JSON.stringify(body),
      );
      return { status: answer.status, body: answer.text ? JSON.parse(answer.text) : null, headers: answer.headers };
    },
    async kill(index) {
      const replica = replicas[index] as Replica;
      const exited = new Promise((done) => replica.process.once('exit', done));
      replica.process.kill('SIGKILL');
      await exited;
    },
    async terminate(index) {
      const replica = replicas[index] as Replica;
      const exited = new Promise<number | null>((done) => replica.process.once('exit', (code) => done(code)));
      replica.process.kill('SIGTERM');
      return exited;
    },
    async control(path, body) {
      const response = await trusted.fetch(`${devtenant.origin}/_devtenant/${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      if (!response.ok) throw new Error(`devtenant control ${path}: ${response.status}`);
    },
    async leader() {
      if (!admin) return replicas[0]?.process.pid ?? null;
      const { rows } = await admin.query<{ holder: string; until_ms: number }>(
        "SELECT holder, until_ms FROM leases WHERE name = 'confer:singleton-work'",
      );
      const row = rows[0];
      if (!row || Number(row.until_ms) < Date.now()) return null;
      return Number(row.holder.split(':')[1]);
    },
    async stop() {
      await Promise.all(replicas.map((replica) => stopReplica(replica)));
      await closeServer(balancer);
      await admin?.end();
      await devtenant.close();
      await trusted.dispatcher?.close();
      await proxy?.close();
      await database.drop();
    },
  };
}

async function startReplica(index: number, env: Record<string, string>): Promise<Replica> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', join(repoRoot, 'api', 'src', 'main.ts')], {
    cwd: repoRoot,
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const replica: Replica = { index, url: `http://127.0.0.1:${port}`, process: child, lines: [] };
  let exited: Error | null = null;
  const onLine = (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n')) if (line) replica.lines.push(line);
  };
  child.stdout?.on('data', onLine);
  child.stderr?.on('data', onLine);
  child.once('exit', (code) => {
    exited = new Error(`replica ${index} exited (${code}): ${replica.lines.join('\n')}`);
  });
  // Up when its liveness probe answers (whatever the log level lets it print).
  const listening = (async () => {
    for (const end = Date.now() + 60_000; ; ) {
      if (exited) throw exited;
      const up = await send(replica.url, 'GET', '/api/health', 'localhost', {}).then(
        (answer) => answer.status === 200,
        () => false,
      );
      if (up) return;
      if (Date.now() > end) throw new Error(`replica ${index} did not start: ${replica.lines.join('\n')}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();
  await listening;
  return replica;
}

async function stopReplica(replica: Replica): Promise<void> {
  if (replica.process.exitCode !== null || replica.process.signalCode !== null) return;
  const exited = new Promise((done) => replica.process.once('exit', done));
  replica.process.kill('SIGTERM');
  const timer = setTimeout(() => replica.process.kill('SIGKILL'), 20_000);
  await exited;
  clearTimeout(timer);
}

function forward(
  req: IncomingMessage,
  target: string,
  answer: (status: number, headers: Record<string, string | string[] | undefined>, body: Buffer) => void,
) {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    const url = new URL(req.url ?? '/', target);
    const out = request(url, { method: req.method, headers: req.headers }, (res) => {
      const body: Buffer[] = [];
      res.on('data', (chunk: Buffer) => body.push(chunk));
      res.on('end', () => answer(res.statusCode ?? 502, res.headers, Buffer.concat(body)));
    });
    out.on('error', () => answer(502, {}, Buffer.alloc(0)));
    out.end(Buffer.concat(chunks));
  });
}

/** One HTTP request with the Host header the app expects (its public name), to the balancer or one replica. */
export function send(
  target: string,
  method: string,
  path: string,
  host: string,
  headers: Record<string, string>,
  body?: string,
): Promise<{ status: number; text: string; headers: Record<string, string | string[] | undefined> }> {
  return new Promise((resolve, reject) => {
    const out = request(new URL(path, target), { method, headers: { ...headers, host } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString(), headers: res.headers }),
      );
    });
    out.on('error', reject);
    out.end(body);
  });
}

/** A data folder for a SQLite replica, shaped like a test database so the rest reads the same. */
async function localFolder(): Promise<TestDatabase> {
  const dir = mkdtempSync(join(tmpdir(), 'confer-replica-'));
  return { url: '', name: 'sqlite', dir, drop: async () => rmSync(dir, { recursive: true, force: true }) };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((done) => server.close(() => done()));
}
