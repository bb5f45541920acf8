import { describe, expect, it } from 'vitest';
import type { Suggestion } from './model.ts';
import { findSlots } from './slot-finder.ts';
import { clock, insideWorkingHours } from './test-support/oracles.ts';
import { block, londonNewYorkKolkata, slotRequest, utc } from './test-support/people.ts';

const day = (date: string) => ({ start: utc(`${date}T00:00`), end: utc(`${date}T23:59`) });
const starts = (suggestions: readonly Suggestion[]) => suggestions.map((s) => s.start.toISOString().slice(0, 16));
const codes = (s: Suggestion | undefined) => s?.reasons.map((r) => r.code) ?? [];

/**
 * London 09:00–17:30, New York 08:00–17:00, Kolkata 10:00–19:00. In UTC the shared time is 13:00–13:30
 * when both London and New York keep standard time, and 12:00–13:30 in the weeks when only one of them
 * has changed clocks (or both have): the 2026 changes fall on 8 March (US), 29 March (EU), 25 October
 * (EU) and 1 November (US).
 */
describe('findSlots across London, New York and Kolkata in the 2026 clock-change weeks', () => {
  it.each([
    ['2026-03-06', 'before the US change', ['2026-03-06T13:00']],
    ['2026-03-09', 'US on summer time, EU not yet', ['2026-03-09T12:30', '2026-03-09T13:00', '2026-03-09T12:00']],
    ['2026-03-27', 'last EU winter weekday', ['2026-03-27T12:30', '2026-03-27T13:00', '2026-03-27T12:00']],
    // London's own day now runs 08:00–16:30 UTC, so 12:00 sits nearer its middle than 13:00 does.
    ['2026-03-30', 'both on summer time', ['2026-03-30T12:30', '2026-03-30T12:00', '2026-03-30T13:00']],
    ['2026-10-26', 'EU back on winter time, US not yet', ['2026-10-26T12:30', '2026-10-26T13:00', '2026-10-26T12:00']],
    ['2026-11-02', 'both on winter time', ['2026-11-02T13:00']],
  ])('%s (%s): fairest first, never outside anyone’s hours', (date, _label, expected) => {
    const people = londonNewYorkKolkata();
    const suggestions = findSlots(slotRequest({ window: day(date), people }));
    expect(starts(suggestions)).toEqual(expected);
    for (const s of suggestions) for (const p of people) expect(insideWorkingHours(s, p)).toBe(true);
  });

  it('prefers a fair time to the earliest one when the shared hours allow it', () => {
    // Kolkata 12:00–21:00 widens the shared time to 13:00–15:30 UTC; 13:00 would be 08:00 in New York.
    const people = londonNewYorkKolkata({}, ['12:00', '21:00']);
    const [top, ...rest] = findSlots(slotRequest({ window: day('2026-11-03'), people, maxSuggestions: 10 }));
    expect(top?.start.toISOString()).toBe('2026-11-03T14:00:00.000Z');
    expect([clock(top!.start, 'America/New_York'), clock(top!.start, 'Asia/Kolkata')]).toEqual(['09:00', '19:30']);
    expect(top?.reasons.map((r) => r.text)).toEqual([
      "Inside everyone's working hours",
      'Everyone is free',
      'Not first thing for Alex Wilber (New York)',
      'Not at the end of the day for Priya Sharma (Kolkata)',
    ]);
    const soonest = rest.find((s) => codes(s).includes('soonest'));
    expect(soonest?.start.toISOString()).toBe('2026-11-03T13:00:00.000Z');
    expect(soonest?.reasons.map((r) => r.text)).toContain('Early in the day for Alex Wilber (New York)');
  });

  it('spreads suggestions over different days, best first, ties going to the earlier day', () => {
    const people = londonNewYorkKolkata({}, ['12:00', '21:00']);
    const window = { start: utc('2026-11-02T00:00'), end: utc('2026-11-07T00:00') };
    const suggestions = findSlots(slotRequest({ window, people, maxSuggestions: 3 }));
    expect(starts(suggestions)).toEqual(['2026-11-02T14:00', '2026-11-03T14:00', '2026-11-04T14:00']);
  });

  it('never offers two suggestions closer than one meeting length', () => {
    const people = londonNewYorkKolkata({}, ['12:00', '21:00']);
    const suggestions = findSlots(
      slotRequest({ window: day('2026-11-03'), people, durationMinutes: 45, maxSuggestions: 10 }),
    );
    const sorted = suggestions.map((s) => s.start.getTime()).sort((a, b) => a - b);
    expect(sorted.length).toBeGreaterThan(1);
    for (let i = 1; i < sorted.length; i++) expect(sorted[i]! - sorted[i - 1]!).toBeGreaterThanOrEqual(45 * 60_000);
  });
});

describe('findSlots: what blocks a slot', () => {
  const window = day('2026-11-03');

  it.each([
    [
      'an all-day out-of-office given in UTC',
      { alex: [block(utc('2026-11-03T00:00'), utc('2026-11-04T00:00'), 'oof')] },
      [],
    ],
    [
      'an all-day out-of-office given in the organizer’s zone',
      { priya: [block(utc('2026-11-03T00:00'), utc('2026-11-04T00:00'), 'oof')] },
      [],
    ],
    ['a busy block', { megan: [block(utc('2026-11-03T13:00'), utc('2026-11-03T15:30'))] }, []],
    [
      'a free block',
      { megan: [block(utc('2026-11-03T13:00'), utc('2026-11-03T15:30'), 'free')] },
      ['2026-11-03T14:00'],
    ],
    [
      'working elsewhere (it is free)',
      { priya: [block(utc('2026-11-03T13:00'), utc('2026-11-03T15:30'), 'workingElsewhere')] },
      ['2026-11-03T14:00'],
    ],
    ['an unknown status', { priya: [block(utc('2026-11-03T13:00'), utc('2026-11-03T15:30'), 'unknown')] }, []],
  ])('%s', (_name, blocks, expected) => {
    const suggestions = findSlots(
      slotRequest({ window, people: londonNewYorkKolkata(blocks, ['12:00', '21:00']), maxSuggestions: 1 }),
    );
    expect(starts(suggestions)).toEqual(expected);
  });

  it('never overlaps a recurring stand-up, expanded as getSchedule returns it', () => {
    const window = { start: utc('2026-11-02T00:00'), end: utc('2026-11-07T00:00') };
    // Daily 09:00–09:30 in New York (14:00–14:30 UTC).
    const standUps = ['02', '03', '04', '05', '06'].map((d) =>
      block(utc(`2026-11-${d}T14:00`), utc(`2026-11-${d}T14:30`)),
    );
    const people = londonNewYorkKolkata({ alex: standUps }, ['12:00', '21:00']);
    const suggestions = findSlots(slotRequest({ window, people, maxSuggestions: 10 }));
    expect(suggestions.length).toBeGreaterThan(0);
    for (const s of suggestions) expect(clock(s.start, 'UTC') >= '14:30' || clock(s.end, 'UTC') <= '14:00').toBe(true);
  });

  it.each([
    [true, ['2026-11-03T14:30'], []],
    [false, ['2026-11-03T14:00'], ['tentative_overlap']],
  ])('tentative counts as busy: %s', (tentativeIsBusy, expected, extraCodes) => {
    const people = londonNewYorkKolkata(
      { priya: [block(utc('2026-11-03T13:45'), utc('2026-11-03T14:30'), 'tentative')] },
      ['12:00', '21:00'],
    );
    const [top] = findSlots(slotRequest({ window, people, tentativeIsBusy, maxSuggestions: 1 }));
    expect(starts(top ? [top] : [])).toEqual(expected);
    for (const code of extraCodes) expect(codes(top)).toContain(code);
    if (!tentativeIsBusy)
      expect(top?.reasons.map((r) => r.text)).toContain('Over a tentative hold for Priya Sharma (Kolkata)');
  });

  it.each([
    // Megan is busy 13:00–13:30 and 14:45–15:30 UTC; a 30-minute meeting goes in between.
    [0, 0, ['2026-11-03T13:30', '2026-11-03T13:45', '2026-11-03T14:00', '2026-11-03T14:15']],
    [15, 0, ['2026-11-03T13:45', '2026-11-03T14:00', '2026-11-03T14:15']],
    [0, 15, ['2026-11-03T13:30', '2026-11-03T13:45', '2026-11-03T14:00']],
    [15, 15, ['2026-11-03T13:45', '2026-11-03T14:00']],
    [30, 30, []],
  ])('buffers of %i before and %i after extend Confer’s meeting, not the other events', (before, after, allowed) => {
    const people = londonNewYorkKolkata(
      {
        megan: [
          block(utc('2026-11-03T13:00'), utc('2026-11-03T13:30')),
          block(utc('2026-11-03T14:45'), utc('2026-11-03T15:30')),
        ],
      },
      ['12:00', '21:00'],
    );
    // Each start on the grid, asked about alone: a window exactly one meeting long.
    const seen: string[] = [];
    for (let minute = 0; minute <= 150; minute += 15) {
      const start = new Date(utc('2026-11-03T13:00').getTime() + minute * 60_000);
      const alone = { start, end: new Date(start.getTime() + 30 * 60_000) };
      const found = findSlots(
        slotRequest({ window: alone, people, bufferBeforeMinutes: before, bufferAfterMinutes: after }),
      );
      seen.push(...starts(found));
    }
    expect(seen).toEqual(allowed);
  });
});
