import { describe, expect, it } from 'vitest';
import type { PersonView } from './availability-model.ts';
import type { GridSpec } from './grid-geometry.ts';
import { blockMarks, lanesOf } from './grid-layers.ts';

const person = (email: string, isOrganizer = false): PersonView => ({
  email,
  name: email,
  isOrganizer,
  status: 'ok',
  message: null,
  timeZone: 'UTC',
  working: null,
  blocks: [],
});

describe('lanes', () => {
  it('gives the organizer the whole day when alone, half of it otherwise, and others equal shares', () => {
    expect(lanesOf([person('me', true)]).map((l) => [l.left, l.width])).toEqual([[0, 100]]);
    expect(lanesOf([person('me', true), person('a'), person('b')]).map((l) => [l.left, l.width])).toEqual([
      [0, 50],
      [50, 25],
      [75, 25],
    ]);
  });
});

describe('block marks', () => {
  it('places each block as a share of the visible day, on every day it touches', () => {
    const spec: GridSpec = {
      days: ['2026-11-23', '2026-11-24'],
      timeZone: 'UTC',
      startMinute: 8 * 60,
      endMinute: 18 * 60,
      slotMinutes: 30,
    };
    const busy = {
      ...person('a'),
      blocks: [
        { start: new Date('2026-11-23T17:00:00Z'), end: new Date('2026-11-24T09:00:00Z'), status: 'busy' as const },
      ],
    };
    expect(blockMarks(spec, busy).map(({ day, top, height }) => ({ day, top, height }))).toEqual([
      { day: 0, top: 0.9, height: 0.1 },
      { day: 1, top: 0, height: 0.1 },
    ]);
  });
});
