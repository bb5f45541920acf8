import { describe, expect, it } from 'vitest';
import { findContaining, intersectSpans, mergeSpans, overlapsAny, type Span, subtractSpans } from './interval-math.ts';

const s = (start: number, end: number): Span => ({ start, end });

describe('mergeSpans', () => {
  it.each([
    ['unsorted overlapping', [s(5, 8), s(1, 3), s(2, 6)], [s(1, 8)]],
    ['touching spans join (half-open)', [s(1, 2), s(2, 3)], [s(1, 3)]],
    ['gaps stay', [s(1, 2), s(3, 4)], [s(1, 2), s(3, 4)]],
    ['contained span vanishes', [s(1, 10), s(2, 3)], [s(1, 10)]],
    ['empty spans dropped', [s(4, 4), s(6, 5)], []],
  ])('%s', (_name, input, expected) => {
    expect(mergeSpans(input)).toEqual(expected);
  });
});

describe('intersectSpans and subtractSpans', () => {
  it.each([
    ['overlap', [s(0, 10)], [s(5, 15)], [s(5, 10)], [s(0, 5)]],
    ['touching is empty', [s(0, 10)], [s(10, 20)], [], [s(0, 10)]],
    [
      'several holes',
      [s(0, 10), s(20, 30)],
      [s(2, 3), s(8, 22), s(29, 40)],
      [s(2, 3), s(8, 10), s(20, 22), s(29, 30)],
      [s(0, 2), s(3, 8), s(22, 29)],
    ],
    ['nothing removed', [s(0, 10)], [], [], [s(0, 10)]],
  ])('%s', (_name, a, b, intersection, difference) => {
    expect(intersectSpans(a, b)).toEqual(intersection);
    expect(subtractSpans(a, b)).toEqual(difference);
  });
});

describe('findContaining and overlapsAny', () => {
  const spans = [s(0, 10), s(20, 30)];
  it.each([
    [0, 10, 0, true],
    [5, 12, -1, true],
    [10, 20, -1, false],
    [21, 30, 1, true],
    [30, 31, -1, false],
    [-5, 0, -1, false],
  ])('[%i, %i) is in span %i, overlaps: %s', (start, end, index, overlaps) => {
    expect(findContaining(spans, start, end)).toBe(index);
    expect(overlapsAny(spans, start, end)).toBe(overlaps);
  });
});
