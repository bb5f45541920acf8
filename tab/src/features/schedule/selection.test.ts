import { describe, expect, it } from 'vitest';
import type { GridSpec } from './grid-geometry.ts';
import { extendSelection, moveCell, rangeFromDrag, rangeInterval, rangeOfInterval, slotFrom } from './selection.ts';

const spec: GridSpec = {
  days: ['2026-11-23', '2026-11-24'],
  timeZone: 'UTC',
  startMinute: 8 * 60,
  endMinute: 18 * 60,
  slotMinutes: 30,
};
const interval = (from: string, to: string) => ({
  start: new Date(`2026-11-23T${from}:00Z`),
  end: new Date(`2026-11-23T${to}:00Z`),
});
const iso = (i: { start: Date; end: Date }) => [i.start.toISOString().slice(11, 16), i.end.toISOString().slice(11, 16)];

describe('keyboard focus', () => {
  it.each([
    ['ArrowDown', { day: 0, row: 1 }],
    ['ArrowUp', { day: 0, row: 0 }],
    ['ArrowRight', { day: 1, row: 0 }],
    ['ArrowLeft', { day: 0, row: 0 }],
    ['End', { day: 0, row: 19 }],
    ['Home', { day: 0, row: 0 }],
  ] as const)('%s from the first cell → %o (no wrapping)', (key, expected) => {
    expect(moveCell(spec, { day: 0, row: 0 }, key)).toEqual(expected);
  });
  it('stops at the last row and day', () => {
    expect(moveCell(spec, { day: 1, row: 19 }, 'ArrowDown')).toEqual({ day: 1, row: 19 });
    expect(moveCell(spec, { day: 1, row: 19 }, 'ArrowRight')).toEqual({ day: 1, row: 19 });
  });
});

describe('choosing a time', () => {
  it('picks the meeting length from a slot', () => {
    expect(iso(slotFrom(spec, { day: 0, row: 2 }, 45))).toEqual(['09:00', '09:45']);
  });
  it('drags in either direction on the day the drag started', () => {
    const range = rangeFromDrag({ day: 0, row: 6 }, { day: 1, row: 3 });
    expect(range).toEqual({ day: 0, fromRow: 3, toRow: 6 });
    expect(iso(rangeInterval(spec, range))).toEqual(['09:30', '11:30']);
  });
  it('maps a chosen time back onto rows, including one ending mid-slot', () => {
    expect(rangeOfInterval(spec, interval('09:00', '09:45'))).toEqual({ day: 0, fromRow: 2, toRow: 3 });
    expect(rangeOfInterval(spec, interval('07:00', '08:00'))).toBeNull();
  });
});

describe('Shift+arrows', () => {
  it('starts at the anchor when nothing is chosen and grows downwards', () => {
    const step = extendSelection(spec, null, { day: 0, row: 4 }, 'ArrowDown');
    expect(step.range).toEqual({ day: 0, fromRow: 4, toRow: 5 });
    expect(step.focus).toEqual({ day: 0, row: 5 });
  });
  it('moves the end away from the anchor, then back, and past it upwards', () => {
    const anchor = { day: 0, row: 2 };
    const chosen = interval('09:00', '10:00');
    const longer = extendSelection(spec, chosen, anchor, 'ArrowDown');
    expect(iso(rangeInterval(spec, longer.range))).toEqual(['09:00', '10:30']);
    const shorter = extendSelection(spec, rangeInterval(spec, longer.range), anchor, 'ArrowUp');
    expect(iso(rangeInterval(spec, shorter.range))).toEqual(['09:00', '10:00']);
    const single = extendSelection(spec, interval('09:00', '09:30'), anchor, 'ArrowUp');
    expect(iso(rangeInterval(spec, single.range))).toEqual(['08:30', '09:30']);
    const upwards = extendSelection(spec, rangeInterval(spec, single.range), anchor, 'ArrowUp');
    expect(iso(rangeInterval(spec, upwards.range))).toEqual(['08:00', '09:30']);
  });
  it('ignores a chosen time on another day', () => {
    const step = extendSelection(spec, interval('09:00', '10:00'), { day: 1, row: 0 }, 'ArrowDown');
    expect(step.range).toEqual({ day: 1, fromRow: 0, toRow: 1 });
  });
});
