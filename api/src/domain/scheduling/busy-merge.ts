import { isBlocking } from '@confer/contracts';
import { addDays, dateKeyIn, startOfDay } from '@confer/contracts/time';
import { mergeSpans, type Span, toInterval } from './interval-math.ts';
import type { BusyBlock, Interval } from './model.ts';

export interface BusyMergeOptions {
  /** Tentative blocks count as busy unless this is false. */
  tentativeIsBusy: boolean;
  /** The person's IANA zone: an all-day out-of-office covers whole days there. */
  timeZone: string;
}

/**
 * An out-of-office block of 23 hours or more is an all-day absence (23 because a spring-forward day is
 * 23 hours long). getSchedule reports all-day items in the zone of the request, which can leave such a
 * block starting at 05:30 local for someone in Kolkata; it is widened to the whole local days it touches
 * in the person's own zone so the morning it "misses" is not offered.
 */
const ALL_DAY_MS = 23 * 60 * 60 * 1000;

/** The span a block keeps busy, widened to whole local days for an all-day out-of-office. */
export function blockingSpan(block: BusyBlock, timeZone: string): Span {
  const start = block.start.getTime();
  const end = block.end.getTime();
  if (block.status !== 'oof' || end - start < ALL_DAY_MS) return { start, end };
  const first = startOfDay(dateKeyIn(start, timeZone), timeZone).getTime();
  const lastDate = dateKeyIn(end, timeZone);
  const lastStart = startOfDay(lastDate, timeZone).getTime();
  const lastEnd = end === lastStart ? end : startOfDay(addDays(lastDate, 1), timeZone).getTime();
  return { start: first, end: lastEnd };
}

/** Disjoint, sorted busy spans of one person under the blocking rules above. */
export function blockingSpans(blocks: readonly BusyBlock[], options: BusyMergeOptions): Span[] {
  const spans: Span[] = [];
  for (const block of blocks) {
    if (isBlocking(block.status, options.tentativeIsBusy)) spans.push(blockingSpan(block, options.timeZone));
  }
  return mergeSpans(spans);
}

/**
 * One person's blocks merged into disjoint busy intervals. Recurring and all-day items need nothing
 * special here: the calendar adapter has already expanded series into their occurrences (getSchedule
 * returns occurrences, never masters). Buffers are not applied here: they extend Confer's candidate,
 * not other people's events (see slot-finder.ts).
 */
export function mergeBusyBlocks(blocks: readonly BusyBlock[], options: BusyMergeOptions): Interval[] {
  return blockingSpans(blocks, options).map(toInterval);
}
