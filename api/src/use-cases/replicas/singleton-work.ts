import type { DeliveryWorker } from '@confer/bot/delivery';
import type { Logger } from '../../logging/logger.ts';
import type { FollowThroughWorker } from '../follow-through/follow-through-worker.ts';
import type { IncidentMonitor } from '../incidents/incident-monitor.ts';
import { type ReminderDeps, startDeliveryJobs } from '../reminders/index.ts';
import { reconcileMeetings } from '../scheduling/reconcile-meetings.ts';
import type { SchedulingDeps } from '../scheduling/scheduling-deps.ts';
import type { SyncWorker } from '../sync/sync-worker.ts';

/** How often half-done creates are looked for while running. */
export const RECONCILE_EVERY_MS = 5 * 60_000;

export interface SingletonWorkDeps {
  scheduling: SchedulingDeps;
  delivery: DeliveryWorker;
  reminders: ReminderDeps;
  sync: SyncWorker;
  incidents: IncidentMonitor;
  /** Attendance collection and cadence nudges; absent in tests that start only the rest. */
  followThrough?: FollowThroughWorker;
  tenantId: string;
  logger: Logger;
}

/**
 * Starts the work one replica does for all (leadership.ts): proactive delivery and the reminder horizon, the
 * reconciler, Outlook sync and incident checks. Nothing here waits for a first pass to finish, so the leader
 * keeps renewing its lease however slow Graph is. Answers how to stop it all.
 */
export async function startSingletonWork(deps: SingletonWorkDeps): Promise<() => Promise<void>> {
  const { logger } = deps;
  // Proactive messages go out from the queue the store keeps; a message a previous leader left in doubt is
  // confirmed or resent by the worker, never dropped.
  const delivery = await startDeliveryJobs({
    worker: deps.delivery,
    reminders: deps.reminders,
    tenantId: deps.tenantId,
    logger: logger.child({ part: 'delivery' }),
  });
  // Creates a previous run left half-done (intent recorded, store not completed) are finished first, then
  // periodically: a save can also fail in a process that keeps running.
  const reconcile = () =>
    reconcileMeetings(deps.scheduling).then(
      (report) => logger.info('reconciled interrupted creates', { ...report }),
      (error: unknown) => logger.error('reconciler failed', { error }),
    );
  void reconcile();
  const timer = setInterval(reconcile, RECONCILE_EVERY_MS);
  timer.unref();
  // Outlook sync: subscriptions aligned with meetings, every watched calendar resynced (changes made while no
  // replica was leading), then its timers run.
  deps.sync
    .start()
    .catch((error: unknown) => logger.error('Outlook sync failed to start; its timers retry', { error }));
  // Incidents are evaluated from the start (a consent revoked meanwhile is reported at once).
  void deps.incidents.start();
  // Attendance of ended meetings is read, and pairs past their rhythm nudged, by the leader alone.
  deps.followThrough?.start();
  return async () => {
    clearInterval(timer);
    await Promise.all([
      delivery.stop(),
      deps.sync.stop(),
      deps.incidents.stop(),
      deps.followThrough?.stop() ?? Promise.resolve(),
    ]);
  };
}
