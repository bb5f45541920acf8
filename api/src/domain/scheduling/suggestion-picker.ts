/** What the picker needs of a ranked candidate. */
export interface Pickable {
  start: number;
  score: number;
  /** The organizer's local date: suggestions spread over different days first. */
  dayKey: string;
}

/**
 * Best first, by score then by earliness: the ranking every list of suggestions is returned in.
 */
export function compareRanked(a: Pickable, b: Pickable): number {
  return b.score - a.score || a.start - b.start;
}

/**
 * Chooses up to `max` of the ranked candidates without near-duplicates: first the best of each day, then
 * the best of what is left, never two starts closer than `minGapMs` (one meeting length), so the list
 * offers real alternatives rather than the same slot shifted by a step. `accept` runs the checks that are
 * too costly for every candidate (every occurrence of a series) and only on those about to be chosen.
 */
export function pickSpread<T extends Pickable>(
  ranked: readonly T[],
  max: number,
  minGapMs: number,
  accept: (candidate: T) => boolean,
): T[] {
  const chosen: T[] = [];
  const days = new Set<string>();
  const fits = (candidate: T) =>
    !chosen.includes(candidate) && chosen.every((c) => Math.abs(c.start - candidate.start) >= minGapMs);
  for (const candidate of ranked) {
    if (chosen.length >= max) break;
    if (days.has(candidate.dayKey) || !fits(candidate) || !accept(candidate)) continue;
    chosen.push(candidate);
    days.add(candidate.dayKey);
  }
  for (const candidate of ranked) {
    if (chosen.length >= max) break;
    if (fits(candidate) && accept(candidate)) chosen.push(candidate);
  }
  return chosen.sort(compareRanked);
}
