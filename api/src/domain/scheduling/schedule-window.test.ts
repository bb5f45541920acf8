import { describe, expect, it } from 'vitest';
import { itemsWithin, widenToSteps } from './schedule-window.ts';

const QUARTER = 15 * 60_000;
const DAY = 24 * 3_600_000;
const LIMIT = 62 * DAY;
const at = (iso: string) => new Date(iso);
const window = (start: string, end: string) => ({ start: at(start), end: at(end) });

describe('widenToSteps', () => {
  it.each([
    ['already on quarter hours', '2026-03-03T10:00:00Z', '2026-03-04T10:00:00Z', '10:00:00', '10:00:00'],
    ['a millisecond past', '2026-03-03T10:00:00.001Z', '2026-03-04T10:00:00.001Z', '10:00:00', '10:15:00'],
    ['a millisecond before', '2026-03-03T09:59:59.999Z', '2026-03-04T09:59:59.999Z', '09:45:00', '10:00:00'],
    ['mid-quarter', '2026-03-03T10:07:30Z', '2026-03-04T10:52:10Z', '10:00:00', '11:00:00'],
  ])('%s: start floored, end ceiled, never narrower', (_name, start, end, from, to) => {
    const asked = widenToSteps(window(start, end), QUARTER, LIMIT);
    expect(asked.start.toISOString().slice(11, 19)).toBe(from);
    expect(asked.end.toISOString().slice(11, 19)).toBe(to);
    expect(asked.start.getTime()).toBeLessThanOrEqual(Date.parse(start));
    expect(asked.end.getTime()).toBeGreaterThanOrEqual(Date.parse(end));
  });

  it('gives windows a moment apart the same widened window', () => {
    const base = widenToSteps(window('2026-03-03T10:00:00.001Z', '2026-03-04T10:00:00.001Z'), QUARTER, LIMIT);
    for (const ms of [1, 999, 60_000, QUARTER - 2]) {
      const moved = window(
        new Date(Date.parse('2026-03-03T10:00:00.001Z') + ms).toISOString(),
        new Date(Date.parse('2026-03-04T10:00:00.001Z') + ms).toISOString(),
      );
      expect(widenToSteps(moved, QUARTER, LIMIT)).toEqual(base);
    }
  });

  it('asks a window as is when widening would reach the calendar’s limit', () => {
    const start = at('2026-03-01T00:00:00.001Z');
    const end = new Date(start.getTime() + LIMIT - 1);
    expect(widenToSteps({ start, end }, QUARTER, LIMIT)).toEqual({ start, end });
  });
});

describe('itemsWithin', () => {
  const asked = window('2026-03-03T10:00:00.001Z', '2026-03-03T12:00:00Z');
  const item = (start: string, end: string) => ({ start: at(start), end: at(end), name: `${start}–${end}` });

  it('keeps what overlaps the asked window and drops what only the widened window held', () => {
    const items = [
      item('2026-03-03T09:50:00Z', '2026-03-03T10:00:00Z'), // ends before the asked start
      item('2026-03-03T09:50:00Z', '2026-03-03T10:00:00.002Z'), // overlaps by a millisecond
      item('2026-03-03T11:00:00Z', '2026-03-03T11:30:00Z'),
      item('2026-03-03T12:00:00Z', '2026-03-03T12:15:00Z'), // starts at the asked end
      item('2026-03-03T09:00:00Z', '2026-03-03T13:00:00Z'), // spans it
    ];
    expect(itemsWithin(items, asked).map((i) => i.name)).toEqual([
      '2026-03-03T09:50:00Z–2026-03-03T10:00:00.002Z',
      '2026-03-03T11:00:00Z–2026-03-03T11:30:00Z',
      '2026-03-03T09:00:00Z–2026-03-03T13:00:00Z',
    ]);
  });

  it('keeps an instant item inside the window, not one at its end or before its start', () => {
    const items = [
      item('2026-03-03T10:00:00.001Z', '2026-03-03T10:00:00.001Z'),
      item('2026-03-03T10:00:00Z', '2026-03-03T10:00:00Z'),
      item('2026-03-03T12:00:00Z', '2026-03-03T12:00:00Z'),
    ];
    expect(itemsWithin(items, asked).map((i) => i.name)).toEqual(['2026-03-03T10:00:00.001Z–2026-03-03T10:00:00.001Z']);
  });
});
