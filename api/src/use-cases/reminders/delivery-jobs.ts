import type { DeliveryWorker } from '@confer/bot/delivery';
import type { Logger } from '../../logging/logger.ts';
import { extendReminderHorizon, type ReminderDeps } from './schedule-reminders.ts';

export interface DeliveryJobsOptions {
  worker: DeliveryWorker;
  reminders: ReminderDeps;
  tenantId: string;
  logger: Logger;
  /** How often the reminder horizon moves on (daily: a series' next occurrence is at least a week away). */
  horizonEveryMs?: number;
}

export interface DeliveryJobs {
  stop(): Promise<void>;
}

const DAY_MS = 86_400_000;

/** The app's background delivery: the worker, and the daily job that queues reminders of long series. */
export async function startDeliveryJobs(options: DeliveryJobsOptions): Promise<DeliveryJobs> {
  const { worker, reminders, tenantId, logger } = options;
  const extend = () =>
    extendReminderHorizon(reminders, tenantId).then(
      (planned) => logger.info('reminder horizon extended', { tenantId, planned }),
      (error: unknown) => logger.error('reminder horizon job failed', { tenantId, error }),
    );
  await worker.start();
  void extend();
  const timer = setInterval(() => void extend(), options.horizonEveryMs ?? DAY_MS);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await worker.stop();
    },
  };
}
