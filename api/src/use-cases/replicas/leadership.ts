import type { Logger } from '../../logging/logger.ts';
import type { Clock } from '../../ports/clock.ts';
import type { Leases } from '../../ports/replica-coordination.ts';

export interface LeadershipOptions {
  leases: Leases;
  /** The lease's name: one leader per name. */
  name: string;
  /** This replica's id (unique per process start). */
  holder: string;
  clock: Clock;
  logger: Logger;
  /** Starts the leader's work; answers how to stop it. Called again should this replica lead again later. */
  lead(): Promise<() => Promise<void>>;
  /** How long a lease lasts without renewal: a dead leader's work moves within this, plus one `everyMs`. */
  ttlMs?: number;
  /** How often the leader renews and the others ask. */
  everyMs?: number;
}

export interface Leadership {
  /** Asks for the lease now and then on a timer. */
  start(): void;
  /** Stops the leader's work (if leading) and gives the lease up, so another replica takes over at once. */
  stop(): Promise<void>;
  leading(): boolean;
}

export const LEASE_TTL_MS = 6_000;
export const LEASE_EVERY_MS = 1_500;

/**
 * One replica at a time does the singleton work (reminder planning and delivery, the reconciler, Outlook sync's
 * timers, incident checks). The leader renews its lease well inside its length; another replica takes it only
 * once it has expired. A leader that cannot renew (the database away) keeps working until its lease would have
 * ended, then stops, so two leaders never work at once for longer than the clocks differ.
 */
export function createLeadership(options: LeadershipOptions): Leadership {
  const ttlMs = options.ttlMs ?? LEASE_TTL_MS;
  const everyMs = options.everyMs ?? LEASE_EVERY_MS;
  const { leases, name, holder, clock, logger } = options;
  let stopWork: (() => Promise<void>) | null = null;
  let heldUntil = 0;
  let timer: NodeJS.Timeout | null = null;
  let turn: Promise<void> = Promise.resolve();
  let stopped = false;

  const stepDown = async (why: string) => {
    const stop = stopWork;
    stopWork = null;
    if (!stop) return;
    // A stop asked for is routine; losing the lease is worth a warning.
    if (why === 'stopping') logger.info('stopping singleton work', { lease: name });
    else logger.warn('no longer leading; stopping singleton work', { lease: name, why });
    await stop().catch((error: unknown) => logger.error('singleton work failed to stop', { error }));
  };

  const ask = async () => {
    const now = clock.now().getTime();
    let held: boolean;
    try {
      held = await leases.hold(name, holder, now, now + ttlMs);
    } catch (error) {
      if (stopWork && clock.now().getTime() >= heldUntil - everyMs) await stepDown('lease could not be renewed');
      else if (stopWork) logger.warn('lease renewal failed; still within the lease', { lease: name, error });
      return;
    }
    if (!held) {
      await stepDown('another replica holds the lease');
      return;
    }
    heldUntil = now + ttlMs;
    if (stopWork || stopped) return;
    logger.info('leading: starting singleton work', { lease: name, holder });
    stopWork = await options.lead();
  };

  const tick = () => {
    turn = turn.then(ask).catch((error: unknown) => logger.error('leadership turn failed', { error }));
    return turn;
  };

  return {
    start() {
      if (timer || stopped) return;
      void tick();
      timer = setInterval(() => void tick(), everyMs);
      timer.unref();
    },
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      timer = null;
      await turn;
      const wasLeading = stopWork !== null;
      await stepDown('stopping');
      if (wasLeading) await leases.release(name, holder).catch(() => {});
    },
    leading: () => stopWork !== null,
  };
}
