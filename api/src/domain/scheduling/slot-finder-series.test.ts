import { describe, expect, it } from 'vitest';
import type { BusyBlock, RecurrenceRule, Suggestion } from './model.ts';
import { expandSeries } from './series-occurrences.ts';
import { findSlots } from './slot-finder.ts';
import { insideWorkingHours } from './test-support/oracles.ts';
import { block, hours, person, slotRequest, utc } from './test-support/people.ts';

const starts = (suggestions: readonly Suggestion[]) => suggestions.map((s) => s.start.toISOString().slice(0, 16));

function pair(alexBlocks: BusyBlock[] = []) {
  return [
    person('Megan Bowen', 'Europe/London', { workingHours: hours('Europe/London', '09:00', '17:30') }),
    person('Alex Wilber', 'America/New_York', {
      workingHours: hours('America/New_York', '08:00', '17:00'),
      blocks: alexBlocks,
    }),
  ];
}

describe('findSlots for a series', () => {
  const fourWeeks = { start: utc('2026-11-02T00:00'), end: utc('2026-11-30T00:00') };
  const weekly: RecurrenceRule = { kind: 'weekly', count: 4 };

  it('drops a start whose third occurrence clashes, and keeps it for a single meeting', () => {
    const firstWeek = { start: utc('2026-11-02T00:00'), end: utc('2026-11-03T00:00') };
    const [best] = findSlots(slotRequest({ window: firstWeek, people: pair(), maxSuggestions: 1 }));
    expect(best).toBeDefined();
    const third = new Date(best!.start.getTime() + 14 * 86_400_000);
    const clash = block(third, new Date(third.getTime() + 30 * 60_000));
    const people = pair([clash]);

    const single = findSlots(slotRequest({ window: fourWeeks, people, maxSuggestions: 1 }));
    expect(starts(single)).toEqual(starts([best!]));

    const series = findSlots(slotRequest({ window: fourWeeks, people, recurrence: weekly, maxSuggestions: 10 }));
    expect(series.length).toBeGreaterThan(0);
    expect(starts(series)).not.toContain(starts([best!])[0]);
    for (const s of series) {
      const occurrences = expandSeries(s.start, s.end, 'Europe/London', weekly, fourWeeks);
      for (const o of occurrences) {
        expect(o.start < clash.end && o.end > clash.start).toBe(false);
        for (const p of people) expect(insideWorkingHours(o, p)).toBe(true);
      }
      expect(s.reasons.find((r) => r.code === 'all_occurrences_free')?.text).toBe(seriesText(occurrences.length, 4));
    }
  });

  it('keeps the organizer’s wall-clock time, so an occurrence after a clock change must still fit everyone', () => {
    // 26 October: London on GMT, New York still on EDT (08:00 there is 12:00 UTC). On 2 November New York is
    // on EST, and 12:00 London would be 07:00 in New York: a series starting at 12:00 UTC cannot be offered.
    const mondayNoon = { start: utc('2026-10-26T00:00'), end: utc('2026-10-26T12:30') };
    expect(starts(findSlots(slotRequest({ window: mondayNoon, people: pair() })))).toEqual(['2026-10-26T12:00']);
    const window = { start: utc('2026-10-26T00:00'), end: utc('2026-11-07T00:00') };
    const series = findSlots(
      slotRequest({ window, people: pair(), recurrence: { kind: 'weekly', count: 2 }, maxSuggestions: 50 }),
    );
    const mondays = series.filter((s) => s.start.toISOString().startsWith('2026-10-26'));
    expect(mondays.length).toBeGreaterThan(0);
    expect(mondays.every((s) => s.start >= utc('2026-10-26T13:00'))).toBe(true);
  });

  it('ranks starts whose every occurrence can be checked above those running past the window', () => {
    const series = findSlots(
      slotRequest({ window: fourWeeks, people: pair(), recurrence: { kind: 'weekly', count: 2 } }),
    );
    expect(series.length).toBe(5);
    for (const s of series) {
      expect(s.start < utc('2026-11-23T00:00')).toBe(true);
      expect(s.reasons.find((r) => r.code === 'all_occurrences_free')?.text).toBe('Every occurrence is free');
    }
  });

  it.each<RecurrenceRule>([
    { kind: 'biweekly', count: 2 },
    { kind: 'biweekly', count: 5 },
    { kind: 'monthly', count: 3 },
  ])('%o: checks every occurrence inside the window and says how many', (recurrence) => {
    // Alex is away all of Monday 16 November: no biweekly series may start on Monday 2 November.
    const away = block(utc('2026-11-16T00:00'), utc('2026-11-17T00:00'), 'oof');
    const window = { start: utc('2026-11-02T00:00'), end: utc('2026-11-21T00:00') };
    const series = findSlots(slotRequest({ window, people: pair([away]), recurrence, maxSuggestions: 20 }));
    expect(series.length).toBeGreaterThan(0);
    const firstMondays = series.filter((s) => s.start.toISOString().startsWith('2026-11-02'));
    expect(firstMondays.length > 0).toBe(recurrence.kind === 'monthly');
    for (const s of series) {
      const inside = expandSeries(s.start, s.end, 'Europe/London', recurrence, window).length;
      expect(s.reasons.find((r) => r.code === 'all_occurrences_free')?.text).toBe(seriesText(inside, recurrence.count));
    }
  });
});

function seriesText(inside: number, total: number): string {
  if (inside === total) return 'Every occurrence is free';
  const later = total - inside;
  const first = inside === 1 ? 'The first occurrence is' : `The first ${inside} occurrences are`;
  return `${first} free; the other ${later} ${later === 1 ? 'is' : 'are'} after the window`;
}
