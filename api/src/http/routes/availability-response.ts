import type { AvailabilityResponse } from '@confer/contracts';
import type { BusyBlock } from '../../domain/scheduling/model.ts';
import type { AvailabilityResult } from '../../use-cases/scheduling/load-availability.ts';

type Block = AvailabilityResponse['people'][number]['blocks'][number];

/**
 * Instants as text, kept with the Date itself: the schedule reader shares one Date per instant across blocks and
 * answers (graph-schedule-reader.ts), and twenty people over two weeks is close to a thousand blocks with about
 * 500 distinct instants, so each is written as text once, not once per block and answer.
 */
const isoTexts = new WeakMap<Date, string>();

function iso(instant: Date): string {
  let text = isoTexts.get(instant);
  if (text === undefined) {
    text = instant.toISOString();
    isoTexts.set(instant, text);
  }
  return text;
}

/** The availability answer as the tab reads it. */
export function availabilityResponse(result: AvailabilityResult): AvailabilityResponse {
  return {
    window: { start: iso(result.window.start), end: iso(result.window.end) },
    people: result.people.map((p) => ({
      person: p.person,
      isOrganizer: p.isOrganizer,
      status: p.status,
      message: p.message,
      timeZone: p.timeZone,
      workingHours: p.workingHours ? { ...p.workingHours, days: [...p.workingHours.days] } : null,
      blocks: blocksShown(p).map((b) => {
        const block: Block = { start: iso(b.start), end: iso(b.end), status: b.status };
        // Titles only from the organizer's own calendar (docs/reference/design.md §5).
        if (p.isOrganizer && b.subject !== undefined) block.subject = b.subject;
        if (b.isConferMeeting) block.isConferMeeting = true;
        return block;
      }),
    })),
  };
}

/**
 * The organizer sees all their own events; everyone else is shown as busy, tentative, out-of-office and
 * working-elsewhere blocks only (issue 4, least privilege): their free items (reminders, declined meetings)
 * say nothing about when they can meet, so they are not passed on. Suggestions still read every block.
 */
function blocksShown(person: AvailabilityResult['people'][number]): readonly BusyBlock[] {
  return person.isOrganizer ? person.blocks : person.blocks.filter((b) => b.status !== 'free');
}
