import { resyncCalendar } from './delta-backstop.ts';
import type { InboxReport } from './process-inbox.ts';
import { emptyReport, processInbox } from './process-inbox.ts';
import type { SyncDeps } from './sync-deps.ts';
import { alignSubscriptions, renewSubscriptions, unwatchCalendar, watchCalendar } from './watch-calendars.ts';

/** Processed notifications are kept a week: far longer than Graph's four hours of retries. */
const INBOX_KEEP_MS = 7 * 86_400_000;

export interface SyncWorkerOptions {
  /** How often the inbox is looked at when nothing wakes the worker. */
  pollMs?: number;
  /** How often subscriptions are renewed and aligned with meetings. */
  maintainMs?: number;
  /** How often every watched calendar gets a delta round. */
  resyncMs?: number;
}

export interface SyncWorker {
  /** What it runs on (the composition root hands the stores to the notification endpoint). */
  readonly deps: SyncDeps;
  /** At start: align subscriptions with meetings, resync every watched calendar (downtime), then run on timers. */
  start(): Promise<void>;
  /** A notification was recorded: process soon (once started). */
  wake(): void;
  /**
   * Someone organized a meeting: watch their calendar (in the background, once started; a failure is retried by
   * alignment).
   */
  watch(tenantId: string, userId: string): void;
  /** Someone disconnects: stop watching their calendar while their token still works. */
  unwatch(tenantId: string, userId: string): Promise<void>;
  /** One pass over the inbox now (tests and benchmarks drive the worker with it). */
  drain(): Promise<InboxReport>;
  /** Everything every inbox pass did since the worker was made (reads, echoes, applied changes…). */
  totals(): InboxReport;
  /** Every watched calendar gets a delta round now. */
  resyncAll(): Promise<number>;
  /** Renewal and alignment now. */
  maintain(): Promise<void>;
  /**
   * In the background: renewal and alignment, then a delta round of every watched calendar. After an admin turns
   * the integration back on or switches the connection mode, what changed in Outlook meanwhile (notifications
   * that arrived while it was off were not applied) is read at once rather than at the next six-hourly round.
   */
  catchUp(): void;
  /**
   * In the background, after someone connected or reconnected their calendar: a delta round of it when Confer
   * watches it (what Outlook sent while Confer could not read it was not applied), or alignment when Confer should
   * watch it and does not yet (a refused subscription is asked for again only after reconnecting).
   */
  reconnected(tenantId: string, userId: string): void;
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
  const totals = emptyReport();
  let started = false;
  let stopped = false;
  const live = () => started && !stopped;

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
      let report = addTo(totals, await processInbox(deps));
      while (again && !stopped) {
        again = false;
        report = addTo(totals, await processInbox(deps));
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
    const watched = await deps.subscriptions.listActive();
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
    const pruned = await deps.inbox.pruneProcessed(
      new Date(deps.scheduling.clock.now().getTime() - INBOX_KEEP_MS).toISOString(),
    );
    logger.info('Outlook subscriptions maintained', { ...renewed, ...aligned, pruned });
  }

  return {
    deps,
    async start() {
      // Started again after a stop when this replica leads again (leadership.ts).
      if (live()) return;
      started = true;
      stopped = false;
      for (const timer of timers.splice(0)) clearInterval(timer);
      timers.push(setInterval(() => track(drain()), options.pollMs ?? 5_000));
      timers.push(setInterval(() => track(maintain()), options.maintainMs ?? 30 * 60_000));
      timers.push(setInterval(() => track(resyncAll()), options.resyncMs ?? 6 * 3_600_000));
      for (const timer of timers) timer.unref();
      // The first pass of each; a failure is logged and the timers try again.
      const first = (async () => {
        await maintain();
        await resyncAll();
        await drain();
      })();
      track(first);
      await first.catch(() => undefined);
    },
    wake() {
      if (live()) track(drain());
    },
    watch(tenantId, userId) {
      if (live()) track(watchCalendar(deps, tenantId, userId));
    },
    async unwatch(tenantId, userId) {
      try {
        await unwatchCalendar(deps, tenantId, userId, 'disconnected');
      } catch (error) {
        // Disconnecting never waits on Graph: the records say removed (their notifications are ignored from now
        // on) and Graph's copy lapses at its expiry.
        logger.warn('could not delete a disconnected calendar subscription; it lapses', { userId, error });
        for (const subscription of await deps.subscriptions.findByUser(tenantId, userId)) {
          if (subscription.status.state === 'active')
            await deps.subscriptions.markRemoved(subscription.id, 'disconnected');
        }
      }
    },
    drain,
    totals: () => structuredClone(totals),
    resyncAll,
    maintain,
    catchUp() {
      if (live()) track(maintain().then(resyncAll));
    },
    reconnected(tenantId, userId) {
      if (!live()) return;
      track(
        (async () => {
          const mine = await deps.subscriptions.findByUser(tenantId, userId);
          if (mine.some((s) => s.status.state === 'active')) await resyncCalendar(deps, tenantId, userId);
          else await alignSubscriptions(deps);
        })(),
      );
    },
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

/** Adds a pass's figures to the running totals; answers the pass's own report. */
function addTo(totals: InboxReport, pass: InboxReport): InboxReport {
  for (const key of ['processed', 'reads', 'echoes', 'foreign', 'resynced', 'seriesChanges', 'deferred'] as const) {
    totals[key] += pass[key];
  }
  for (const outcome of Object.keys(pass.applied) as (keyof InboxReport['applied'])[]) {
    totals.applied[outcome] += pass.applied[outcome];
  }
  return pass;
}
