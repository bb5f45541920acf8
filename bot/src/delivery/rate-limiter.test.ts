import { describe, expect, it } from 'vitest';
import { createRateLimiter } from './rate-limiter.ts';
import { TEAMS_LIMITS } from './teams-limits.ts';

function sendWhenAllowed(limiter: ReturnType<typeof createRateLimiter>, conversation: string, count: number, from = 0) {
  const times: number[] = [];
  let now = from;
  for (let index = 0; index < count; index++) {
    now += limiter.delayFor('t', conversation, now);
    limiter.record('t', conversation, now);
    times.push(now);
  }
  return times;
}

describe('rate limiter (Teams limits)', () => {
  it('lets 7 through in a second and the 8th of 2 s after that, then waits for the 2-second window', () => {
    const limiter = createRateLimiter({ limits: { ...TEAMS_LIMITS, perTenant: [] }, marginMs: 0 });
    expect(sendWhenAllowed(limiter, 'a', 10)).toEqual([0, 0, 0, 0, 0, 0, 0, 1000, 2000, 2000]);
  });

  it('holds a conversation to 60 per 30 s and 1,800 per hour', () => {
    const limiter = createRateLimiter({ limits: { ...TEAMS_LIMITS, perTenant: [] }, marginMs: 0 });
    const times = sendWhenAllowed(limiter, 'a', 1801);
    for (let index = 60; index < times.length; index++) {
      expect((times[index] as number) - (times[index - 60] as number)).toBeGreaterThanOrEqual(30_000);
    }
    expect((times[1800] as number) - (times[0] as number)).toBeGreaterThanOrEqual(3_600_000);
  });

  it('paces a tenant evenly at 50 per second across conversations', () => {
    const limiter = createRateLimiter({ limits: TEAMS_LIMITS, marginMs: 0 });
    const times: number[] = [];
    let now = 0;
    for (let index = 0; index < 200; index++) {
      const conversation = `c${index}`;
      now += limiter.delayFor('t', conversation, now);
      limiter.record('t', conversation, now);
      times.push(now);
    }
    // The first few go back to back (catch-up tolerance), then one every 20 ms.
    expect(times.slice(0, 7)).toEqual([0, 0, 0, 0, 0, 0, 20]);
    expect(times[199]).toBeCloseTo(3880, 6);
    for (let index = 50; index < times.length; index++) {
      expect((times[index] as number) - (times[index - 50] as number)).toBeGreaterThanOrEqual(1000 - 1e-9);
    }
  });

  it('lets a sender that fell behind catch up a few requests, never past the window', () => {
    const limiter = createRateLimiter({ limits: TEAMS_LIMITS, marginMs: 0 });
    let now = 0;
    for (let index = 0; index < 60; index++) {
      now += limiter.delayFor('t', `c${index}`, now);
      limiter.record('t', `c${index}`, now);
    }
    now += 500; // the event loop was busy
    const burst: number[] = [];
    for (let index = 0; index < 8; index++) {
      const delay = limiter.delayFor('t', `d${index}`, now);
      burst.push(delay);
      now += delay;
      limiter.record('t', `d${index}`, now);
    }
    expect(burst).toEqual([0, 0, 0, 0, 0, 0, 20, 20]);
  });

  it('adds the margin to every window and keeps tenants apart', () => {
    const limiter = createRateLimiter({ limits: { ...TEAMS_LIMITS, perTenant: [] }, marginMs: 25 });
    for (let index = 0; index < 7; index++) limiter.record('t', 'a', 0);
    expect(limiter.delayFor('t', 'a', 0)).toBe(1025);
    expect(limiter.delayFor('other', 'a', 0)).toBe(0);
  });

  it('holds a conversation paused by a Retry-After until then', () => {
    const limiter = createRateLimiter({ limits: TEAMS_LIMITS, marginMs: 0 });
    limiter.pause('t', 'a', 5000);
    expect(limiter.delayFor('t', 'a', 1000)).toBe(4000);
    expect(limiter.delayFor('t', 'b', 1000)).toBe(0);
  });
});
