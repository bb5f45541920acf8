import { localParts } from '@confer/contracts/time';
import type { MeetingCardView } from '../ports.ts';
import type { BotText } from '../text.ts';
import {
  type AdaptiveCard,
  type CardAction,
  type CardElement,
  createCard,
  executeAction,
  shownCard,
  withRefresh,
} from './adaptive-card.ts';
import { meetingActionData } from './card-data.ts';
import { closedNotice, isClosed, meetingDetails, meetingLinks } from './meeting-details.ts';
import { plainText } from './plain-text.ts';

export interface CardContext {
  tenantId: string;
  now: Date;
  /** Teams user ids to auto-refresh the card for (the recipient), at most 60. */
  refreshUserIds: readonly string[];
}

/**
 * An attendee's invitation: the meeting in their zone, their answer so far, and one-click answers.
 * Cancelled or past meetings get the same facts with no buttons (what a refresh shows later).
 */
export function buildInvitationCard(view: MeetingCardView, text: BotText, context: CardContext): AdaptiveCard {
  const closed = isClosed(view, context.now);
  const data = meetingActionData(view, context.tenantId);
  const answered = view.viewer.response;
  const body: CardElement[] = [
    { type: 'TextBlock', text: text.invitation.title(plainText(view.organizer.name)), wrap: true, isSubtle: true },
    ...meetingDetails(view, text, { responses: false }),
    ...(closed ? [closedNotice(view, text)] : []),
    ...(!closed && answered !== 'none' && answered !== 'notResponded'
      ? [{ type: 'TextBlock' as const, text: text.invitation.answered(answered), wrap: true }]
      : []),
  ];
  const answers: CardAction[] = closed
    ? []
    : [
        executeAction(text.invitation.accept, 'accept', data, 'positive'),
        executeAction(text.invitation.tentative, 'tentative', data),
        executeAction(text.invitation.decline, 'decline', data, 'destructive'),
        proposeAction(view, text, data),
      ];
  // Hosts render at most five actions per set (the adaptivecards default host config); the answers get
  // their own row above Join and Open.
  const row: CardElement[] = answers.length ? [{ type: 'ActionSet', actions: answers }] : [];
  const card = createCard(text, [...body, ...row], meetingLinks(view, text, closed));
  return withRefresh(card, { ...data, card: 'invitation' }, context.refreshUserIds);
}

/** Outlook's "propose new time": a date and a start time in the attendee's zone; the duration stays. */
function proposeAction(view: MeetingCardView, text: BotText, data: Record<string, string | number>): CardAction {
  const local = localParts(view.start, view.timeZone);
  return {
    type: 'Action.ShowCard',
    title: text.invitation.propose,
    card: shownCard(
      text,
      [
        {
          type: 'Input.Date',
          id: 'proposedDate',
          label: text.invitation.proposeDate,
          value: local.dateKey,
          isRequired: true,
          errorMessage: text.invitation.proposeRequired,
        },
        {
          type: 'Input.Time',
          id: 'proposedTime',
          label: text.invitation.proposeTime,
          value: local.time,
          isRequired: true,
          errorMessage: text.invitation.proposeRequired,
        },
      ],
      [executeAction(text.invitation.proposeSend, 'propose', { ...data, timeZone: view.timeZone })],
    ),
  };
}
