import type { BusyBlock, PersonView } from './availability-model.ts';
import { type GridSpec, type Interval, type Placement, placeInterval, verticalBox } from './grid-geometry.ts';

export interface Lane {
  readonly person: PersonView;
  /** Horizontal share of the day column, in percent. */
  readonly left: number;
  readonly width: number;
}

/**
 * One lane per person and day. The organizer's lane is half the column when others are shown, so their own
 * event titles stay readable; everyone else shares the other half.
 */
export function lanesOf(people: readonly PersonView[]): Lane[] {
  const others = people.filter((p) => !p.isOrganizer);
  const organizer = people.find((p) => p.isOrganizer);
  const lanes: Lane[] = [];
  const ownWidth = others.length ? 50 : 100;
  if (organizer) lanes.push({ person: organizer, left: 0, width: ownWidth });
  const start = organizer ? ownWidth : 0;
  const share = others.length ? (100 - start) / others.length : 0;
  others.forEach((person, i) => {
    lanes.push({ person, left: start + i * share, width: share });
  });
  return lanes;
}

export interface Mark {
  readonly key: string;
  readonly day: number;
  readonly top: number;
  readonly height: number;
}

export interface BlockMark extends Mark {
  readonly block: BusyBlock;
}

function marksOf(spec: GridSpec, interval: Interval, key: string): Mark[] {
  return placeInterval(spec, interval).map((placement: Placement) => ({
    key: `${key}@${placement.day}`,
    day: placement.day,
    ...verticalBox(spec, placement),
  }));
}

export function blockMarks(spec: GridSpec, person: PersonView): BlockMark[] {
  return person.blocks.flatMap((block, i) =>
    marksOf(spec, block, `${person.email}#${i}`).map((mark) => ({ ...mark, block })),
  );
}

export function workingMarks(spec: GridSpec, person: PersonView): Mark[] {
  return (person.working ?? []).flatMap((stretch, i) => marksOf(spec, stretch, `${person.email}~${i}`));
}

export function intervalMarks(
  spec: GridSpec,
  intervals: readonly Interval[],
  prefix: string,
): (Mark & { rank: number })[] {
  return intervals.flatMap((interval, rank) =>
    marksOf(spec, interval, `${prefix}${rank}`).map((mark) => ({ ...mark, rank })),
  );
}
