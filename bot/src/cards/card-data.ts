import type { MeetingCardView } from '../ports.ts';

/** Which card a refresh rebuilds: the refresh data names it, so each card refreshes into its own kind. */
export type CardKind =
  | 'invitation'
  | 'organizer'
  | 'change'
  | 'reminder'
  | 'reschedule'
  | 'proposal'
  | 'follow-up'
  | 'nudge';

/**
 * What every meeting button carries. The tenant and meeting are checked against the person who
 * clicked (from the activity, never from here); `version` and `start` say which state of the meeting
 * the card showed, so a click on an old card cannot act on a meeting that has since moved.
 */
export function meetingActionData(view: MeetingCardView, tenantId: string): Record<string, string | number> {
  return { tenantId, meetingId: view.meetingId, version: view.version, start: view.start.toISOString() };
}
