import { readFileSync } from 'node:fs';
import type { MeetingDto, SuggestionsResponse } from '@confer/contracts';
import pg from 'pg';
import { mail } from '../tests/scheduling/support/scheduling-api.ts';
import { startTestPostgres } from '../tests/support/postgres-server.ts';
import { type ReplicaSet, startReplicaSet } from '../tests/support/replica-set.ts';
import { PEOPLE } from '../tests/support/stack.ts';
import type { BenchResult } from './lib/results.ts';
import { percentile } from './lib/stats.ts';

const REQUESTS = 3_000;
const WARMUP = 300;
const CONCURRENCY = 16;
const adele = PEOPLE.adele.id;

interface Setup {
  label: string;
  store: 'sqlite' | 'postgres';
  replicas: number;
}

const SETUPS: readonly Setup[] = [
  { label: 'SQLite ×1', store: 'sqlite', replicas: 1 },
  { label: 'PostgreSQL ×1', store: 'postgres', replicas: 1 },
  { label: 'PostgreSQL ×3', store: 'postgres', replicas: 3 },
];

interface Figures {
  perSecond: number;
  p50: number;
  p95: number;
  /** CPU of the app processes per request (ms). */
  appCpuMs: number;
  /** CPU of the PostgreSQL server processes serving them, per request (ms); 0 for SQLite (inside the app). */
  dbCpuMs: number;
}

/**
 * API throughput and latency on SQLite and PostgreSQL, one replica and three, in one run: a cached availability
 * load (20 people's getSchedule answered from the replica's cache) and a meeting read, 16 clients sending
 * round-robin to the replicas as a load balancer would. Beside each, where the CPU went: the app processes and
 * the database's server processes, per request, read from /proc.
 */
export async function benchReplicas(): Promise<BenchResult[]> {
  const server = await startTestPostgres();
  const results: BenchResult[] = [];
  const byLabel = new Map<string, Record<'availability' | 'meeting', Figures>>();
  try {
    for (const setup of SETUPS) {
      const set = await startReplicaSet(setup.replicas, {
        store: setup.store,
        serverUrl: server.url,
        logLevel: 'warn',
        // One person sends everything here: the per-person limit would measure itself.
        env: { CONFER_RATE_LIMIT_PER_MINUTE: '100000' },
      });
      try {
        byLabel.set(setup.label, await measure(set));
      } finally {
        await set.stop();
      }
    }
  } finally {
    await server.stop();
  }
  const sqlite = byLabel.get('SQLite ×1');
  for (const [label, figures] of byLabel) {
    for (const kind of ['availability', 'meeting'] as const) {
      const f = figures[kind];
      const base = label === 'SQLite ×1' ? undefined : sqlite?.[kind];
      const name = `replicas: ${kind === 'availability' ? 'availability (cached)' : 'meeting read'}, ${label}`;
      process.stdout.write(
        `${name}: ${f.perSecond.toFixed(0)} req/s, p50 ${f.p50.toFixed(2)} ms, p95 ${f.p95.toFixed(2)} ms; ` +
          `CPU per request: app ${f.appCpuMs.toFixed(2)} ms, database ${f.dbCpuMs.toFixed(2)} ms\n`,
      );
      results.push(
        {
          name: `${name}, throughput`,
          unit: 'req/s',
          value: f.perSecond,
          better: 'higher',
          ...(base ? { baseline: base.perSecond } : {}),
        },
        { name: `${name}, p95`, unit: 'ms', value: f.p95, better: 'lower', ...(base ? { baseline: base.p95 } : {}) },
        { name: `${name}, app CPU per request`, unit: 'ms', value: f.appCpuMs },
        { name: `${name}, database CPU per request`, unit: 'ms', value: f.dbCpuMs },
      );
    }
  }
  return results;
}

async function measure(set: ReplicaSet): Promise<Record<'availability' | 'meeting', Figures>> {
  const targets = set.replicas.map((replica) => replica.url);
  const { suggestions } = (
    await set.call(set.url, adele, 'POST', '/api/suggestions', { attendees: [mail('alexw')], durationMinutes: 30 })
  ).body as SuggestionsResponse;
  const slot = suggestions[0];
  if (!slot) throw new Error('no suggestion to schedule into');
  const created = await set.call(set.url, adele, 'POST', '/api/meetings', {
    title: 'Benchmark check-in',
    agenda: '',
    attendees: [mail('alexw')],
    start: slot.start,
    end: slot.end,
    timeZone: 'Europe/London',
  });
  if (created.status !== 201) throw new Error(`could not schedule: ${created.status}`);
  const meeting = created.body as MeetingDto;
  const now = Date.now();
  const availability = {
    attendees: ['alexw', 'meganb', 'isaiahl', 'pattif', 'lynner'].map(mail),
    start: new Date(now).toISOString(),
    end: new Date(now + 14 * 86_400_000).toISOString(),
  };
  return {
    availability: await load(set, targets, () => ['POST', '/api/availability', availability]),
    meeting: await load(set, targets, () => ['GET', `/api/meetings/${meeting.id}`, undefined]),
  };
}

async function load(
  set: ReplicaSet,
  targets: readonly string[],
  request: () => [string, string, unknown],
): Promise<Figures> {
  let turn = 0;
  const once = async () => {
    const [method, path, body] = request();
    const target = targets[turn++ % targets.length] as string;
    const started = performance.now();
    const answer = await set.call(target, adele, method, path, body);
    if (answer.status !== 200) throw new Error(`${method} ${path} answered ${answer.status}`);
    return performance.now() - started;
  };
  await run(WARMUP, once);
  const appPids = set.replicas.map((replica) => replica.process.pid as number);
  const dbPids = await serverPids(set);
  const cpuBefore = cpuMs(appPids);
  const dbBefore = cpuMs(dbPids);
  const started = performance.now();
  const latencies = await run(REQUESTS, once);
  const seconds = (performance.now() - started) / 1000;
  return {
    perSecond: REQUESTS / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    appCpuMs: (cpuMs(appPids) - cpuBefore) / REQUESTS,
    dbCpuMs: (cpuMs(dbPids) - dbBefore) / REQUESTS,
  };
}

async function run(count: number, once: () => Promise<number>): Promise<number[]> {
  const latencies: number[] = [];
  let next = 0;
  const worker = async () => {
    while (next++ < count) latencies.push(await once());
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return latencies;
}

/** The PostgreSQL server processes serving this set's database (one per connection), when on this machine. */
async function serverPids(set: ReplicaSet): Promise<number[]> {
  if (!set.database.url) return [];
  const client = new pg.Client({ connectionString: set.database.url });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number }>(
      'SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
    );
    return rows.map((row) => row.pid);
  } finally {
    await client.end();
  }
}

/** User + system CPU of the processes, in ms (a process gone meanwhile counts as what it had). */
function cpuMs(pids: readonly number[]): number {
  const tick = 1000 / 100; // Linux reports CPU in clock ticks of 1/100 s (USER_HZ).
  let total = 0;
  for (const pid of pids) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
      total += (Number(fields[11]) + Number(fields[12])) * tick;
    } catch {
      // The process ended; its CPU is no longer readable.
    }
  }
  return total;
}
