import { describe, expect, it } from 'vitest';
import { createLocalLeases } from '../../adapters/memory/local-coordination.ts';
import { createLogger } from '../../logging/logger.ts';
import type { Leases } from '../../ports/replica-coordination.ts';
import { createLeadership } from './leadership.ts';

const logger = createLogger('silent');

async function until(condition: () => boolean, ms = 3_000): Promise<void> {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** A replica: its leadership, how many times it started and stopped work, and a switch that cuts it off. */
function replica(name: string, shared: Leases, clock: { now(): Date }) {
  let cut = false;
  const log: string[] = [];
  const leases: Leases = {
    hold: (...args) => (cut ? Promise.reject(new Error('database away')) : shared.hold(...args)),
    release: (...args) => (cut ? Promise.reject(new Error('database away')) : shared.release(...args)),
  };
  const leadership = createLeadership({
    leases,
    name: 'work',
    holder: name,
    clock,
    logger,
    ttlMs: 1_000,
    everyMs: 10,
    lead: async () => {
      log.push('start');
      return async () => {
        log.push('stop');
      };
    },
  });
  return { leadership, log, cut: () => (cut = true), heal: () => (cut = false) };
}

describe('leadership', () => {
  it('lets one replica lead; when it is cut off, it stops before another takes over', async () => {
    let now = 0;
    const clock = { now: () => new Date(now) };
    const shared = createLocalLeases();
    const a = replica('a', shared, clock);
    const b = replica('b', shared, clock);
    a.leadership.start();
    await until(() => a.leadership.leading());
    b.leadership.start();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(b.leadership.leading()).toBe(false);

    a.cut();
    now = 500;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(a.leadership.leading()).toBe(true);
    now = 995;
    await until(() => !a.leadership.leading());
    expect(b.leadership.leading()).toBe(false);
    now = 1_001;
    await until(() => b.leadership.leading());

    a.heal();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(a.leadership.leading()).toBe(false);
    expect(a.log).toEqual(['start', 'stop']);
    await b.leadership.stop();
    await a.leadership.stop();
  });

  it('hands over at once on a graceful stop, and a replica may lead again later', async () => {
    const clock = { now: () => new Date(0) };
    const shared = createLocalLeases();
    const a = replica('a', shared, clock);
    const b = replica('b', shared, clock);
    a.leadership.start();
    await until(() => a.leadership.leading());
    b.leadership.start();
    await a.leadership.stop();
    await until(() => b.leadership.leading());
    expect(a.log).toEqual(['start', 'stop']);
    expect(b.log).toEqual(['start']);
    await b.leadership.stop();
    expect(b.log).toEqual(['start', 'stop']);
  });
});
