/**
 * When to read an ended occurrence's attendance report. Teams writes the report some minutes after the
 * meeting ends, sometimes much later, and not at all when reports are off: Confer asks with growing gaps and,
 * after a bounded wait, records `unknown` rather than guess.
 */

/** The first read, after the occurrence's end. */
export const FIRST_CHECK_AFTER_MS = 10 * 60_000;
/** Gaps double from this, up to the cap. */
const FIRST_GAP_MS = 10 * 60_000;
const MAX_GAP_MS = 6 * 60 * 60_000;
/** After this long past the end, the outcome is `unknown`. */
export const GIVE_UP_AFTER_MS = 48 * 60 * 60_000;

export function firstCheckAt(occurrenceEnd: Date): Date {
  return new Date(occurrenceEnd.getTime() + FIRST_CHECK_AFTER_MS);
}

/** The next read after `attempts` reads came back without a report; null once the wait is over. */
export function nextCheckAt(occurrenceEnd: Date, attempts: number, now: Date): Date | null {
  const deadline = occurrenceEnd.getTime() + GIVE_UP_AFTER_MS;
  if (now.getTime() >= deadline) return null;
  const gap = Math.min(MAX_GAP_MS, FIRST_GAP_MS * 2 ** Math.max(0, attempts - 1));
  return new Date(Math.min(deadline, now.getTime() + gap));
}
