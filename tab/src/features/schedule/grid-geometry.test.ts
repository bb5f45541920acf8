import { describe, expect, it } from 'vitest';
import {
  cellAt,
  cellInterval,
  cellOfInstant,
  type GridSpec,
  placeInterval,
  rowCount,
  verticalBox,
  visibleHours,
} from './grid-geometry.ts';

const spec: GridSpec = {
  days: ['2026-11-23', '2026-11-24', '2026-11-25'],
  timeZone: 'Europe/London',
  startMinute: 8 * 60,
  endMinute: 18 * 60,
  slotMinutes: 30,
};
const at = (iso: string) => new Date(iso);

describe('grid geometry', () => {
  it('cuts the visible hours into slots', () => {
    expect(rowCount(spec)).toBe(20);
    const cell = cellInterval(spec, { day: 1, row: 12 });
    expect([cell.start.toISOString(), cell.end.toISOString()]).toEqual([
      '2026-11-24T14:00:00.000Z',
      '2026-11-24T14:30:00.000Z',
    ]);
  });

  it('places a block in the viewer zone, clipped to the visible hours, split over the days it spans', () => {
    const placements = placeInterval(spec, { start: at('2026-11-23T17:00:00Z'), end: at('2026-11-24T09:15:00Z') });
    expect(placements).toEqual([
      { day: 0, fromMinute: 17 * 60, toMinute: 18 * 60 },
      { day: 1, fromMinute: 8 * 60, toMinute: 9 * 60 + 15 },
    ]);
    expect(verticalBox(spec, placements[1] ?? { day: 0, fromMinute: 0, toMinute: 0 })).toEqual({
      top: 0,
      height: 75 / 600,
    });
  });

  it('shows another zone’s event at the viewer’s wall-clock time', () => {
    const newYork = { ...spec, timeZone: 'America/New_York' };
    expect(placeInterval(newYork, { start: at('2026-11-24T14:00:00Z'), end: at('2026-11-24T15:00:00Z') })).toEqual([
      { day: 1, fromMinute: 9 * 60, toMinute: 10 * 60 },
    ]);
  });

  it('ignores what is outside the days or hours', () => {
    expect(placeInterval(spec, { start: at('2026-11-23T06:00:00Z'), end: at('2026-11-23T07:30:00Z') })).toEqual([]);
    expect(placeInterval(spec, { start: at('2026-11-30T10:00:00Z'), end: at('2026-11-30T11:00:00Z') })).toEqual([]);
  });

  it('finds the cell under a pointer and the cell of an instant', () => {
    const box = { left: 100, top: 50, width: 300, height: 400 };
    expect(cellAt(spec, box, 101, 51)).toEqual({ day: 0, row: 0 });
    expect(cellAt(spec, box, 399, 449)).toEqual({ day: 2, row: 19 });
    expect(cellAt(spec, box, 250, 50 + 400 * (12.5 / 20))).toEqual({ day: 1, row: 12 });
    expect(cellAt(spec, box, 99, 60)).toBeNull();
    expect(cellAt(spec, box, 200, 451)).toBeNull();
    expect(cellOfInstant(spec, at('2026-11-25T10:45:00Z'))).toEqual({ day: 2, row: 5 });
    expect(cellOfInstant(spec, at('2026-11-25T19:00:00Z'))).toBeNull();
  });

  it('handles a day with a clock change (London, 25 October 2026: 25 hours long)', () => {
    const autumn: GridSpec = { ...spec, days: ['2026-10-25'], startMinute: 0, endMinute: 1440 };
    const cell = cellInterval(autumn, { day: 0, row: 20 });
    expect(cell.start.toISOString()).toBe('2026-10-25T10:00:00.000Z');
    expect(placeInterval(autumn, { start: at('2026-10-25T10:00:00Z'), end: at('2026-10-25T11:00:00Z') })).toEqual([
      { day: 0, fromMinute: 600, toMinute: 660 },
    ]);
  });
});

describe('visibleHours', () => {
  const fallback = { startMinute: 8 * 60, endMinute: 18 * 60 };
  it('keeps the usual day when everything fits in it', () => {
    const intervals = [{ start: at('2026-11-23T09:00:00Z'), end: at('2026-11-23T17:30:00Z') }];
    expect(visibleHours(spec.days, 'Europe/London', intervals, fallback)).toEqual(fallback);
  });
  it('widens to whole hours to show a colleague’s working day in another zone', () => {
    // Kolkata 09:00–17:00 is 03:30–11:30 in London; New York 08:00–17:00 is 13:00–22:00.
    const intervals = [
      { start: at('2026-11-23T03:30:00Z'), end: at('2026-11-23T11:30:00Z') },
      { start: at('2026-11-23T13:00:00Z'), end: at('2026-11-23T22:00:00Z') },
    ];
    expect(visibleHours(spec.days, 'Europe/London', intervals, fallback)).toEqual({
      startMinute: 3 * 60,
      endMinute: 22 * 60,
    });
  });
  it('falls back when nothing is known', () => {
    expect(visibleHours(spec.days, 'Europe/London', [], fallback)).toEqual(fallback);
  });
});
