import { addDays, instantAt, localParts } from '@confer/contracts/time';

export interface Interval {
  readonly start: Date;
  readonly end: Date;
}

/** The grid: whole local days in the viewer's zone, cut into equal rows between two wall-clock minutes. */
export interface GridSpec {
  readonly days: readonly string[];
  readonly timeZone: string;
  /** First visible minute of each day (inclusive) and last (exclusive), multiples of `slotMinutes`. */
  readonly startMinute: number;
  readonly endMinute: number;
  readonly slotMinutes: number;
}

export interface Cell {
  readonly day: number;
  readonly row: number;
}

/** A stretch of one grid day, in wall-clock minutes of that day (already clipped to the visible hours). */
export interface Placement {
  readonly day: number;
  readonly fromMinute: number;
  readonly toMinute: number;
}

export function rowCount(spec: GridSpec): number {
  return Math.max(0, Math.round((spec.endMinute - spec.startMinute) / spec.slotMinutes));
}

export function rowStartMinute(spec: GridSpec, row: number): number {
  return spec.startMinute + row * spec.slotMinutes;
}

export function cellInterval(spec: GridSpec, cell: Cell): Interval {
  const edges = slotEdges(spec)[cell.day] ?? slotEdges(spec)[0] ?? [];
  const start = edges[cell.row] ?? new Date(0);
  return { start, end: edges[cell.row + 1] ?? start };
}

/** The visible part of each grid day, as instants (DST-aware: a day may be 23 or 25 hours long). */
export function dayBounds(spec: GridSpec, day: number): Interval {
  const edges = slotEdges(spec)[day] ?? [];
  const start = edges[0] ?? new Date(0);
  return { start, end: edges[edges.length - 1] ?? start };
}

// Zone arithmetic goes through Intl and is not free; a grid's slot edges are worked out once per spec.
const edgesCache = new WeakMap<GridSpec, Date[][]>();

/** Per day, the instants where each row starts, plus the end of the last row. */
function slotEdges(spec: GridSpec): Date[][] {
  let edges = edgesCache.get(spec);
  if (!edges) {
    const rows = rowCount(spec);
    edges = spec.days.map((dateKey) =>
      Array.from({ length: rows + 1 }, (_, row) => instantAt(dateKey, rowStartMinute(spec, row), spec.timeZone)),
    );
    edgesCache.set(spec, edges);
  }
  return edges;
}

/** Where an interval shows on the grid: one placement per day it touches inside the visible hours. */
export function placeInterval(spec: GridSpec, interval: Interval): Placement[] {
  const placements: Placement[] = [];
  spec.days.forEach((_, day) => {
    const bounds = dayBounds(spec, day);
    const from = Math.max(interval.start.getTime(), bounds.start.getTime());
    const to = Math.min(interval.end.getTime(), bounds.end.getTime());
    if (to <= from) return;
    placements.push({
      day,
      fromMinute: from === bounds.start.getTime() ? spec.startMinute : minuteIn(spec, day, new Date(from)),
      toMinute: to === bounds.end.getTime() ? spec.endMinute : minuteIn(spec, day, new Date(to)),
    });
  });
  return placements;
}

function minuteIn(spec: GridSpec, day: number, instant: Date): number {
  const wall = localParts(instant, spec.timeZone);
  const dateKey = spec.days[day] ?? '';
  // An instant at the next local midnight belongs to the end of this day.
  if (wall.dateKey === addDays(dateKey, 1)) return 1440 + wall.minuteOfDay;
  return wall.minuteOfDay;
}

/** Top and height of a placement as fractions of the day column (0…1). */
export function verticalBox(spec: GridSpec, placement: Placement): { top: number; height: number } {
  const span = spec.endMinute - spec.startMinute;
  return {
    top: (placement.fromMinute - spec.startMinute) / span,
    height: (placement.toMinute - placement.fromMinute) / span,
  };
}

export interface Box {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

/** The cell under a pointer, from the grid body's box (the area holding the day columns only). */
export function cellAt(spec: GridSpec, box: Box, x: number, y: number): Cell | null {
  if (box.width <= 0 || box.height <= 0) return null;
  const rows = rowCount(spec);
  const day = Math.floor(((x - box.left) / box.width) * spec.days.length);
  const row = Math.floor(((y - box.top) / box.height) * rows);
  if (day < 0 || day >= spec.days.length || row < 0 || row >= rows) return null;
  return { day, row };
}

/** The cell holding an instant (the row it starts in), or null when it is off the grid. */
export function cellOfInstant(spec: GridSpec, instant: Date): Cell | null {
  const wall = localParts(instant, spec.timeZone);
  const day = spec.days.indexOf(wall.dateKey);
  if (day < 0 || wall.minuteOfDay < spec.startMinute || wall.minuteOfDay >= spec.endMinute) return null;
  return { day, row: Math.floor((wall.minuteOfDay - spec.startMinute) / spec.slotMinutes) };
}

/**
 * Visible hours: from the earliest to the latest working minute of anyone (in the viewer's zone) and of the
 * given intervals (events, suggestions, the chosen time), widened to whole hours and at least `minimumHours`.
 */
export function visibleHours(
  days: readonly string[],
  timeZone: string,
  intervals: readonly Interval[],
  fallback: { startMinute: number; endMinute: number },
  minimumHours = 8,
): { startMinute: number; endMinute: number } {
  let start = Number.POSITIVE_INFINITY;
  let end = Number.NEGATIVE_INFINITY;
  const probe: GridSpec = { days, timeZone, startMinute: 0, endMinute: 1440, slotMinutes: 60 };
  for (const interval of intervals) {
    for (const placement of placeInterval(probe, interval)) {
      start = Math.min(start, placement.fromMinute);
      end = Math.max(end, placement.toMinute);
    }
  }
  if (!Number.isFinite(start)) return fallback;
  let from = Math.floor(Math.min(start, fallback.startMinute) / 60) * 60;
  let to = Math.ceil(Math.max(end, fallback.endMinute) / 60) * 60;
  while (to - from < minimumHours * 60) {
    if (to < 1440) to += 60;
    else from -= 60;
  }
  return { startMinute: Math.max(0, from), endMinute: Math.min(1440, to) };
}
