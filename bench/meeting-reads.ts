/**
 * Meeting reads against the real stack (issue 13): devtenant + the app in-process, the tenant clock pinned to a
 * Monday morning. The organizer has 24 upcoming meetings made through the API (3 to 6 people each, an agenda,
 * two of them weekly series of 4), and reads them as the tab does.
 * 1. `GET /api/meetings?scope=upcoming`: server CPU per request and per meeting listed, for information (issue 13's
 *    1 ms is for reading a meeting; this reads 24 with their attendees, and docs/performance.md says where its time
 *    goes). Baseline in the same run: this client's own call and parse of an answer of the same bytes from a bare
 *    server, which is taken out of it.
 * 2. `GET /api/meetings/{id}` as the organizer, which reads the organizer's Outlook event from Graph each time:
 *    server CPU beyond the Graph read itself (target ≤ 1 ms). Baseline in the same run: the CPU of the same
 *    event read directly from devtenant with the same delegated token, which is taken out of it.
 * 3. Wall time, for information: medians, p50/p95 of the list and of the single read, and of the single read
 *    minus the direct Graph read in the same round, with the load average beside them.
 */
import type { Client } from '@microsoft/microsoft-graph-client';
import { EVENT_SELECT } from '../api/src/adapters/graph/graph-event-mapper.ts';
import { createControllableClock } from '../devtenant/src/index.ts';
import { apiAs } from '../tests/support/api-client.ts';
import { PEOPLE, type Stack, startStack, TENANT_ID } from '../tests/support/stack.ts';
import {
  cpuPerCall,
  describeLoad,
  type EchoRequest,
  type EchoServer,
  interleave,
  mainThreadCpuPerCall,
  pairedWallDifferences,
  type Runs,
  startEchoServer,
} from './lib/cpu.ts';
import { directGraph, resetCounters } from './lib/direct-graph.ts';
import type { BenchResult } from './lib/results.ts';
import { median, percentile } from './lib/stats.ts';

/** Monday 23 November 2026, 08:00 UTC. */
const NOW = new Date('2026-11-23T08:00:00Z');
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const MEETINGS = 24;
const SERIES = new Set([3, 11]);
const RUNS = 300;
/** The API allows 240 requests a minute per person: the tenant clock moves on a minute every this many. */
const CALLS_PER_MINUTE = 200;
const WARM_UP_RUNS = 5;
const DOMAIN = 'contoso.onmicrosoft.com';
const GUESTS = ['meganb', 'adelev', 'isaiahl', 'pattif', 'lynner', 'diegos', 'johannal', 'leeg', 'miriamg', 'nestorw'];
const PREFER_UTC = 'outlook.timezone="UTC"';

type Api = ReturnType<typeof apiAs>;

interface Setup {
  stack: Stack;
  api: Api;
  meetings: { id: string; eventId: string }[];
}

export async function benchMeetingReads(): Promise<BenchResult[]> {
  const stack = await startStack({ tabDir: null, clock: createControllableClock(NOW) });
  try {
    const setup = await seed(stack);
    return [...(await listReads(setup)), ...(await singleReads(setup))];
  } finally {
    await stack.stop();
  }
}

/** The organizer's meetings, three a working day from this morning on, over this week and next, made through the API. */
async function seed(stack: Stack): Promise<Setup> {
  const api = apiAs(stack, PEOPLE.alex.id);
  const meetings: Setup['meetings'] = [];
  for (let i = 0; i < MEETINGS; i++) {
    const weekday = Math.floor(i / 3) % 5;
    const week = Math.floor(i / 15);
    const start = new Date(NOW.getTime() + (week * 7 + weekday) * DAY + (1 + (i % 3) * 2) * HOUR);
    const people = 3 + (i % 4);
    const answer = await api.post<{ id: string; status: string }>('/api/meetings', {
      title: `Planning session ${i + 1}`,
      agenda: `Review what changed since the last session, agree on the next steps and who takes each.\n\n- Status of item ${i + 1}\n- Risks\n- Next steps`,
      attendees: Array.from({ length: people }, (_, k) => `${GUESTS[(i + k) % GUESTS.length]}@${DOMAIN}`),
      start: start.toISOString(),
      end: new Date(start.getTime() + (i % 2 ? 30 : 60) * MINUTE).toISOString(),
      timeZone: 'Europe/London',
      ...(SERIES.has(i) ? { recurrence: { kind: 'weekly', count: 4 } } : {}),
      ...(i % 5 === 4 ? { online: false, location: 'Room 4.02' } : {}),
      acceptConflicts: true,
    });
    if (answer.status !== 201) throw new Error(`create answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    const stored = await stack.composed.scheduling.meetings.get(TENANT_ID, answer.body.id);
    if (stored?.status !== 'scheduled' || !stored.graphEventId) throw new Error(`meeting ${i + 1} is not in Outlook`);
    meetings.push({ id: stored.id, eventId: stored.graphEventId });
  }
  return { stack, api, meetings };
}

/** The API allows 240 requests a minute per person: each part starts in a minute of its own. */
function nextMinute(stack: Stack): void {
  stack.devtenant.clock.advance(MINUTE);
}

/** What the benchmark's client sends the API for a read (a GET with the person's token), for the bare server. */
async function sameRequest(stack: Stack): Promise<EchoRequest> {
  return { authorization: `Bearer ${await stack.tabTokenFor(PEOPLE.alex.id)}` };
}

/** The API as the person, the tenant clock moved on a minute every CALLS_PER_MINUTE rounds. */
function withinLimit(stack: Stack, api: Api, round: number): Api {
  if (round > 0 && round % CALLS_PER_MINUTE === 0) nextMinute(stack);
  return api;
}

async function readOk(api: Api, path: string): Promise<unknown> {
  const answer = await api.get(path);
  if (answer.status !== 200) throw new Error(`${path} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  return answer.body;
}

/**
 * Figure 1. The app, devtenant and this client share one process, so the process's CPU for a list call is the
 * app's server work plus this client's fetch and JSON.parse of the answer. The latter is measured on its own —
 * the same request (a GET with the same token) and parse against a bare `node:http` server in a worker thread
 * answering the list's bytes, counting this (main) thread's CPU only — and taken out.
 */
async function listReads({ stack, api, meetings }: Setup): Promise<BenchResult[]> {
  nextMinute(stack);
  const path = '/api/meetings?scope=upcoming';
  const sample = (await readOk(api, path)) as { meetings: unknown[] };
  if (sample.meetings.length !== meetings.length) {
    throw new Error(`expected ${meetings.length} upcoming meetings, the list has ${sample.meetings.length}`);
  }
  const echo = await startEchoServer(JSON.stringify(sample), await sameRequest(stack));
  try {
    const runs = await interleave(
      { api: (round) => readOk(withinLimit(stack, api, round), path), client: () => echo.call() },
      RUNS,
      WARM_UP_RUNS,
    );
    return listFigures(runs, echo);
  } finally {
    await echo.stop();
  }
}

function listFigures(runs: Runs<'api' | 'client'>, echo: EchoServer): BenchResult[] {
  const cpu = { api: cpuPerCall(runs.api), client: mainThreadCpuPerCall(runs.client) };
  const server = cpu.api - cpu.client;
  const wall = runs.api.map((m) => m.wallMs);
  process.stdout.write(
    `  meeting list CPU per request: API ${cpu.api.toFixed(2)} ms, this client's own call ${cpu.client.toFixed(2)} ms, ` +
      `leaving ${server.toFixed(2)} ms of server work (means of ${RUNS}; ${MEETINGS} meetings, ${echo.bytes} bytes)\n` +
      `  meeting list latency: median ${median(wall).toFixed(2)} ms, p95 ${percentile(wall, 95).toFixed(2)} ms ` +
      `(${describeLoad()})\n`,
  );
  return [
    { name: `meetings: list server CPU (${MEETINGS} upcoming)`, unit: 'ms', value: server, baseline: cpu.client },
    { name: 'meetings: list server CPU per meeting listed', unit: 'ms', value: server / MEETINGS },
    { name: 'meetings: list latency (p50)', unit: 'ms', value: percentile(wall, 50) },
    { name: 'meetings: list latency (p95)', unit: 'ms', value: percentile(wall, 95) },
    { name: 'meetings: list answer bytes', unit: 'bytes', value: echo.bytes },
  ];
}

/**
 * Figure 2. Each round reads the next meeting, through the API and directly from devtenant with the same delegated
 * token the app gets (On-Behalf-Of), through the same Graph client (Confer's own client factory: the SDK's
 * middleware, the same HTTPS agent), asking for the same fields in UTC as the app does. Devtenant's work and
 * the Graph client's own work cancel, leaving the app's server work beyond the Graph read plus one plain-HTTP
 * call and parse of the app's answer made by this client, measured against the bare server as for the list.
 */
async function singleReads({ stack, api, meetings }: Setup): Promise<BenchResult[]> {
  nextMinute(stack);
  const { graph, close } = await directGraph(stack, PEOPLE.alex.id);
  const meetingAt = (round: number) => meetings[round % meetings.length] as Setup['meetings'][number];
  const sample = await readOk(api, `/api/meetings/${meetingAt(0).id}`);
  const echo = await startEchoServer(JSON.stringify(sample), await sameRequest(stack));
  try {
    await resetCounters(stack);
    const runs = await interleave(
      {
        api: (round) => readOk(withinLimit(stack, api, round), `/api/meetings/${meetingAt(round).id}`),
        direct: (round) => directGetEvent(graph, meetingAt(round).eventId),
        client: () => echo.call(),
      },
      RUNS,
      WARM_UP_RUNS,
    );
    const served = await graphRequests(stack);
    if (served !== 2 * (WARM_UP_RUNS + RUNS)) {
      throw new Error(`expected one event read per call on both sides, devtenant served ${served}`);
    }
    return singleFigures(runs, echo);
  } finally {
    await echo.stop();
    await close();
  }
}

function singleFigures(runs: Runs<'api' | 'direct' | 'client'>, echo: EchoServer): BenchResult[] {
  const cpu = { api: cpuPerCall(runs.api), direct: cpuPerCall(runs.direct), client: mainThreadCpuPerCall(runs.client) };
  const server = cpu.api - cpu.direct - cpu.client;
  const wall = runs.api.map((m) => m.wallMs);
  const overGraph = pairedWallDifferences(runs.api, runs.direct);
  const directMedian = median(runs.direct.map((m) => m.wallMs));
  process.stdout.write(
    `  meeting read CPU per request: API ${cpu.api.toFixed(2)} ms, direct Graph event read ${cpu.direct.toFixed(2)} ms, ` +
      `this client's own call ${cpu.client.toFixed(2)} ms, leaving ${server.toFixed(2)} ms of server work ` +
      `(means of ${RUNS}; ${echo.bytes} bytes)\n` +
      `  meeting read latency: API median ${median(wall).toFixed(2)} ms (p95 ${percentile(wall, 95).toFixed(2)}), ` +
      `direct Graph read ${directMedian.toFixed(2)} ms; difference p50 ${percentile(overGraph, 50).toFixed(2)} ms, ` +
      `p95 ${percentile(overGraph, 95).toFixed(2)} ms (${describeLoad()})\n`,
  );
  return [
    {
      name: 'meetings: one meeting, server CPU beyond the Graph event read',
      unit: 'ms',
      value: server,
      target: 1,
      baseline: cpu.direct,
      better: 'lower',
    },
    { name: 'meetings: the benchmark client’s own call, taken out of that', unit: 'ms', value: cpu.client },
    { name: 'meetings: one meeting latency (p50)', unit: 'ms', value: percentile(wall, 50) },
    { name: 'meetings: one meeting latency (p95)', unit: 'ms', value: percentile(wall, 95) },
    {
      name: 'meetings: one meeting − direct Graph read, paired per round (p50)',
      unit: 'ms',
      value: percentile(overGraph, 50),
    },
    {
      name: 'meetings: one meeting − direct Graph read, paired per round (p95)',
      unit: 'ms',
      value: percentile(overGraph, 95),
    },
  ];
}

/** The event as Confer reads it (graph-event-reader.ts), through the given Graph client. */
async function directGetEvent(graph: Client, eventId: string): Promise<void> {
  const body = (await graph
    .api(`/me/events/${encodeURIComponent(eventId)}`)
    .header('Prefer', PREFER_UTC)
    .select(EVENT_SELECT)
    .get()) as { id?: string };
  if (body.id !== eventId) throw new Error('the event read answered another event');
}

/** Graph operations devtenant served since the last reset. */
async function graphRequests(stack: Stack): Promise<number> {
  const response = await stack.devtenant.control('counters');
  return ((await response.json()) as { graphRequests: number }).graphRequests;
}
