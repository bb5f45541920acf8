/** The tenant's clock: every token time, expiry, throttling window and calendar "now" reads it. */
export interface ControllableClock {
  now(): Date;
  advance(ms: number): void;
  set(instant: Date): void;
}

/**
 * A clock that runs with real time from `start` on and can be moved (forward by tests, to let tokens,
 * subscriptions and reminders expire without waiting). Moving it backwards is refused: Graph state
 * (etags, delta tokens, expiries) assumes time only grows.
 */
export function createControllableClock(start?: Date, realNow: () => number = Date.now): ControllableClock {
  let offset = start ? start.getTime() - realNow() : 0;
  return {
    now: () => new Date(realNow() + offset),
    advance(ms) {
      if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`The clock only moves forward; got ${ms} ms.`);
      offset += ms;
    },
    set(instant) {
      const target = instant.getTime();
      if (Number.isNaN(target)) throw new RangeError('The clock cannot be set to an invalid date.');
      const current = realNow() + offset;
      if (target < current)
        throw new RangeError(`The clock only moves forward; ${instant.toISOString()} is in the past.`);
      offset += target - current;
    },
  };
}
