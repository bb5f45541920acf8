/**
 * Suggestions on dense calendars (issue 4): the median in-process time of `findSlots` for 2 people over
 * 14 days (target < 2 ms) and 20 people over 62 days (target < 25 ms). Each calendar has at least 8
 * one-off events a day plus daily recurring items (expanded, as getSchedule returns them), mixed statuses,
 * Confer meetings and the odd all-day absence, from a fixed seed. Baseline in the same run: merging the
 * same blocks into busy intervals and nothing else, so machine load shows in both figures.
 */
import { mergeBusyBlocks } from '../api/src/domain/scheduling/busy-merge.ts';
import type { PersonAvailability, SlotRequest } from '../api/src/domain/scheduling/model.ts';
import { findSlots } from '../api/src/domain/scheduling/slot-finder.ts';
import { hours, person, slotRequest } from '../api/src/domain/scheduling/test-support/people.ts';
import { randomCalendar } from '../api/src/domain/scheduling/test-support/random-calendar.ts';
import { seededRandom } from '../api/src/domain/scheduling/test-support/seeded-random.ts';
import type { BenchResult } from './lib/results.ts';

const RUNS = 50;
const WARM_UP_RUNS = 5;
const SEED = 20260308;
const PERSONAL_EVENTS_PER_DAY = 1;
/** A team in London and Berlin with colleagues in New York (Kolkata would leave no shared hours at 08–18). */
const ZONES = ['Europe/London', 'America/New_York', 'Europe/Berlin', 'Europe/London', 'Europe/London'];

interface Scenario {
  name: string;
  people: number;
  days: number;
  target: number;
}

const SCENARIOS: readonly Scenario[] = [
  { name: 'suggestions: 2 people × 14 days, dense (median)', people: 2, days: 14, target: 2 },
  { name: 'suggestions: 20 people × 62 days, dense (median)', people: 20, days: 62, target: 25 },
];

export async function benchSuggestions(): Promise<BenchResult[]> {
  return SCENARIOS.map((scenario) => {
    const request = denseRequest(scenario);
    const found = findSlots(request).length;
    const blocks = request.people.reduce((sum, p) => sum + p.blocks.length, 0);
    const value = medianMs(() => findSlots(request));
    const baseline = medianMs(() => {
      for (const p of request.people) mergeBusyBlocks(p.blocks, { tentativeIsBusy: true, timeZone: p.timeZone });
    });
    process.stdout.write(`  ${scenario.name}: ${blocks} blocks, ${found} suggestions\n`);
    return { name: scenario.name, unit: 'ms', value, target: scenario.target, baseline, better: 'lower' };
  });
}

/**
 * Most of a colleague's meetings are with the same team, so each calendar is the team's shared meetings
 * (7 a day and 2 daily recurring ones, the same instants for everyone) plus personal events: every person
 * has at least 8 events a day, and what is left free is what a real team would have in common.
 */
function denseRequest(scenario: Scenario): SlotRequest {
  const random = seededRandom(SEED + scenario.people);
  const start = new Date('2026-03-02T00:00:00Z');
  const window = { start, end: new Date(start.getTime() + scenario.days * 86_400_000) };
  const shared = randomCalendar(random, {
    zone: 'Europe/London',
    window,
    eventsPerDay: 7,
    recurringPerDay: 2,
    allDayOofChance: 0,
  });
  const people: PersonAvailability[] = Array.from({ length: scenario.people }, (_, i) => {
    const zone = ZONES[i % ZONES.length]!;
    const personal = randomCalendar(random, {
      zone,
      window,
      eventsPerDay: PERSONAL_EVENTS_PER_DAY,
      recurringPerDay: 0,
      allDayOofChance: 0.02,
    });
    return person(`Person ${i + 1}`, zone, {
      workingHours: hours(zone, '08:00', '18:00'),
      blocks: [...shared, ...personal],
    });
  });
  return slotRequest({ window, people, durationMinutes: 30, maxMeetingsPerDay: 4, maxSuggestions: 5 });
}

function medianMs(run: () => unknown): number {
  for (let i = 0; i < WARM_UP_RUNS; i++) run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    run();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}
