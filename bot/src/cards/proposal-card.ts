import type { MeetingCardView, TimeSlot } from '../ports.ts';
import type { BotText } from '../text.ts';
import { type AdaptiveCard, type CardAction, createCard, executeAction, withRefresh } from './adaptive-card.ts';
import { meetingActionData } from './card-data.ts';
import type { CardContext } from './invitation-card.ts';
import { closedNotice, isClosed, outlookSubjectLine, whenLine } from './meeting-details.ts';
import { plainText } from './plain-text.ts';

/** A new time an attendee proposed in Outlook, by their address. */
export interface Proposal {
  attendeeEmail: string;
  slot: TimeSlot;
}

/**
 * Whether the proposal is still the attendee's word on the meeting as it is now: they are still invited and
 * their current answer carries this very time. A move, a new answer or a removal withdraws it.
 */
export function proposalStands(view: MeetingCardView, proposal: Proposal): boolean {
  const email = proposal.attendeeEmail.toLowerCase();
  const proposed = view.attendees.find((person) => person.email.toLowerCase() === email)?.proposed;
  return (
    proposed !== null &&
    proposed !== undefined &&
    proposed.start.getTime() === proposal.slot.start.getTime() &&
    proposed.end.getTime() === proposal.slot.end.getTime()
  );
}

/**
 * The organizer's card for a proposed time: who proposed what, in the organizer's zone, and one click to move
 * the same meeting there (the Teams link stays). A proposal that no longer stands, or a meeting that is over
 * or cancelled, shows the same facts without the button; the refresh data rebuilds exactly this card.
 */
export function buildProposalCard(
  view: MeetingCardView,
  proposal: Proposal,
  text: BotText,
  context: CardContext,
): AdaptiveCard {
  const closed = isClosed(view, context.now);
  const { slot } = proposal;
  const open = !closed && proposalStands(view, proposal) && slot.start.getTime() > context.now.getTime();
  const data = meetingActionData(view, context.tenantId);
  const fields = {
    attendeeEmail: proposal.attendeeEmail,
    newStart: slot.start.toISOString(),
    newEnd: slot.end.toISOString(),
  };
  const accept: CardAction[] = open
    ? [executeAction(text.proposal.accept, 'accept-proposal', { ...data, ...fields }, 'positive')]
    : [];
  const card = createCard(
    text,
    [
      {
        type: 'TextBlock',
        text: text.proposal.title(plainText(proposerName(view, proposal)), plainText(view.title)),
        wrap: true,
        weight: 'Bolder',
      },
      ...outlookSubjectLine(view, text),
      { type: 'TextBlock', text: text.proposal.now(whenLine(view, text)), wrap: true, isSubtle: true },
      { type: 'TextBlock', text: text.proposal.proposed(text.when(slot.start, slot.end, view.timeZone)), wrap: true },
      ...(closed ? [closedNotice(view, text)] : []),
      ...(!closed && !open ? [{ type: 'TextBlock' as const, text: text.proposal.gone, wrap: true as const }] : []),
    ],
    [...accept, { type: 'Action.OpenUrl', title: text.meeting.openInConfer, url: view.webUrl }],
  );
  return withRefresh(card, { ...data, ...fields, card: 'proposal' }, context.refreshUserIds);
}

/** The attendee's name as the meeting knows it; their address once they are no longer in it. */
function proposerName(view: MeetingCardView, proposal: Proposal): string {
  const email = proposal.attendeeEmail.toLowerCase();
  return view.attendees.find((person) => person.email.toLowerCase() === email)?.name ?? proposal.attendeeEmail;
}
