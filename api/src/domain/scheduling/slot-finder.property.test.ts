import { describe, expect, it } from 'vitest';
import type { PersonAvailability, RecurrenceRule, SlotRequest } from './model.ts';
import { findSlots } from './slot-finder.ts';
import { hours, person, slotRequest, utc } from './test-support/people.ts';
import { randomCalendar } from './test-support/random-calendar.ts';
import { type Random, seededRandom } from './test-support/seeded-random.ts';
import { expectApart, expectRanked, fitsEveryone, onGrid, seriesFits } from './test-support/slot-laws.ts';

const ZONES = [
  'Europe/London',
  'America/New_York',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Australia/Sydney',
  'America/Los_Angeles',
  'Europe/Berlin',
  'UTC',
];
/** Weeks around the 2026 clock changes (US 8 March / 1 November, EU 29 March / 25 October, Sydney 5 April / 4 October). */
const WINDOW_STARTS = ['2026-03-05', '2026-03-26', '2026-04-02', '2026-10-01', '2026-10-22', '2026-10-29'];
const MINUTE = 60_000;

function randomPerson(random: Random, index: number, readable: boolean): PersonAvailability {
  const zone = random.pick(ZONES);
  const startMinute = random.int(24, 44) * 15;
  const endMinute = startMinute + random.int(24, 44) * 15;
  const clockOf = (m: number) =>
    `${String(Math.floor(m / 60) % 24).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  const workingHours = random.chance(0.2)
    ? null
    : hours(zone, clockOf(startMinute), clockOf(Math.min(endMinute, 23 * 60 + 45)));
  return person(`Person ${index}`, zone, {
    workingHours,
    status: readable ? 'ok' : random.pick(['external', 'consent_required']),
  });
}

function randomRequest(seed: number): SlotRequest {
  const random = seededRandom(seed);
  const start = utc(`${random.pick(WINDOW_STARTS)}T${String(random.int(0, 23)).padStart(2, '0')}:00`);
  const window = { start, end: new Date(start.getTime() + random.int(1, 14) * 86_400_000) };
  const readable = random.int(1, 4);
  const people = Array.from({ length: readable + random.int(0, 2) }, (_, i) => {
    const p = randomPerson(random, i, i < readable);
    const zone = p.workingHours?.timeZone ?? p.timeZone;
    const eventsPerDay = random.int(0, 6);
    return {
      ...p,
      blocks: randomCalendar(random, {
        zone,
        window,
        eventsPerDay,
        recurringPerDay: random.int(0, 2),
        allDayOofChance: 0.08,
      }),
    };
  });
  const recurrence: RecurrenceRule | null = random.chance(0.25)
    ? { kind: random.pick(['weekly', 'biweekly', 'monthly'] as const), count: random.int(2, 4) }
    : null;
  return slotRequest({
    window,
    people,
    durationMinutes: random.pick([15, 30, 45, 60, 90]),
    stepMinutes: random.pick([5, 10, 15, 30, 60]),
    bufferBeforeMinutes: random.pick([0, 0, 5, 15]),
    bufferAfterMinutes: random.pick([0, 0, 10, 15]),
    maxMeetingsPerDay: random.pick([null, 1, 2]),
    tentativeIsBusy: random.chance(0.6),
    maxSuggestions: random.int(1, 8),
    notBefore: new Date(start.getTime() + random.int(0, 48 * 60) * MINUTE),
    recurrence,
  });
}

/** Every start on the grid, tried one by one: used only to show an empty answer is truly empty. */
function anyFeasibleStart(request: SlotRequest): boolean {
  const duration = request.durationMinutes * MINUTE;
  const from = Math.max(request.window.start.getTime(), request.notBefore.getTime());
  for (
    let t = Math.floor(from / (5 * MINUTE)) * 5 * MINUTE;
    t + duration <= request.window.end.getTime();
    t += 5 * MINUTE
  ) {
    const slot = { start: new Date(t), end: new Date(t + duration) };
    if (t >= from && onGrid(request, slot.start) && fitsEveryone(request, slot) && seriesFits(request, slot))
      return true;
  }
  return false;
}

const SEEDS = Array.from({ length: 120 }, (_, i) => i + 1);

describe('findSlots laws on random calendars', () => {
  it.each(SEEDS)('seed %i', (seed) => {
    const request = randomRequest(seed);
    const suggestions = findSlots(request);
    const unknown = request.people.filter((p) => p.status !== 'ok').length;
    expect(suggestions.length).toBeLessThanOrEqual(request.maxSuggestions);
    for (const s of suggestions) {
      expect(s.end.getTime() - s.start.getTime()).toBe(request.durationMinutes * MINUTE);
      expect(s.start >= request.notBefore && s.start >= request.window.start && s.end <= request.window.end).toBe(true);
      expect(onGrid(request, s.start)).toBe(true);
      // No suggestion overlaps a blocking interval, leaves anyone's working hours, or breaks a daily cap.
      expect(fitsEveryone(request, s)).toBe(true);
      expect(seriesFits(request, s)).toBe(true);
      expect(s.reasons.filter((r) => r.code === 'calendar_unknown').length).toBe(unknown);
    }
    expectRanked(suggestions);
    expectApart(suggestions, request.durationMinutes * MINUTE);
    if (suggestions.length === 0) expect(anyFeasibleStart(request)).toBe(false);
  });
});
