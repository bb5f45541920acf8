import { describe, expect, it } from 'vitest';
import type { ProbePerson } from '../../ports/access-probe.ts';
import { matchRef, mergeCandidates, randomSample, samplePeople } from './access-sample.ts';

const person = (n: number): ProbePerson => ({ userId: `ID-${n}`, email: `p${n}@contoso.test`, displayName: `P ${n}` });
const people = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => person(from + i));

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

describe('randomSample', () => {
  it('draws the asked number of distinct items from the list, for any seed', () => {
    const items = people(0, 30);
    for (let seed = 1; seed <= 200; seed++) {
      const size = seed % 35;
      const drawn = randomSample(items, size, seeded(seed));
      expect(drawn).toHaveLength(Math.min(size, items.length));
      expect(new Set(drawn).size).toBe(drawn.length);
      for (const item of drawn) expect(items).toContain(item);
    }
  });

  it('follows the random source (a source always at 0 keeps the order) and leaves the list as it was', () => {
    const items = people(0, 5);
    expect(randomSample(items, 3, () => 0)).toEqual(items.slice(0, 3));
    // Always the last of the rest: 4 first, then 0, which the first swap moved to the end.
    expect(randomSample(items, 2, () => 0.999)).toEqual([items[4], items[0]]);
    expect(items).toEqual(people(0, 5));
  });

  it('gives every item its chance: over many draws each is picked about equally often', () => {
    const items = people(0, 10);
    const random = seeded(7);
    const counts = new Map<string, number>();
    for (let round = 0; round < 2_000; round++) {
      for (const item of randomSample(items, 3, random)) counts.set(item.userId, (counts.get(item.userId) ?? 0) + 1);
    }
    // 600 expected each; the bounds are more than five standard deviations wide.
    for (const item of items) expect(counts.get(item.userId)).toBeGreaterThan(500);
    for (const item of items) expect(counts.get(item.userId)).toBeLessThan(700);
  });
});

describe('samplePeople', () => {
  it('takes only people Confer knows when it knows enough', () => {
    const known = people(0, 20);
    const drawn = samplePeople(known, people(100, 110), 10, seeded(1));
    expect(drawn).toHaveLength(10);
    for (const p of drawn) expect(known).toContain(p);
  });

  it('tops up from the directory when Confer knows fewer, never drawing anyone twice', () => {
    const known = people(0, 3);
    // The directory page lists the known people too, one of them with its id in other case.
    const directory = [{ ...person(1), userId: 'id-1' }, person(0), ...people(10, 14)];
    const drawn = samplePeople(known, directory, 6, seeded(3));
    expect(drawn).toHaveLength(6);
    expect(
      drawn
        .slice(0, 3)
        .map((p) => p.userId)
        .sort(),
    ).toEqual(['ID-0', 'ID-1', 'ID-2']);
    expect(new Set(drawn.map((p) => p.userId.toLowerCase())).size).toBe(6);
    expect(samplePeople(known, directory, 50, seeded(3))).toHaveLength(7);
  });
});

describe('mergeCandidates and matchRef', () => {
  it('puts named people first, keeps a named person named when also drawn, and stops at the cap', () => {
    const named = [{ person: person(2), typed: 'P2@CONTOSO.TEST', named: true }];
    const merged = mergeCandidates(named, people(0, 5), 4);
    expect(merged.map((c) => [c.person.userId, c.named, c.typed])).toEqual([
      ['ID-2', true, 'P2@CONTOSO.TEST'],
      ['ID-0', false, 'p0@contoso.test'],
      ['ID-1', false, 'p1@contoso.test'],
      ['ID-3', false, 'p3@contoso.test'],
    ]);
  });

  it('finds a named person by object id or address, without case', () => {
    const list = people(0, 3);
    expect(matchRef('id-1', list)).toEqual(person(1));
    expect(matchRef(' P2@Contoso.Test ', list)).toEqual(person(2));
    expect(matchRef('p9@contoso.test', list)).toBeUndefined();
  });
});
