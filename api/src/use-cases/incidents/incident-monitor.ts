import { type EvaluationReport, evaluateIncidents } from './evaluate-incidents.ts';
import type { IncidentDeps } from './incident-deps.ts';

/** How often incidents are evaluated when the app runs: often enough for a revoked consent to be reported soon. */
const EVALUATE_EVERY_MS = 10 * 60_000;

export interface IncidentMonitor {
  readonly deps: IncidentDeps;
  /** Evaluates now, then on a timer. */
  start(): Promise<void>;
  /** One evaluation now; while one runs, callers share it (never two at a time). */
  evaluate(): Promise<EvaluationReport>;
  stop(): Promise<void>;
}

/** Runs the incident evaluation in the app process, one at a time, like the sync worker's maintenance pass. */
export function createIncidentMonitor(deps: IncidentDeps, options: { everyMs?: number } = {}): IncidentMonitor {
  let running: Promise<EvaluationReport> | null = null;
  let timer: NodeJS.Timeout | null = null;

  function evaluate(): Promise<EvaluationReport> {
    if (running) return running;
    running = evaluateIncidents(deps).finally(() => {
      running = null;
    });
    return running;
  }

  function pass(): Promise<void> {
    return evaluate().then(
      (report) => deps.logger.debug('incidents evaluated', { ...report }),
      (error: unknown) => deps.logger.error('incident evaluation failed; retried on the next pass', { error }),
    );
  }

  return {
    deps,
    async start() {
      // Started again after a stop when this replica leads again (leadership.ts).
      if (timer) return;
      timer = setInterval(() => void pass(), options.everyMs ?? EVALUATE_EVERY_MS);
      timer.unref();
      await pass();
    },
    evaluate,
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await running?.catch(() => undefined);
    },
  };
}
