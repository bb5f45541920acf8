/**
 * Where the API's CPU goes: `npx tsx bench/profile-api.ts [requests]` starts the stack as the availability
 * benchmark does, warms it, then records a V8 CPU profile (node:inspector) around `requests` (default 200)
 * `POST /api/availability` calls for 20 people × 14 days and prints self time grouped by module and the top
 * functions. The profile covers the whole process (this client, the app and devtenant), so rows are labelled
 * by where their code lives. Writes the raw profile to bench/results/api.cpuprofile (open it in DevTools).
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join, relative } from 'node:path';
import { SEED_PEOPLE } from '../devtenant/src/directory/seed-people.ts';
import { apiAs } from '../tests/support/api-client.ts';
import { PEOPLE, repoRoot, startStack } from '../tests/support/stack.ts';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount: number;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const REQUESTS = Number(process.argv[2] ?? 200);
const QUARTER_HOUR_MS = 15 * 60_000;
const DAY_MS = 24 * 3_600_000;

const stack = await startStack({ tabDir: null });
try {
  const others = SEED_PEOPLE.filter((p) => p.id !== PEOPLE.alex.id && p.hasMailbox !== false)
    .slice(0, 19)
    .map((p) => `${p.alias}@contoso.onmicrosoft.com`);
  const api = apiAs(stack, PEOPLE.alex.id);
  const minute = Math.floor(stack.devtenant.clock.now().getTime() / 60_000) * 60_000;
  // A new quarter hour each call, so no answer comes from Confer's cache.
  const load = async (i: number) => {
    const start = new Date(minute + i * QUARTER_HOUR_MS);
    const body = {
      attendees: others,
      start: start.toISOString(),
      end: new Date(start.getTime() + 14 * DAY_MS).toISOString(),
    };
    const answer = await api.post('/api/availability', body);
    if (answer.status !== 200) throw new Error(`availability answered ${answer.status}`);
  };
  for (let i = 0; i < 20; i++) await load(i);
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 100 });
  await session.post('Profiler.start');
  const cpu = process.cpuUsage();
  for (let i = 0; i < REQUESTS; i++) await load(20 + i);
  const used = process.cpuUsage(cpu);
  const { profile } = (await session.post('Profiler.stop')) as unknown as { profile: Profile };
  session.disconnect();
  writeFileSync(join(repoRoot, 'bench', 'results', 'api.cpuprofile'), JSON.stringify(profile));
  process.stdout.write(
    `${REQUESTS} requests, process CPU ${((used.user + used.system) / 1000 / REQUESTS).toFixed(2)} ms per request\n`,
  );
  report(profile);
} finally {
  await stack.stop();
}

function report(profile: Profile): void {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => {
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  const parents = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
  const modules = new Map<string, number>();
  const functions = new Map<string, number>();
  const owners = new Map<string, number>();
  const add = (rows: Map<string, number>, key: string, micros: number) => rows.set(key, (rows.get(key) ?? 0) + micros);
  for (const [id, micros] of self) {
    const frame = (byId.get(id) as ProfileNode).callFrame;
    const where = place(frame.url);
    add(modules, where, micros);
    add(functions, `${frame.functionName || '(anonymous)'} ${where}:${frame.lineNumber + 1}`, micros);
    add(owners, owner(id, byId, parents), micros);
  }
  const print = (title: string, rows: Map<string, number>, count: number) => {
    process.stdout.write(`\n${title} (ms per request, self time)\n`);
    for (const [name, micros] of [...rows].sort((a, b) => b[1] - a[1]).slice(0, count)) {
      process.stdout.write(`${(micros / 1000 / REQUESTS).toFixed(3).padStart(8)}  ${name}\n`);
    }
  };
  print('by nearest repository file on the stack (library and native time charged to its caller)', owners, 30);
  print('by module', modules, 30);
  print('top functions', functions, 40);
}

/** The repository file closest to the sampled frame on its stack: whose work a library or native frame did. */
function owner(id: number, byId: Map<number, ProfileNode>, parents: Map<number, number>): string {
  for (let at: number | undefined = id; at !== undefined; at = parents.get(at)) {
    const where = place((byId.get(at) as ProfileNode).callFrame.url);
    if (/^(api|devtenant|bot|contracts|tests|bench)\//.test(where)) return where;
  }
  return `(no repository frame) ${place((byId.get(id) as ProfileNode).callFrame.url)}`;
}

/** A package name, a repository path, or V8's own label ("(garbage collector)", "(program)"). */
function place(url: string): string {
  if (!url) return '(native)';
  const path = url.replace(/^file:\/\//, '');
  const inModules = path.lastIndexOf('/node_modules/');
  if (inModules >= 0) {
    const rest = path.slice(inModules + 14).split('/');
    return rest[0]?.startsWith('@') ? `${rest[0]}/${rest[1]}` : (rest[0] ?? path);
  }
  if (path.startsWith('node:')) return path;
  return relative(repoRoot, path);
}
