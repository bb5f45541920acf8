import { GIVE_UP_AFTER_MS } from '../../domain/follow-through/attendance-schedule.ts';
import { type CadenceScanReport, scanCadence } from './cadence-scan.ts';
import { closeUntold, collectDueAttendance, planEndedOccurrences } from './collect-attendance.ts';
import type { FollowThroughDeps } from './follow-through-deps.ts';

/** How often ended meetings are looked for and due reports read. */
export const ATTENDANCE_EVERY_MS = 60_000;
/** How often the pairs are scanned for nudges. */
export const CADENCE_EVERY_MS = 60 * 60_000;
/** Each planning pass looks back over its previous window by this much (a meeting saved late is still seen). */
const OVERLAP_MS = 10 * 60_000;

export interface FollowThroughWorker {
  /** One attendance pass: plan what ended since the last pass, read due reports, close untold ones. */
  attendancePass(): Promise<void>;
  cadencePass(): Promise<CadenceScanReport>;
  start(): void;
  stop(): Promise<void>;
}

/**
 * The leader's follow-through work. A new leader first plans everything that ended within the wait for a report
 * (a previous leader may have stopped at any point: planning is idempotent), then moves on from there.
 */
export function createFollowThroughWorker(deps: FollowThroughDeps, tenantId: string): FollowThroughWorker {
  let plannedUntil: Date | null = null;
  let timers: NodeJS.Timeout[] = [];
  let running: Promise<unknown> = Promise.resolve();

  async function attendancePass(): Promise<void> {
    const now = deps.clock.now();
    const from = plannedUntil
      ? new Date(plannedUntil.getTime() - OVERLAP_MS)
      : new Date(now.getTime() - GIVE_UP_AFTER_MS);
    const planned = await planEndedOccurrences(deps, from, now);
    plannedUntil = now;
    const collected = await collectDueAttendance(deps);
    const closed = await closeUntold(deps);
    if (planned + collected.read + closed > 0) {
      deps.logger.info('attendance pass', { planned, ...collected, closed });
    }
  }

  async function cadencePass(): Promise<CadenceScanReport> {
    const report = await scanCadence(deps, tenantId);
    if (report.due > 0) deps.logger.info('cadence scan', { ...report });
    return report;
  }

  /** Passes never overlap: each waits for the one before. */
  function serial(task: () => Promise<unknown>, name: string): () => void {
    return () => {
      running = running.then(task).catch((error: unknown) => deps.logger.error(`${name} failed`, { error }));
    };
  }

  return {
    attendancePass,
    cadencePass,
    start() {
      const attendance = serial(attendancePass, 'attendance pass');
      const cadence = serial(cadencePass, 'cadence scan');
      attendance();
      cadence();
      timers = [setInterval(attendance, ATTENDANCE_EVERY_MS), setInterval(cadence, CADENCE_EVERY_MS)];
      for (const timer of timers) timer.unref();
    },
    async stop() {
      for (const timer of timers) clearInterval(timer);
      timers = [];
      await running;
    },
  };
}
