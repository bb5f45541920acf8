import {
  type FocusEvent,
  type KeyboardEvent,
  type PointerEvent,
  type RefObject,
  useEffect,
  useRef,
  useState,
} from 'react';
import { type Cell, cellAt, cellInterval, type GridSpec, type Interval, rowCount } from './grid-geometry.ts';
import { GUTTER_PX } from './grid-styles.ts';
import {
  type ArrowKey,
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
  /** The slot under the pointer or keyboard focus (null when the pointer leaves), told only when it changes. */
  onInspect(cell: Cell | null): void;
}

export interface GridInteraction {
  readonly focus: Cell;
  /** The range being dragged, shown before it is committed on release. */
  readonly preview: RowRange | null;
  onPointerDown(event: PointerEvent<HTMLDivElement>): void;
  onPointerMove(event: PointerEvent<HTMLDivElement>): void;
  onPointerUp(event: PointerEvent<HTMLDivElement>): void;
  onPointerLeave(): void;
  onKeyDown(event: KeyboardEvent<HTMLDivElement>): void;
  /** Focus arriving on a cell, handled once for the whole grid (focus events bubble in React). */
  onFocus(event: FocusEvent<HTMLDivElement>): void;
}

const sameCell = (a: Cell | null, b: Cell | null) => a === b || (!!a && !!b && a.day === b.day && a.row === b.row);
const sameRange = (a: RowRange | null, b: RowRange | null) =>
  a === b || (!!a && !!b && a.day === b.day && a.fromRow === b.fromRow && a.toRow === b.toRow);

/**
 * Click, drag and keyboard on the grid: one focus cell (roving tabindex), one anchor for ranges. The slot under the
 * pointer is not state here: the grid draws hover with CSS, so moving the pointer renders nothing in the grid.
 */
export function useGridInteraction(input: GridInteractionInput): GridInteraction {
  const { spec, value, durationMinutes, now, bodyRef, onChoose, onInspect } = input;
  const [focus, setFocusState] = useState<Cell>(() => initialFocus(spec, value, now));
  const [preview, setPreviewState] = useState<RowRange | null>(null);
  const inspected = useRef<Cell | null>(null);
  const anchor = useRef<Cell | null>(null);
  const drag = useRef<{ anchor: Cell; moved: boolean } | null>(null);
  const specKey = `${spec.days.join()}|${spec.startMinute}|${spec.endMinute}`;

  // A new week or new hours: keep the focus on the grid, on the chosen time when it is visible.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the key names the grid; value is read once.
  useEffect(() => {
    setFocus(initialFocus(spec, value, now));
    anchor.current = null;
  }, [specKey]);

  // Pointer events arrive many times per cell: state changes only when the cell or range does.
  const setFocus = (cell: Cell) => setFocusState((current) => (sameCell(current, cell) ? current : cell));
  const setPreview = (range: RowRange | null) =>
    setPreviewState((current) => (sameRange(current, range) ? current : range));
  const inspect = (cell: Cell | null) => {
    if (sameCell(inspected.current, cell)) return;
    inspected.current = cell;
    onInspect(cell);
  };
  const isPast = (cell: Cell) => cellInterval(spec, cell).end <= now;
  const choose = (interval: Interval) => {
    if (interval.start < now) return;
    onChoose(interval);
  };
  const pointerCell = (event: PointerEvent<HTMLDivElement>): Cell | null => {
    const body = bodyRef.current;
    const rect = body?.getBoundingClientRect();
    if (!body || !rect) return null;
    const width = rect.width - GUTTER_PX;
    if (getComputedStyle(body).direction === 'rtl') {
      // Right to left, the time axis is on the right and the first day is the rightmost column.
      const box = { left: rect.left, top: rect.top, width, height: rect.height };
      return cellAt(spec, box, 2 * rect.left + width - event.clientX, event.clientY);
    }
    const box = { left: rect.left + GUTTER_PX, top: rect.top, width, height: rect.height };
    return cellAt(spec, box, event.clientX, event.clientY);
  };

  return {
    focus,
    preview,
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
      inspect(cell);
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
      inspect(null);
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
      // Right to left, the days run leftwards: the left arrow goes to the next day, as it looks.
      const key = mirroredKey(event.key, getComputedStyle(event.currentTarget).direction === 'rtl');
      if (event.shiftKey && (key === 'ArrowUp' || key === 'ArrowDown')) {
        const from = anchor.current?.day === focus.day ? anchor.current : focus;
        anchor.current = from;
        const step = extendSelection(spec, value, from, key);
        setFocus(step.focus);
        choose(rangeInterval(spec, step.range));
        return;
      }
      anchor.current = null;
      setFocus(moveCell(spec, focus, key));
    },
    onFocus(event) {
      const target = event.target;
      if (target.getAttribute('role') !== 'gridcell') return;
      const cell = { day: Number(target.getAttribute('data-day')), row: Number(target.getAttribute('data-row')) };
      setFocus(cell);
      inspect(cell);
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

/** The arrow key as the grid's days run: left and right swap when the page is right to left. */
export function mirroredKey(key: ArrowKey, rightToLeft: boolean): ArrowKey {
  if (!rightToLeft) return key;
  if (key === 'ArrowLeft') return 'ArrowRight';
  if (key === 'ArrowRight') return 'ArrowLeft';
  return key;
}
