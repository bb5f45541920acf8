import { describe, expect, it } from 'vitest';
import { computeAvailabilityView } from './availability-view.ts';

const base = Date.parse('2026-03-16T09:00:00Z');
const at = (minutes: number) => base + minutes * 60_000;

describe('availabilityView (docs/reference/graph-calendar.md §1)', () => {
  it('writes one digit per slot: 0 free, 1 tentative, 2 busy, 3 oof, 4 workingElsewhere', () => {
    const items = [
      { startMs: at(60), endMs: at(120), status: 'tentative' as const },
      { startMs: at(120), endMs: at(180), status: 'busy' as const },
      { startMs: at(180), endMs: at(240), status: 'oof' as const },
      { startMs: at(240), endMs: at(300), status: 'workingElsewhere' as const },
    ];
    expect(computeAvailabilityView(items, at(0), at(540), 60)).toBe('012340000');
  });

  it('gives 36 digits for 9 hours at 15 minutes and marks every slot an item touches', () => {
    const view = computeAvailabilityView([{ startMs: at(20), endMs: at(40), status: 'busy' }], at(0), at(540), 15);
    expect(view).toHaveLength(36);
    expect(view.slice(0, 4)).toBe('0220');
  });

  it('lets the strongest status win when items overlap (oof > busy > tentative > workingElsewhere)', () => {
    const items = [
      { startMs: at(0), endMs: at(30), status: 'workingElsewhere' as const },
      { startMs: at(0), endMs: at(30), status: 'tentative' as const },
      { startMs: at(30), endMs: at(60), status: 'busy' as const },
      { startMs: at(30), endMs: at(60), status: 'oof' as const },
      { startMs: at(60), endMs: at(90), status: 'free' as const },
      { startMs: at(90), endMs: at(120), status: 'unknown' as const },
    ];
    expect(computeAvailabilityView(items, at(0), at(120), 30)).toBe('1300');
  });

  it('ends a window that is not a multiple of the interval with a partial slot', () => {
    expect(computeAvailabilityView([{ startMs: at(100), endMs: at(110), status: 'busy' }], at(0), at(110), 60)).toBe(
      '02',
    );
  });
});
