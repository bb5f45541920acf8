import { describe, expect, it } from 'vitest';
import type { Suggestion } from './model.ts';
import { findSlots } from './slot-finder.ts';
import { clock } from './test-support/oracles.ts';
import { block, hours, londonNewYorkKolkata, person, slotRequest, utc } from './test-support/people.ts';

const starts = (suggestions: readonly Suggestion[]) => suggestions.map((s) => s.start.toISOString().slice(0, 16));
const dates = (suggestions: readonly Suggestion[]) => [
  ...new Set(suggestions.map((s) => s.start.toISOString().slice(0, 10))),
];
const twoDays = { start: utc('2026-11-03T00:00'), end: utc('2026-11-05T00:00') };
const wideKolkata: [string, string] = ['12:00', '21:00'];

describe('findSlots: per-person daily cap of Confer meetings', () => {
  // Two Confer meetings on Tuesday evening in New York: 01:00 and 02:00 UTC on Wednesday.
  const evening = [
    block(utc('2026-11-04T01:00'), utc('2026-11-04T01:30'), 'busy', { isConferMeeting: true }),
    block(utc('2026-11-04T02:00'), utc('2026-11-04T02:30'), 'busy', { isConferMeeting: true }),
  ];
  it.each([
    [null, evening, ['2026-11-03', '2026-11-04']],
    [3, evening, ['2026-11-03', '2026-11-04']],
    // The cap counts Alex's local day (Tuesday in New York), not the UTC date the meetings fall on.
    [2, evening, ['2026-11-04']],
    [1, evening.slice(0, 1), ['2026-11-04']],
    // A Confer meeting shown as free (declined) is not one Alex will attend.
    [
      1,
      [block(utc('2026-11-04T01:00'), utc('2026-11-04T01:30'), 'free', { isConferMeeting: true })],
      ['2026-11-03', '2026-11-04'],
    ],
    // Other meetings do not count towards Confer's cap.
    [1, [block(utc('2026-11-04T01:00'), utc('2026-11-04T01:30'))], ['2026-11-03', '2026-11-04']],
  ])('cap %s', (maxMeetingsPerDay, alex, expectedDates) => {
    const people = londonNewYorkKolkata({ alex }, wideKolkata);
    const suggestions = findSlots(slotRequest({ window: twoDays, people, maxMeetingsPerDay, maxSuggestions: 10 }));
    expect(dates(suggestions).sort()).toEqual(expectedDates);
  });

  it('counts the early-morning part of hours that run past midnight on the date it falls on', () => {
    // Night shifts in London, 22:00–06:00 from Tuesday and Wednesday; a Confer meeting at 03:00 on Wednesday.
    const nights = person('Noor Night', 'Europe/London', {
      workingHours: { ...hours('Europe/London', '22:00', '06:00'), days: ['tuesday', 'wednesday'] },
      blocks: [block(utc('2026-11-04T03:00'), utc('2026-11-04T03:30'), 'busy', { isConferMeeting: true })],
    });
    const window = { start: utc('2026-11-03T22:00'), end: utc('2026-11-05T06:00') };
    const suggestions = findSlots(
      slotRequest({ window, people: [nights], maxMeetingsPerDay: 1, stepMinutes: 60, maxSuggestions: 50 }),
    );
    // Wednesday 4 November has its one meeting: no more on that date, neither in the small hours of
    // Tuesday's shift nor on Wednesday evening; Tuesday evening and Thursday's small hours stay open.
    expect(dates(suggestions).sort()).toEqual(['2026-11-03', '2026-11-05']);
  });
});

describe('findSlots: minimum notice', () => {
  it.each([
    ['2026-11-03T13:00', '2026-11-03T13:00'],
    ['2026-11-03T14:05', '2026-11-03T14:15'],
    ['2026-11-03T15:01', '2026-11-04T13:00'],
  ])('not before %s: the soonest is %s', (notBefore, soonest) => {
    const people = londonNewYorkKolkata({}, wideKolkata);
    const suggestions = findSlots(
      slotRequest({ window: twoDays, people, notBefore: utc(notBefore), maxSuggestions: 20 }),
    );
    expect(suggestions.every((s) => s.start >= utc(notBefore))).toBe(true);
    expect(starts(suggestions.filter((s) => s.reasons.some((r) => r.code === 'soonest')))).toEqual([soonest]);
  });
});

describe('findSlots: calendars Confer cannot read', () => {
  const adele = person('Adele Vance', 'Europe/London', { status: 'consent_required', workingHours: null });
  const lynne = person('Lynne Robbins', 'Europe/London', { status: 'external', workingHours: null });

  it('suggests from the readable calendars and says on every suggestion whose calendar is unknown', () => {
    const readable = londonNewYorkKolkata({}, wideKolkata);
    const known = findSlots(slotRequest({ window: twoDays, people: readable }));
    const withUnknown = findSlots(slotRequest({ window: twoDays, people: [...readable, adele, lynne] }));
    expect(starts(withUnknown)).toEqual(starts(known));
    expect(withUnknown.length).toBeGreaterThan(0);
    for (const s of withUnknown) {
      const unknown = s.reasons.filter((r) => r.code === 'calendar_unknown').map((r) => r.text);
      expect(unknown).toEqual([
        "Adele Vance's calendar could not be read, so they may be busy",
        "Lynne Robbins's calendar could not be read, so they may be busy",
      ]);
      expect(s.reasons[0]?.text).toBe('Inside the working hours of everyone Confer can see');
      expect(s.reasons[1]?.text).toBe('Everyone Confer can see is free');
    }
    for (const s of known) expect(s.reasons.some((r) => r.code === 'calendar_unknown')).toBe(false);
  });

  it('suggests nothing when no calendar can be read', () => {
    expect(findSlots(slotRequest({ window: twoDays, people: [adele, lynne] }))).toEqual([]);
  });
});

describe('findSlots: the grid', () => {
  it.each([
    ['Europe/London', '2026-06-02', ':00'],
    ['Asia/Kolkata', '2026-06-02', ':00'],
    ['America/New_York', '2026-11-02', ':00'],
  ])('hourly steps land on the hour in the organizer’s zone (%s)', (zone, date, minutes) => {
    const organizer = person('Priya Sharma', zone, { workingHours: hours(zone, '09:00', '17:00') });
    const window = { start: utc(`${date}T00:00`), end: utc(`${date}T23:59`) };
    const suggestions = findSlots(slotRequest({ window, people: [organizer], stepMinutes: 60, maxSuggestions: 10 }));
    expect(suggestions.length).toBe(8);
    for (const s of suggestions) expect(clock(s.start, zone).endsWith(minutes)).toBe(true);
  });

  it.each([
    ['the window’s end', '09:10', '09:55', 45, ['2026-11-02T09:10']],
    ['the window’s end, a minute short', '09:10', '09:54', 45, []],
    ['the working day', '08:00', '12:00', 60, ['2026-11-02T09:00']],
  ])('keeps the whole meeting inside %s', (_name, from, to, durationMinutes, expected) => {
    const organizer = person('Megan Bowen', 'Europe/London', {
      workingHours: hours('Europe/London', '09:00', '10:00'),
    });
    const window = { start: utc(`2026-11-02T${from}`), end: utc(`2026-11-02T${to}`) };
    const suggestions = findSlots(slotRequest({ window, people: [organizer], durationMinutes, stepMinutes: 5 }));
    expect(starts(suggestions)).toEqual(expected);
  });
});
