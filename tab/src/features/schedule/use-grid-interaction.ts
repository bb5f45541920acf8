import { type KeyboardEvent, type PointerEvent, type RefObject, useEffect, useRef, useState } from 'react';
import { type Cell, cellAt, cellInterval, type GridSpec, type Interval, rowCount } from './grid-geometry.ts';
import { GUTTER_PX } from './grid-styles.ts';
import {
  extendSelection,
  isArrowKey,
  moveCell,
  type RowRange,
  rangeFromDrag,
  rangeInterval,
  rangeOfInterval,
  slotFrom,
} from './selection.ts';

export interface GridInteractionInput {
  readonly spec: GridSpec;
  readonly value: Interval | null;
  readonly durationMinutes: number;
  readonly now: Date;
  readonly bodyRef: RefObject<HTMLDivElement | null>;
  onChoose(interval: Interval): void;
}

export interface GridInteraction {
  readonly focus: Cell;
  /** The range being dragged, shown before it is committed on release. */
  readonly preview: RowRange | null;
  readonly hover: Cell | null;
  onPointerDown(event: PointerEvent<HTMLDivElement>): void;
  onPointerMove(event: PointerEvent<HTMLDivElement>): void;
  onPointerUp(event: PointerEvent<HTMLDivElement>): void;
  onPointerLeave(): void;
  onKeyDown(event: KeyboardEvent<HTMLDivElement>): void;
  onFocusCell(cell: Cell): void;
}

/** Click, drag and keyboard on the grid: one focus cell (roving tabindex), one anchor for ranges. */
export function useGridInteraction(input: GridInteractionInput): GridInteraction {
  const { spec, value, durationMinutes, now, bodyRef, onChoose } = input;
  const [focus, setFocus] = useState<Cell>(() => initialFocus(spec, value, now));
  const [hover, setHover] = useState<Cell | null>(null);
  const [preview, setPreview] = useState<RowRange | null>(null);
  const anchor = useRef<Cell | null>(null);
  const drag = useRef<{ anchor: Cell; moved: boolean } | null>(null);
  const specKey = `${spec.days.join()}|${spec.startMinute}|${spec.endMinute}`;

  // A new week or new hours: keep the focus on the grid, on the chosen time when it is visible.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the key names the grid; value is read once.
  useEffect(() => {
    setFocus(initialFocus(spec, value, now));
    anchor.current = null;
  }, [specKey]);

  const isPast = (cell: Cell) => cellInterval(spec, cell).end <= now;
  const choose = (interval: Interval) => {
    if (interval.start < now) return;
    onChoose(interval);
  };
  const pointerCell = (event: PointerEvent<HTMLDivElement>): Cell | null => {
    const rect = bodyRef.current?.getBoundingClientRect();
    if (!rect) return null;
    const box = { left: rect.left + GUTTER_PX, top: rect.top, width: rect.width - GUTTER_PX, height: rect.height };
    return cellAt(spec, box, event.clientX, event.clientY);
  };

  return {
    focus,
    preview,
    hover,
    onPointerDown(event) {
      if (event.button !== 0) return;
      const cell = pointerCell(event);
      if (!cell || isPast(cell)) return;
      event.currentTarget.setPointerCapture?.(event.pointerId);
      drag.current = { anchor: cell, moved: false };
      anchor.current = cell;
      setFocus(cell);
      setPreview({ day: cell.day, fromRow: cell.row, toRow: cell.row });
    },
    onPointerMove(event) {
      const cell = pointerCell(event);
      setHover(cell);
      const active = drag.current;
      if (!active || !cell) return;
      const range = rangeFromDrag(active.anchor, cell);
      if (range.toRow !== range.fromRow) active.moved = true;
      setPreview(range);
    },
    onPointerUp(event) {
      const active = drag.current;
      drag.current = null;
      setPreview(null);
      if (!active) return;
      const cell = pointerCell(event) ?? active.anchor;
      const range = rangeFromDrag(active.anchor, cell);
      choose(
        active.moved && range.fromRow !== range.toRow
          ? rangeInterval(spec, range)
          : slotFrom(spec, active.anchor, durationMinutes),
      );
    },
    onPointerLeave() {
      setHover(null);
    },
    onKeyDown(event) {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        if (isPast(focus)) return;
        anchor.current = focus;
        choose(slotFrom(spec, focus, durationMinutes));
        return;
      }
      if (!isArrowKey(event.key)) return;
      event.preventDefault();
      if (event.shiftKey && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) {
        const from = anchor.current?.day === focus.day ? anchor.current : focus;
        anchor.current = from;
        const step = extendSelection(spec, value, from, event.key);
        setFocus(step.focus);
        choose(rangeInterval(spec, step.range));
        return;
      }
      anchor.current = null;
      setFocus(moveCell(spec, focus, event.key));
    },
    onFocusCell(cell) {
      setFocus(cell);
    },
  };
}

/** The chosen time when it is on screen, else the first slot that has not started yet. */
function initialFocus(spec: GridSpec, value: Interval | null, now: Date): Cell {
  const range = value ? rangeOfInterval(spec, value) : null;
  if (range) return { day: range.day, row: range.fromRow };
  const rows = rowCount(spec);
  for (let day = 0; day < spec.days.length; day++) {
    for (let row = 0; row < rows; row++) {
      if (cellInterval(spec, { day, row }).start >= now) return { day, row };
    }
  }
  return { day: 0, row: 0 };
}
