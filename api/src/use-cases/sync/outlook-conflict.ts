import { AppError } from '../../domain/app-error.ts';
import type { Meeting } from '../../domain/scheduling/meeting.ts';
import type { GraphActor, MailboxRef } from '../../ports/scheduling-gateway.ts';
import type { SchedulingDeps } from '../scheduling/scheduling-deps.ts';
import { applyOutlookEvent } from './apply-outlook-event.ts';

/** What Outlook changed, in the words the person reads. */
function describe(before: Meeting, after: Meeting): string[] {
  const changes: string[] = [];
  if (after.status === 'cancelled') return ['it was cancelled'];
  if (before.start.getTime() !== after.start.getTime() || before.end.getTime() !== after.end.getTime()) {
    changes.push('its time');
  }
  if (before.online !== after.online || before.location !== after.location) changes.push('its place');
  const people = (m: Meeting) =>
    m.attendees
      .map((a) => a.email)
      .sort()
      .join(',');
  if (people(before) !== people(after)) changes.push('who is invited');
  if (before.attendees.some((a) => after.attendees.find((b) => b.email === a.email)?.response !== a.response)) {
    changes.push('answers');
  }
  return changes;
}

/**
 * Graph refused Confer's write with 412: someone changed the event in Outlook since Confer last read it
 * (docs/reference/graph-calendar.md §7). Confer takes Outlook's version (so nothing made there is lost, and the
 * others hear of it as of any Outlook change), then tells the person what changed so they can decide again
 * rather than overwrite it blindly. Always throws.
 */
export async function outlookChangedMeanwhile(
  deps: SchedulingDeps,
  meeting: Meeting,
  actor: GraphActor,
  mailbox: MailboxRef,
): Promise<never> {
  const event = await deps.gateway.getEvent(actor, mailbox, meeting.graphEventId ?? '');
  await applyOutlookEvent(deps, meeting, event);
  const after = (await deps.meetings.get(meeting.tenantId, meeting.id)) ?? meeting;
  const changes = describe(meeting, after);
  const what = changes.length > 0 ? changes.join(', ') : 'details Confer does not show';
  throw new AppError(
    'version_conflict',
    `This meeting was changed in Outlook meanwhile (${what}). Confer now shows Outlook's version: review it and try again.`,
    { details: { changedInOutlook: changes, version: after.version } },
  );
}
