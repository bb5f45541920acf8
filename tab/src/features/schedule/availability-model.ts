import { type AvailabilityResponse, type CalendarReadStatus, type FreeBusyStatus, isBlocking } from '@confer/contracts';
import type { Interval } from './grid-geometry.ts';
import { isInside, workingIntervals } from './working-hours.ts';

export type BlockStatus = FreeBusyStatus;

export interface BusyBlock extends Interval {
  readonly status: BlockStatus;
  /** Only on the organizer's own events. */
  readonly subject?: string;
}

/** One person as the grid shows them. */
export interface PersonView {
  readonly email: string;
  readonly name: string;
  readonly isOrganizer: boolean;
  readonly status: CalendarReadStatus;
  /** What to do about an unreadable calendar (the API's words); null when readable. */
  readonly message: string | null;
  readonly timeZone: string;
  /** Working stretches as instants over the visible days; null when unknown (unreadable or not published). */
  readonly working: readonly Interval[] | null;
  readonly blocks: readonly BusyBlock[];
}

export function toPeopleViews(response: AvailabilityResponse, viewerDays: readonly string[]): PersonView[] {
  return response.people.map((p) => ({
    email: p.person.email,
    name: p.person.displayName,
    isOrganizer: p.isOrganizer,
    status: p.status,
    message: p.message,
    timeZone: p.workingHours?.timeZone ?? p.timeZone,
    working: p.workingHours ? workingIntervals(p.workingHours, viewerDays) : null,
    blocks: p.blocks
      .filter((b) => b.status !== 'free')
      .map((b) => ({
        start: new Date(b.start),
        end: new Date(b.end),
        status: b.status,
        ...(b.subject !== undefined ? { subject: b.subject } : {}),
      })),
  }));
}

/** What one person is doing during an interval. */
export interface PersonState {
  readonly person: PersonView;
  /** `unknown` when their calendar cannot be read: never shown as free. */
  readonly status: BlockStatus;
  readonly subjects: readonly string[];
  /** Null when their working hours are unknown. */
  readonly insideWorkingHours: boolean | null;
}

/** Out of office outranks busy, busy outranks tentative: the strongest claim on the time wins. */
const weight: Record<BlockStatus, number> = { free: 0, workingElsewhere: 1, tentative: 2, busy: 3, oof: 4, unknown: 5 };

export function stateAt(person: PersonView, interval: Interval): PersonState {
  if (person.status !== 'ok') return { person, status: 'unknown', subjects: [], insideWorkingHours: null };
  let status: BlockStatus = 'free';
  const subjects: string[] = [];
  const from = interval.start.getTime();
  const to = interval.end.getTime();
  const { starts, ends } = timesOf(person.blocks);
  for (let i = 0; i < starts.length; i++) {
    if ((ends[i] as number) <= from || (starts[i] as number) >= to) continue;
    const block = person.blocks[i] as BusyBlock;
    if (weight[block.status] > weight[status]) status = block.status;
    if (block.subject && !subjects.includes(block.subject)) subjects.push(block.subject);
  }
  return {
    person,
    status,
    subjects,
    insideWorkingHours: person.working ? isInside(person.working, interval) : null,
  };
}

/**
 * Each block's start and end as numbers, worked out once per list: the grid asks about every slot of the week
 * for everyone, and comparing Dates converts both sides each time.
 */
const blockTimes = new WeakMap<readonly BusyBlock[], { starts: Float64Array; ends: Float64Array }>();

function timesOf(blocks: readonly BusyBlock[]): { starts: Float64Array; ends: Float64Array } {
  let times = blockTimes.get(blocks);
  if (!times) {
    times = {
      starts: Float64Array.from(blocks, (b) => b.start.getTime()),
      ends: Float64Array.from(blocks, (b) => b.end.getTime()),
    };
    blockTimes.set(blocks, times);
  }
  return times;
}

/**
 * Whether the time is taken, by the rule the suggestions use (`isBlocking`), with tentative as busy: the picker asks
 * for suggestions with the API's default, which counts tentative time as taken.
 */
export function isTaken(state: PersonState): boolean {
  return isBlocking(state.status, true);
}

export function unreadablePeople(people: readonly PersonView[]): PersonView[] {
  return people.filter((p) => p.status !== 'ok');
}
