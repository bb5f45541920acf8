import type { Interval } from './model.ts';

/**
 * A half-open `[start, end)` interval in epoch milliseconds. The domain works on numbers inside a call
 * (sorting and comparing thousands of blocks stays cheap) and speaks `Date` at its public edges.
 */
export interface Span {
  start: number;
  end: number;
}

export function toSpan(interval: Interval): Span {
  return { start: interval.start.getTime(), end: interval.end.getTime() };
}

export function toInterval(span: Span): Interval {
  return { start: new Date(span.start), end: new Date(span.end) };
}

/** Sorts and coalesces overlapping or touching spans into disjoint ones; empty spans are dropped. */
export function mergeSpans(spans: readonly Span[]): Span[] {
  const sorted = spans.filter((s) => s.end > s.start).sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: Span[] = [];
  for (const span of sorted) {
    const last = merged[merged.length - 1];
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ start: span.start, end: span.end });
  }
  return merged;
}

/** Intersection of two sorted, disjoint span lists. */
export function intersectSpans(a: readonly Span[], b: readonly Span[]): Span[] {
  const result: Span[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    const start = Math.max(x.start, y.start);
    const end = Math.min(x.end, y.end);
    if (end > start) result.push({ start, end });
    if (x.end < y.end) i++;
    else j++;
  }
  return result;
}

/** `from` minus `remove`; both sorted and disjoint. */
export function subtractSpans(from: readonly Span[], remove: readonly Span[]): Span[] {
  const result: Span[] = [];
  let j = 0;
  for (const span of from) {
    let cursor = span.start;
    while (j < remove.length && remove[j]!.end <= cursor) j++;
    let k = j;
    while (k < remove.length && remove[k]!.start < span.end) {
      const cut = remove[k]!;
      if (cut.start > cursor) result.push({ start: cursor, end: cut.start });
      cursor = Math.max(cursor, cut.end);
      k++;
    }
    if (cursor < span.end) result.push({ start: cursor, end: span.end });
  }
  return result;
}

/** Index of the span (sorted, disjoint) that wholly contains `[start, end)`, or -1. */
export function findContaining(spans: readonly Span[], start: number, end: number): number {
  const index = lastStartingAtOrBefore(spans, start);
  return index >= 0 && spans[index]!.end >= end ? index : -1;
}

/** Whether `[start, end)` overlaps any span of a sorted, disjoint list (touching is not overlapping). */
export function overlapsAny(spans: readonly Span[], start: number, end: number): boolean {
  const index = lastStartingAtOrBefore(spans, start);
  if (index >= 0 && spans[index]!.end > start) return true;
  const next = spans[index + 1];
  return next !== undefined && next.start < end;
}

function lastStartingAtOrBefore(spans: readonly Span[], time: number): number {
  let low = 0;
  let high = spans.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (spans[mid]!.start <= time) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  return found;
}
