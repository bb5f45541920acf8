/**
 * The admin's access test against the real stack (tenant-wide mode): devtenant + the app in-process.
 * 1. Graph requests for a test of 100 people, counted by devtenant: target ≤ 10 (getSchedule 20 people a request,
 *    mailbox settings 20 to a `$batch`). Baseline in the same run: the same checks unbatched, one getSchedule and
 *    one mailboxSettings read per person.
 * 2. Wall time of that test (median), beside one plain getSchedule of 20 people with an application token, runs
 *    interleaved so machine load cancels out.
 * Confer lists 100 people: the 33 of the local directory and 67 who have since left it (devtenant has 33 people).
 */
import { performance } from 'node:perf_hooks';
import { SEED_PEOPLE } from '../devtenant/src/directory/seed-people.ts';
import { apiAs } from '../tests/support/api-client.ts';
import { rememberPeople } from '../tests/support/known-people.ts';
import { PEOPLE, type Stack, startStack } from '../tests/support/stack.ts';
import type { BenchResult } from './lib/results.ts';
import { median } from './lib/stats.ts';

const DOMAIN = 'contoso.onmicrosoft.com';
const PEOPLE_COUNT = 100;
const RUNS = 7;
const WARM_UP_RUNS = 2;
const DAY_MS = 24 * 3_600_000;

interface Counted {
  httpRequests: number;
  graphRequests: number;
}

export async function benchAccessTest(): Promise<BenchResult[]> {
  const stack = await startStack({ tabDir: null, connectionMode: 'tenant' });
  try {
    const everyone = await knowHundred(stack);
    const test = await requestsPerTest(stack);
    const unbatched = await unbatchedRequests(stack, everyone);
    const times = await wallTimes(stack, everyone.slice(0, 20));
    process.stdout.write(
      `  access test of ${test.tested}: ${test.counted.httpRequests} Graph requests (${test.counted.graphRequests} operations, ` +
        `${test.succeeded} succeeded); unbatched: ${unbatched} requests\n` +
        `  wall time: access test ${times.test.toFixed(0)} ms, one getSchedule of 20 ${times.getSchedule.toFixed(0)} ms (medians of ${RUNS})\n`,
    );
    return [
      {
        name: `access test: Graph requests for ${PEOPLE_COUNT} people (tenant-wide)`,
        unit: 'requests',
        value: test.counted.httpRequests,
        target: 10,
        baseline: unbatched,
        better: 'lower',
      },
      {
        name: 'access test: Graph operations (inner $batch requests each)',
        unit: 'operations',
        value: test.counted.graphRequests,
      },
      {
        name: `access test: wall time for ${PEOPLE_COUNT} people (median)`,
        unit: 'ms',
        value: times.test,
        baseline: times.getSchedule,
        better: 'lower',
      },
      { name: 'access test: wall time ÷ one getSchedule of 20', unit: '×', value: times.test / times.getSchedule },
    ];
  } finally {
    await stack.stop();
  }
}

async function knowHundred(stack: Stack): Promise<{ userId: string; email: string }[]> {
  const directory = SEED_PEOPLE.map((p) => ({
    userId: p.id,
    email: `${p.alias}@${DOMAIN}`,
    displayName: `${p.givenName} ${p.surname}`,
  }));
  const former = Array.from({ length: PEOPLE_COUNT - directory.length }, (_, i) => ({
    userId: `9c0f0000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    email: `former${i}@${DOMAIN}`,
    displayName: `Former colleague ${i}`,
  }));
  await rememberPeople(stack, [...directory, ...former]);
  return [...directory, ...former];
}

async function runAccessTest(stack: Stack): Promise<{ tested: number; succeeded: number }> {
  const answer = await apiAs(stack, PEOPLE.megan.id).post('/api/admin/access-tests', { sampleSize: PEOPLE_COUNT });
  if (answer.status !== 201) throw new Error(`access test answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  return answer.body as { tested: number; succeeded: number };
}

async function requestsPerTest(stack: Stack) {
  await control(stack, 'counters/reset');
  const test = await runAccessTest(stack);
  if (test.tested !== PEOPLE_COUNT) throw new Error(`tested ${test.tested} people, not ${PEOPLE_COUNT}`);
  return { ...test, counted: await counters(stack) };
}

/** The same reads one person at a time: one getSchedule and one mailboxSettings GET each. */
async function unbatchedRequests(stack: Stack, everyone: readonly { userId: string; email: string }[]) {
  const token = await stack.appGraphToken();
  await control(stack, 'counters/reset');
  for (const person of everyone) {
    await getSchedule(stack, token, [person.email]);
    await graph(stack, token, `/users/${encodeURIComponent(person.userId)}/mailboxSettings?$select=timeZone`);
  }
  return (await counters(stack)).httpRequests;
}

async function wallTimes(stack: Stack, twenty: readonly { email: string }[]) {
  const token = await stack.appGraphToken();
  const times = { test: [] as number[], getSchedule: [] as number[] };
  for (let run = 0; run < WARM_UP_RUNS + RUNS; run++) {
    let started = performance.now();
    await runAccessTest(stack);
    const test = performance.now() - started;
    started = performance.now();
    await getSchedule(
      stack,
      token,
      twenty.map((p) => p.email),
    );
    const plain = performance.now() - started;
    if (run < WARM_UP_RUNS) continue;
    times.test.push(test);
    times.getSchedule.push(plain);
  }
  return { test: median(times.test), getSchedule: median(times.getSchedule) };
}

async function getSchedule(stack: Stack, token: string, schedules: readonly string[]): Promise<void> {
  const start = stack.devtenant.clock.now();
  const body = {
    schedules,
    startTime: { dateTime: start.toISOString().replace(/Z$/, ''), timeZone: 'UTC' },
    endTime: { dateTime: new Date(start.getTime() + DAY_MS).toISOString().replace(/Z$/, ''), timeZone: 'UTC' },
    availabilityViewInterval: 60,
  };
  await graph(stack, token, `/users/${PEOPLE.megan.id}/calendar/getSchedule`, body);
}

async function graph(stack: Stack, token: string, path: string, body?: unknown): Promise<unknown> {
  const response = await stack.trustedFetch(`${stack.devtenant.origin}/v1.0${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const answer = await response.json();
  // A person the directory no longer knows is an answer too (404), as it is for the access test.
  if (response.status >= 500 || response.status === 429)
    throw new Error(`Graph answered ${response.status} for ${path}`);
  return answer;
}

async function control(stack: Stack, path: string): Promise<void> {
  const response = await stack.devtenant.control(path, {});
  if (!response.ok) throw new Error(`devtenant ${path} answered ${response.status}`);
}

async function counters(stack: Stack): Promise<Counted> {
  return (await (await stack.devtenant.control('counters')).json()) as Counted;
}
