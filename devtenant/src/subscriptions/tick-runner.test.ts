import { describe, expect, it } from 'vitest';
import { TickRunner } from './tick-runner.ts';

function gatedWork() {
  const runs: string[] = [];
  let release: () => void = () => {};
  const work = () => {
    runs.push('start');
    return new Promise<void>((resolve) => {
      release = () => {
        runs.push('end');
        resolve();
      };
    });
  };
  return { runs, work, release: () => release() };
}

describe('TickRunner', () => {
  it('runs one tick at a time and runs once more for the ticks asked meanwhile', async () => {
    const gate = gatedWork();
    const runner = new TickRunner(gate.work, 60_000);
    const first = runner.tick();
    const second = runner.tick();
    const third = runner.tick();
    expect(second).toBe(third);
    expect(gate.runs).toEqual(['start']);
    gate.release();
    await first;
    await new Promise((resolve) => setImmediate(resolve));
    expect(gate.runs).toEqual(['start', 'end', 'start']);
    gate.release();
    await second;
    expect(gate.runs).toEqual(['start', 'end', 'start', 'end']);
    runner.close();
  });

  it('does not start background ticks once closed', async () => {
    let runs = 0;
    const runner = new TickRunner(async () => {
      runs += 1;
    }, 60_000);
    runner.soon();
    await new Promise((resolve) => setImmediate(resolve));
    expect(runs).toBe(1);
    runner.close();
    runner.soon();
    await new Promise((resolve) => setImmediate(resolve));
    expect(runs).toBe(1);
  });
});
