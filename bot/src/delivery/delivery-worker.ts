import { describeError } from '../describe-error.ts';
import type { DeliveryDeps } from './delivery-deps.ts';
import { limitKeyOf, prepareJob, type ReadyJob, runJob } from './job-handler.ts';

export interface DeliveryWorker {
  /** Starts claiming and sending; rebuilds the rate limits from the last hour's sends first. */
  start(): Promise<void>;
  /** Stops claiming, waits for requests in flight, and gives back what it held unsent. */
  stop(): Promise<void>;
  /** Looks for due messages now (after an enqueue, or after a test moved the clock). */
  wake(): void;
}

const HOUR_MS = 3_600_000;

/**
 * Claims due messages in batches and sends each as soon as Teams' limits allow: one timer for the
 * earliest instant a held message may go, never a busy wait. Several workers (or processes) may run on
 * one store; a claim is exclusive until its lease ends.
 */
export function createDeliveryWorker(deps: DeliveryDeps): DeliveryWorker {
  const { tuning, clock, logger } = deps;
  const ready: ReadyJob[] = [];
  const inFlight = new Set<Promise<void>>();
  let running = false;
  let loop: Promise<void> | null = null;
  let wakeUp: (() => void) | null = null;
  let woken = false;

  const wake = () => {
    woken = true;
    wakeUp?.();
  };

  async function fill(): Promise<void> {
    const room = tuning.batchSize - ready.length - inFlight.size;
    if (room < tuning.batchSize / 2) return;
    const now = clock.now();
    const jobs = await deps.store.claim({
      now,
      limit: room,
      claimToken: deps.newId(),
      leaseUntil: new Date(now.getTime() + tuning.leaseMs),
    });
    const prepared = await Promise.all(jobs.map((job) => prepareJob(deps, job)));
    for (const job of prepared) if (job) ready.push(job);
  }

  /** Starts every held job its limits allow now; answers how long until the next one may go. */
  async function dispatch(): Promise<number> {
    let nextMs = Number.POSITIVE_INFINITY;
    for (let index = 0; index < ready.length; ) {
      const item = ready[index] as ReadyJob;
      const now = clock.now().getTime();
      const limitKey = limitKeyOf(item);
      const delay = deps.limiter.delayFor(item.target.tenantId, limitKey, now);
      if (delay === 0) {
        ready.splice(index, 1);
        deps.limiter.record(item.target.tenantId, limitKey, now);
        launch(item, new Date(now));
      } else if (delay > tuning.holdMs) {
        ready.splice(index, 1);
        await giveBack(item, new Date(now + delay));
      } else {
        nextMs = Math.min(nextMs, delay);
        index++;
      }
    }
    return nextMs;
  }

  function launch(item: ReadyJob, startedAt: Date): void {
    const task = runJob(deps, item, startedAt)
      .then((again) => {
        if (again) ready.unshift(again);
      })
      .catch((error: unknown) => {
        // A store write failed mid-job: the lease runs out and the job is taken over (and confirmed).
        logger.error('delivery.job_failed', { key: item.job.message.key, error: describeError(error) });
      })
      .finally(() => {
        inFlight.delete(task);
        wake();
      });
    inFlight.add(task);
  }

  async function giveBack(item: ReadyJob, notBefore: Date): Promise<void> {
    await deps.store.release(item.job, {
      notBefore,
      error: null,
      inDoubt: item.job.state === 'sending',
      countAttempt: false,
    });
  }

  async function sleep(ms: number): Promise<void> {
    if (woken) {
      woken = false;
      return;
    }
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, Math.max(0, ms));
      function done() {
        clearTimeout(timer);
        wakeUp = null;
        woken = false;
        resolve();
      }
      wakeUp = done;
    });
  }

  async function untilNextDue(limitMs: number): Promise<number> {
    if (ready.length > 0 || inFlight.size > 0) return limitMs;
    const next = await deps.store.nextDue();
    if (!next) return limitMs;
    return Math.min(limitMs, Math.max(0, next.getTime() - clock.now().getTime()));
  }

  async function run(): Promise<void> {
    while (running) {
      try {
        await fill();
        const nextMs = await dispatch();
        if (!running) break;
        await sleep(await untilNextDue(Math.min(nextMs, tuning.pollMs)));
      } catch (error) {
        logger.error('delivery.loop_failed', { error: describeError(error) });
        await sleep(tuning.pollMs);
      }
    }
  }

  return {
    async start() {
      if (running) return;
      const now = clock.now();
      for (const send of await deps.store.recentSends(new Date(now.getTime() - HOUR_MS))) {
        deps.limiter.record(send.tenantId, send.conversationId, send.sentAt);
      }
      running = true;
      loop = run();
    },
    async stop() {
      running = false;
      wake();
      await loop;
      await Promise.allSettled([...inFlight]);
      const held = ready.splice(0);
      await Promise.all(held.map((item) => giveBack(item, clock.now())));
    },
    wake,
  };
}
