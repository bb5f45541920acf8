import type { Cell, GridSpec, Interval } from './grid-geometry.ts';
import { cellInterval, cellOfInstant, rowCount } from './grid-geometry.ts';

/** Consecutive rows of one day, both ends inclusive. */
export interface RowRange {
  readonly day: number;
  readonly fromRow: number;
  readonly toRow: number;
}

export type ArrowKey = 'ArrowUp' | 'ArrowDown' | 'ArrowLeft' | 'ArrowRight' | 'Home' | 'End';

export function isArrowKey(key: string): key is ArrowKey {
  return ['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(key);
}

/** Moves the focus cell, staying on the grid (no wrapping: the edges are where the week buttons are). */
export function moveCell(spec: GridSpec, cell: Cell, key: ArrowKey): Cell {
  const lastRow = rowCount(spec) - 1;
  const lastDay = spec.days.length - 1;
  switch (key) {
    case 'ArrowUp':
      return { ...cell, row: Math.max(0, cell.row - 1) };
    case 'ArrowDown':
      return { ...cell, row: Math.min(lastRow, cell.row + 1) };
    case 'ArrowLeft':
      return { ...cell, day: Math.max(0, cell.day - 1) };
    case 'ArrowRight':
      return { ...cell, day: Math.min(lastDay, cell.day + 1) };
    case 'Home':
      return { ...cell, row: 0 };
    case 'End':
      return { ...cell, row: lastRow };
  }
}

/** A drag stays on the day it started on: a meeting is one stretch of one day. */
export function rangeFromDrag(anchor: Cell, current: Cell): RowRange {
  return { day: anchor.day, fromRow: Math.min(anchor.row, current.row), toRow: Math.max(anchor.row, current.row) };
}

export function rangeInterval(spec: GridSpec, range: RowRange): Interval {
  return {
    start: cellInterval(spec, { day: range.day, row: range.fromRow }).start,
    end: cellInterval(spec, { day: range.day, row: range.toRow }).end,
  };
}

/** Clicking or pressing Enter on a slot: the meeting's length from that slot's start. */
export function slotFrom(spec: GridSpec, cell: Cell, durationMinutes: number): Interval {
  const start = cellInterval(spec, cell).start;
  return { start, end: new Date(start.getTime() + durationMinutes * 60_000) };
}

/**
 * Shift+arrow, as in a spreadsheet: the anchor (where the choice started) stays, the other end of the chosen time
 * moves. Without a chosen time on the anchor's day, the choice starts as the anchor's slot.
 */
export function extendSelection(
  spec: GridSpec,
  value: Interval | null,
  anchor: Cell,
  key: 'ArrowUp' | 'ArrowDown',
): { range: RowRange; focus: Cell } {
  const current = value ? rangeOfInterval(spec, value) : null;
  const base: RowRange =
    current && current.day === anchor.day ? current : { day: anchor.day, fromRow: anchor.row, toRow: anchor.row };
  const anchorRow = Math.min(Math.max(anchor.row, base.fromRow), base.toRow);
  const activeRow = anchorRow === base.fromRow ? base.toRow : base.fromRow;
  const moved = moveCell(spec, { day: base.day, row: activeRow }, key);
  return {
    range: { day: base.day, fromRow: Math.min(anchorRow, moved.row), toRow: Math.max(anchorRow, moved.row) },
    focus: moved,
  };
}

/** The rows a chosen time covers (its last row is the one holding its last minute). */
export function rangeOfInterval(spec: GridSpec, value: Interval): RowRange | null {
  const first = cellOfInstant(spec, value.start);
  const last = cellOfInstant(spec, new Date(value.end.getTime() - 60_000));
  if (!first) return null;
  if (!last || last.day !== first.day) return { day: first.day, fromRow: first.row, toRow: rowCount(spec) - 1 };
  return { day: first.day, fromRow: first.row, toRow: last.row };
}
