import { isBlocking } from '@confer/contracts';
import { blockingSpan } from './busy-merge.ts';
import type { BusyBlock, Conflict, Interval, PersonAvailability } from './model.ts';

export interface ConflictOptions {
  organizerEmail: string;
  tentativeIsBusy: boolean;
}

/**
 * Who clashes with what, for each proposed interval (a single meeting, or each occurrence of a series).
 * The organizer sees their own titles; everyone else's blocks are reported as a status only, since
 * getSchedule shares free/busy and never another person's subjects. Someone whose calendar cannot be
 * read is reported once per occurrence as `unreadable`: unknown is never taken for free. Intervals are
 * half-open, so a meeting that starts when another ends is no conflict.
 */
export function findConflicts(
  proposed: readonly Interval[],
  people: readonly PersonAvailability[],
  options: ConflictOptions,
): Conflict[] {
  const organizer = options.organizerEmail.toLowerCase();
  const conflicts: Conflict[] = [];
  for (const occurrence of proposed) {
    for (const person of people) {
      if (person.status !== 'ok') {
        conflicts.push({ occurrence, person: person.person, status: 'unreadable' });
        continue;
      }
      const isOrganizer = person.person.email.toLowerCase() === organizer;
      for (const block of clashingBlocks(occurrence, person, options.tentativeIsBusy)) {
        conflicts.push(toConflict(occurrence, person, block, isOrganizer));
      }
    }
  }
  return conflicts;
}

function clashingBlocks(occurrence: Interval, person: PersonAvailability, tentativeIsBusy: boolean): BusyBlock[] {
  const start = occurrence.start.getTime();
  const end = occurrence.end.getTime();
  return person.blocks
    .filter((block) => {
      if (!isBlocking(block.status, tentativeIsBusy)) return false;
      const span = blockingSpan(block, person.timeZone);
      return span.start < end && span.end > start;
    })
    .sort((a, b) => a.start.getTime() - b.start.getTime());
}

function toConflict(
  occurrence: Interval,
  person: PersonAvailability,
  block: BusyBlock,
  isOrganizer: boolean,
): Conflict {
  const conflict: Conflict = {
    occurrence,
    person: person.person,
    status: block.status,
    block: { start: block.start, end: block.end },
  };
  if (isOrganizer && block.subject !== undefined) conflict.subject = block.subject;
  return conflict;
}
