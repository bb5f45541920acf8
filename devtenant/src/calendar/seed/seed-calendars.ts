import { playgroundUserId } from '@confer/contracts';
import type { DirectoryUser } from '../../graph/context.ts';
import type { WriterDeps } from '../events/writer-deps.ts';
import { seedPersonalSeries } from './seed-personal-series.ts';
import { seedAllHands, seedOffsite, seedOneOnOnes, seedTeamSeries } from './seed-series.ts';
import { seedAdHocMeetings, seedPersonalSingles } from './seed-singles.ts';
import { SeedWriter } from './seed-writer.ts';
import { SeededRandom } from './seeded-random.ts';

/** The Agents Playground's six people get the richest calendars (shared facts: Alex Wilber …0020 to Lynne Robbins …0025). */
const PLAYGROUND = new Set([20, 21, 22, 23, 24, 25].map((n) => playgroundUserId(n)));

export function isPlaygroundUser(user: DirectoryUser): boolean {
  return PLAYGROUND.has(user.id);
}

function byDepartment(users: readonly DirectoryUser[]): DirectoryUser[][] {
  const groups = new Map<string, DirectoryUser[]>();
  for (const user of users) {
    const key = user.department ?? 'General';
    groups.set(key, [...(groups.get(key) ?? []), user]);
  }
  return [...groups.values()];
}

/**
 * Generates eight weeks of calendars around the clock's now for every user with a mailbox: recurring team
 * meetings and 1:1s (all six pattern types, all three range types), all-day, out-of-office, tentative,
 * working-elsewhere and private items, and meetings whose attendees answer. Deterministic for a given clock.
 */
export function seedCalendars(deps: WriterDeps, users: readonly DirectoryUser[]): void {
  const random = new SeededRandom('devtenant-calendar-seed');
  const seedDeps: WriterDeps = { ...deps, random: random.bytes, publish: () => {} };
  const people = [...users].filter((u) => u.mail).sort((a, b) => a.id.localeCompare(b.id));
  if (people.length === 0) return;
  const w = new SeedWriter(seedDeps, random, people);
  const window = {
    seriesStart: w
      .today(people[0] as DirectoryUser)
      .minus({ weeks: 4 })
      .startOf('week')
      .toISODate() as string,
  };
  const teams = byDepartment(people);
  for (const team of teams) {
    const [lead, ...reports] = team as [DirectoryUser, ...DirectoryUser[]];
    seedTeamSeries(w, lead, team, window, random);
    seedOneOnOnes(w, lead, reports, window);
  }
  const host = people.find(isPlaygroundUser) ?? (people[0] as DirectoryUser);
  seedAllHands(w, host, people, window);
  seedOffsite(
    w,
    host,
    teams.map((team) => team[0] as DirectoryUser),
  );
  const playground = people.filter(isPlaygroundUser);
  for (const user of people) {
    const rich = isPlaygroundUser(user);
    seedPersonalSeries(w, user, window, random, rich);
    seedPersonalSingles(w, user, random, rich);
    const colleagues = rich
      ? [...playground, ...people.filter((p) => p.department === user.department)]
      : people.filter((p) => p.department === user.department);
    seedAdHocMeetings(w, user, colleagues, random, rich ? 0.8 : 0.25);
  }
}
