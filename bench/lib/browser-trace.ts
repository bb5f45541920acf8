/**
 * Main-thread JavaScript time from a Chrome performance trace (the DevTools "Performance" panel's data), read
 * through Playwright's CDP session. CPU time spent running script is a stable figure on a shared machine: it
 * does not grow while the page waits for the network or for another process, as wall-clock time does.
 */
import type { BrowserContext, Page } from 'playwright-core';

/** A trace event as Chrome reports it (Trace Event Format: `ts` and `dur` in microseconds). */
export interface TraceEvent {
  readonly name: string;
  readonly cat: string;
  readonly ph: string;
  readonly pid: number;
  readonly tid: number;
  readonly ts: number;
  readonly dur?: number;
  /** Thread time (CPU the thread itself ran), where Chrome records it: `tts` start, `tdur` length. */
  readonly tts?: number;
  readonly tdur?: number;
  readonly args?: { readonly name?: string; readonly data?: Record<string, unknown> };
}

export interface ScriptProfile {
  /**
   * Milliseconds of CPU the renderer's main thread spent running JavaScript (compile, evaluate, callbacks,
   * microtasks): thread time, so the time the thread waited for a core other processes held is not counted.
   * Style and layout that script forces (reading `offsetWidth` on a changed page, say) are not JavaScript: the
   * browser would do that work for the next frame anyway, and DevTools counts it as rendering. It is left out
   * here and reported as `forcedRenderingMs`.
   */
  readonly scriptMs: number;
  /** Style recalculation and layout run synchronously inside script (forced), in thread time. */
  readonly forcedRenderingMs: number;
  /** Main-thread tasks longer than 50 ms (the Long Tasks API's threshold), and their total length. */
  readonly longTasks: number;
  readonly longTaskMs: number;
}

/**
 * Events that run JavaScript on the main thread. They nest (a TimerFire holds a FunctionCall holds a v8.compile,
 * microtasks run inside a task), so time is counted as the union of their intervals, each instant once.
 */
const SCRIPT_EVENTS = new Set([
  'EvaluateScript',
  'v8.compile',
  'v8.compileModule',
  'v8.evaluateModule',
  'v8.produceCache',
  'v8.produceModuleCache',
  'FunctionCall',
  'TimerFire',
  'EventDispatch',
  'FireAnimationFrame',
  'FireIdleCallback',
  'RunMicrotasks',
  'V8.RunMicrotasks',
  'XHRReadyStateChange',
  'XHRLoad',
]);
/** Rendering work that can run nested inside script when script forces it. */
const RENDERING_EVENTS = new Set(['Layout', 'UpdateLayoutTree', 'RecalculateStyles']);
const LONG_TASK_US = 50_000;
const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink.user_timing'];

export interface Tracer {
  /** Stops tracing and answers every event collected (see `profileOf`). */
  stop(): Promise<TraceEvent[]>;
}

/** Starts a trace of everything Chromium does (all processes) while the page navigates and runs. */
export async function startTrace(context: BrowserContext, page: Page): Promise<Tracer> {
  const session = await context.newCDPSession(page);
  const events: TraceEvent[] = [];
  session.on('Tracing.dataCollected', ({ value }) => {
    events.push(...(value as unknown as TraceEvent[]));
  });
  await session.send('Tracing.start', {
    traceConfig: { includedCategories: CATEGORIES },
    transferMode: 'ReportEvents',
  });
  return {
    async stop() {
      const complete = new Promise<void>((done) => session.once('Tracing.tracingComplete', () => done()));
      await session.send('Tracing.end');
      await complete;
      await session.detach();
      return events;
    },
  };
}

/** The renderer main threads that showed a page of `origin`, from the start of the trace up to `mark`. */
export function profileOf(events: readonly TraceEvent[], origin: string, mark?: string): ScriptProfile {
  const threads = pageMainThreads(events, origin);
  const until = mark ? markTime(events, mark) : Number.POSITIVE_INFINITY;
  const onPage = events.filter((e) => e.ph === 'X' && threads.has(`${e.pid}:${e.tid}`) && e.ts < until);
  const threadIntervals = (names: ReadonlySet<string>) =>
    merged(
      onPage
        .filter((e) => names.has(e.name) && e.tts !== undefined && e.tdur !== undefined)
        .map((e): [number, number] => [e.tts ?? 0, (e.tts ?? 0) + (e.tdur ?? 0)]),
    );
  const script = threadIntervals(SCRIPT_EVENTS);
  const forced = overlapLength(script, threadIntervals(RENDERING_EVENTS));
  const long = onPage.filter((e) => e.name === 'RunTask' && (e.dur ?? 0) > LONG_TASK_US);
  return {
    scriptMs: (totalLength(script) - forced) / 1000,
    forcedRenderingMs: forced / 1000,
    longTasks: long.length,
    longTaskMs: long.reduce((sum, e) => sum + (e.dur ?? 0), 0) / 1000,
  };
}

/**
 * `CrRendererMain` of every renderer process that committed a frame of `origin` (a framed tab of the same origin
 * shares its parent's process and thread), so about:blank's and other sites' processes are left out.
 */
function pageMainThreads(events: readonly TraceEvent[], origin: string): Set<string> {
  const pids = new Set<number>();
  for (const event of events) {
    const data = event.args?.data;
    if (event.name === 'TracingStartedInBrowser' && Array.isArray(data?.frames)) {
      for (const frame of data.frames as { url?: string; processId?: number }[]) {
        if (frame.url?.startsWith(origin) && frame.processId) pids.add(frame.processId);
      }
    }
    if (event.name === 'FrameCommittedInBrowser' && typeof data?.url === 'string' && data.url.startsWith(origin)) {
      if (typeof data.processId === 'number') pids.add(data.processId);
    }
  }
  const threads = new Set<string>();
  for (const event of events) {
    if (
      event.ph === 'M' &&
      event.name === 'thread_name' &&
      event.args?.name === 'CrRendererMain' &&
      pids.has(event.pid)
    ) {
      threads.add(`${event.pid}:${event.tid}`);
    }
  }
  return threads;
}

/** The trace time of the page's `performance.mark(name)` (its first), or +∞ when it is not in the trace. */
function markTime(events: readonly TraceEvent[], name: string): number {
  const found = events.find((e) => e.cat.includes('blink.user_timing') && e.name === name);
  return found ? found.ts : Number.POSITIVE_INFINITY;
}

/** The union of `intervals` as sorted, disjoint intervals. */
function merged(intervals: readonly [number, number][]): [number, number][] {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
  const result: [number, number][] = [];
  for (const [from, to] of sorted) {
    const last = result.at(-1);
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else result.push([from, to]);
  }
  return result;
}

function totalLength(intervals: readonly [number, number][]): number {
  return intervals.reduce((sum, [from, to]) => sum + (to - from), 0);
}

/** How much of the disjoint sorted intervals `a` the disjoint sorted intervals `b` cover. */
function overlapLength(a: readonly [number, number][], b: readonly [number, number][]): number {
  let total = 0;
  let j = 0;
  for (const [from, to] of a) {
    while (j < b.length && (b[j]?.[1] ?? 0) <= from) j++;
    for (let k = j; k < b.length && (b[k]?.[0] ?? 0) < to; k++) {
      const [bFrom, bTo] = b[k] ?? [0, 0];
      total += Math.min(to, bTo) - Math.max(from, bFrom);
    }
  }
  return total;
}
