import { availableParallelism, loadavg } from 'node:os';
import { Worker } from 'node:worker_threads';

/**
 * One call measured: the process's CPU time (user + system, every thread), the main thread's alone, and the wall
 * time it took.
 */
export interface Measured {
  cpuMs: number;
  mainThreadCpuMs: number;
  wallMs: number;
}

/**
 * Measures one call. The benchmark stacks run the app, devtenant and the benchmark's own client in this one
 * process, so the CPU counted is all three; figures come from differences between two calls that share
 * every part but the one measured.
 */
export async function measure(work: () => Promise<unknown>): Promise<Measured> {
  const cpu = process.cpuUsage();
  const thread = process.threadCpuUsage();
  const started = performance.now();
  await work();
  const wallMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  const usedHere = process.threadCpuUsage(thread);
  return { cpuMs: (used.user + used.system) / 1000, mainThreadCpuMs: (usedHere.user + usedHere.system) / 1000, wallMs };
}

/** Measurements of several kinds of call, taken in turns (see `interleave`). */
export type Runs<K extends string> = Record<K, Measured[]>;

/**
 * `runs` rounds of every call in `calls`, after `warmUp` unrecorded rounds; the order rotates each round so no
 * call always runs on a machine (caches, JIT, GC debt) the one before it just left.
 */
export async function interleave<K extends string>(
  calls: Record<K, (round: number) => Promise<unknown>>,
  runs: number,
  warmUp: number,
): Promise<Runs<K>> {
  const keys = Object.keys(calls) as K[];
  const out = Object.fromEntries(keys.map((k) => [k, [] as Measured[]])) as Runs<K>;
  for (let round = 0; round < warmUp + runs; round++) {
    const shift = round % keys.length;
    for (const key of [...keys.slice(shift), ...keys.slice(0, shift)]) {
      const measured = await measure(() => calls[key](round));
      if (round >= warmUp) out[key].push(measured);
    }
  }
  return out;
}

/** Mean CPU per call: the total over the run divided by the calls, so garbage collection is shared out fairly. */
export function cpuPerCall(runs: readonly Measured[]): number {
  return runs.reduce((sum, m) => sum + m.cpuMs, 0) / runs.length;
}

/** Mean main-thread CPU per call (see `cpuPerCall`). */
export function mainThreadCpuPerCall(runs: readonly Measured[]): number {
  return runs.reduce((sum, m) => sum + m.mainThreadCpuMs, 0) / runs.length;
}

/** The wall-time differences of two sides measured in the same rounds, round by round. */
export function pairedWallDifferences(side: readonly Measured[], base: readonly Measured[]): number[] {
  return side.map((m, i) => m.wallMs - (base[i] as Measured).wallMs);
}

/**
 * The 1-minute load average per core. Wall-time targets hold "on an idle machine": above
 * `IDLE_LOAD_PER_CORE` other work shares the cores, and a wall figure then says more about it than about us.
 */
export function loadPerCore(): number {
  return (loadavg()[0] ?? 0) / availableParallelism();
}

export const IDLE_LOAD_PER_CORE = 0.5;

export function describeLoad(): string {
  return `load average ${loadavg()[0]?.toFixed(1)} on ${availableParallelism()} cores`;
}

/** The request the benchmark sends the API, sent the same way to the bare server: the same headers and body. */
export interface EchoRequest {
  readonly authorization: string;
  /** JSON for a POST; a GET when absent. */
  readonly body?: string;
}

export interface EchoServer {
  readonly bytes: number;
  /** One call as the benchmark calls the API (tests/support/api-client.ts), the answer read and parsed. */
  call(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * A bare `node:http` server in a worker thread, answering `text` to any request. A call to it measured on the
 * main thread (`mainThreadCpuMs`) is what the benchmark's own client spends calling the API and reading an answer
 * of that size — work that is neither the app's nor devtenant's, to be taken out of the process's figure.
 */
export async function startEchoServer(text: string, request: EchoRequest): Promise<EchoServer> {
  const worker = new Worker(
    `const { parentPort, workerData } = require('node:worker_threads');
     const { createServer } = require('node:http');
     const server = createServer((req, res) => {
       req.resume();
       req.on('end', () => {
         res.setHeader('content-type', 'application/json; charset=utf-8');
         res.end(workerData);
       });
     });
     server.listen(0, '127.0.0.1', () => parentPort.postMessage(server.address().port));
     parentPort.on('message', () => server.close(() => parentPort.close()));`,
    { eval: true, workerData: text },
  );
  const port = await new Promise<number>((done, fail) => {
    worker.once('message', done);
    worker.once('error', fail);
  });
  const url = `http://127.0.0.1:${port}/`;
  return {
    bytes: Buffer.byteLength(text),
    async call() {
      const response = await fetch(url, {
        method: request.body === undefined ? 'GET' : 'POST',
        headers: {
          authorization: request.authorization,
          ...(request.body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: request.body,
      });
      JSON.parse(await response.text());
    },
    async stop() {
      const exited = new Promise((done) => worker.once('exit', done));
      worker.postMessage('stop');
      await exited;
    },
  };
}
