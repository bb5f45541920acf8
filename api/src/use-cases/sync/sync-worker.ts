import { resyncCalendar } from './delta-backstop.ts';
import type { InboxReport } from './process-inbox.ts';
import { processInbox } from './process-inbox.ts';
import type { SyncDeps } from './sync-deps.ts';
import { alignSubscriptions, renewSubscriptions, unwatchCalendar, watchCalendar } from './watch-calendars.ts';

export interface SyncWorkerOptions {
  /** How often the inbox is looked at when nothing wakes the worker. */
  pollMs?: number;
  /** How often subscriptions are renewed and aligned with meetings. */
  maintainMs?: number;
  /** How often every watched calendar gets a delta round. */
  resyncMs?: number;
}

export interface SyncWorker {
  /** At start: align subscriptions with meetings, resync every watched calendar (downtime), then run on timers. */
  start(): Promise<void>;
  /** A notification was recorded: process soon. */
  wake(): void;
  /** Someone organized a meeting: watch their calendar (in the background; a failure is retried by alignment). */
  watch(tenantId: string, userId: string): void;
  /** Someone disconnects: stop watching their calendar while their token still works. */
  unwatch(tenantId: string, userId: string): Promise<void>;
  /** One pass over the inbox now (tests and benchmarks drive the worker with it). */
  drain(): Promise<InboxReport>;
  /** Every watched calendar gets a delta round now. */
  resyncAll(): Promise<number>;
  /** Renewal and alignment now. */
  maintain(): Promise<void>;
  /** Waits for background work started by `wake` and `watch`. */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Runs Outlook sync in the app process: one inbox pass at a time (a wake during a pass runs another after it),
 * renewal and alignment on a timer, and a periodic delta round of every watched calendar.
 */
export function createSyncWorker(deps: SyncDeps, options: SyncWorkerOptions = {}): SyncWorker {
  const logger = deps.scheduling.logger;
  const timers: NodeJS.Timeout[] = [];
  let running: Promise<InboxReport> | null = null;
  let again = false;
  const background = new Set<Promise<unknown>>();
  let stopped = false;

  function track(work: Promise<unknown>) {
    const settled = work.catch((error: unknown) => logger.error('Outlook sync failed', { error }));
    background.add(settled);
    void settled.finally(() => background.delete(settled));
  }

  async function drain(): Promise<InboxReport> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      let report = await processInbox(deps);
      while (again && !stopped) {
        again = false;
        report = await processInbox(deps);
      }
      return report;
    })();
    try {
      return await running;
    } finally {
      running = null;
    }
  }

  async function resyncAll(): Promise<number> {
    const watched = await deps.subscriptions.listExpiringBefore('9999-12-31T00:00:00.000Z');
    let count = 0;
    for (const subscription of watched) {
      try {
        await resyncCalendar(deps, subscription.tenantId, subscription.userId);
        count += 1;
      } catch (error) {
        logger.warn('delta resync failed; will retry', { userId: subscription.userId, error });
      }
    }
    return count;
  }

  async function maintain(): Promise<void> {
    const renewed = await renewSubscriptions(deps);
    const aligned = await alignSubscriptions(deps);
    logger.info('Outlook subscriptions maintained', { ...renewed, ...aligned });
  }

  return {
    async start() {
      await maintain();
      await resyncAll();
      await drain();
      timers.push(setInterval(() => track(drain()), options.pollMs ?? 5_000));
      timers.push(setInterval(() => track(maintain()), options.maintainMs ?? 30 * 60_000));
      timers.push(setInterval(() => track(resyncAll()), options.resyncMs ?? 6 * 3_600_000));
      for (const timer of timers) timer.unref();
    },
    wake() {
      if (!stopped) track(drain());
    },
    watch(tenantId, userId) {
      if (!stopped) track(watchCalendar(deps, tenantId, userId));
    },
    async unwatch(tenantId, userId) {
      await unwatchCalendar(deps, tenantId, userId, 'disconnected');
    },
    drain,
    resyncAll,
    maintain,
    async idle() {
      while (background.size > 0) await Promise.all([...background]);
    },
    async stop() {
      stopped = true;
      for (const timer of timers) clearInterval(timer);
      while (background.size > 0) await Promise.all([...background]);
    },
  };
}
