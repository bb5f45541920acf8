import type { ProbePerson } from '../../ports/access-probe.ts';

/** Someone an access test checks: found in Confer's list or the directory, as the admin typed them or sampled. */
export interface Candidate {
  person: ProbePerson;
  /** As the admin typed it, or the person's address for a sampled one. */
  typed: string;
  named: boolean;
}

/**
 * `size` items drawn uniformly without replacement (a partial Fisher–Yates shuffle of a copy). `random` returns
 * [0, 1) like Math.random; tests pass a seeded one.
 */
export function randomSample<T>(items: readonly T[], size: number, random: () => number): T[] {
  const pool = [...items];
  const count = Math.max(0, Math.min(size, pool.length));
  for (let i = 0; i < count; i++) {
    const j = i + Math.floor(random() * (pool.length - i));
    const picked = pool[j] as T;
    pool[j] = pool[i] as T;
    pool[i] = picked;
  }
  return pool.slice(0, count);
}

/**
 * The sample: `size` people Confer knows, topped up from the directory page when it knows fewer; one person is
 * never drawn twice (ids compare without case).
 */
export function samplePeople(
  known: readonly ProbePerson[],
  directory: readonly ProbePerson[],
  size: number,
  random: () => number,
): ProbePerson[] {
  const fromKnown = randomSample(uniqueById(known), size, random);
  if (fromKnown.length >= size) return fromKnown;
  const taken = new Set(fromKnown.map((p) => p.userId.toLowerCase()));
  const others = uniqueById(directory).filter((p) => !taken.has(p.userId.toLowerCase()));
  return [...fromKnown, ...randomSample(others, size - fromKnown.length, random)];
}

/**
 * Named people first, then the sample, each person once (a named person drawn in the sample too stays named),
 * at most `max` in all.
 */
export function mergeCandidates(named: readonly Candidate[], sample: readonly ProbePerson[], max: number): Candidate[] {
  const seen = new Set<string>();
  const merged: Candidate[] = [];
  const add = (candidate: Candidate) => {
    const key = candidate.person.userId.toLowerCase();
    if (seen.has(key) || merged.length >= max) return;
    seen.add(key);
    merged.push(candidate);
  };
  for (const candidate of named) add(candidate);
  for (const person of sample) add({ person, typed: person.email, named: false });
  return merged;
}

/** A named reference matched against people already at hand: object id, UPN or email, without case. */
export function matchRef(ref: string, people: readonly ProbePerson[]): ProbePerson | undefined {
  const key = ref.trim().toLowerCase();
  return people.find((p) => p.userId.toLowerCase() === key || p.email.toLowerCase() === key);
}

function uniqueById(people: readonly ProbePerson[]): ProbePerson[] {
  const seen = new Set<string>();
  return people.filter((p) => {
    const key = p.userId.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
