import type { MeetingCardView, OutboundPayloads } from '../ports.ts';
import type { BotText } from '../text.ts';
import { type AdaptiveCard, type CardAction, createCard, executeAction, withRefresh } from './adaptive-card.ts';
import { meetingActionData } from './card-data.ts';
import type { CardContext } from './invitation-card.ts';
import { closedNotice, isClosed, meetingLinks, outlookSubjectLine, whenLine } from './meeting-details.ts';
import { plainText } from './plain-text.ts';

export type MeetingChange = OutboundPayloads['change-notice']['change'];

/** A change as its notice tells it: what, the time before, the occurrence, and whether it was made in Outlook. */
export interface ChangeFacts {
  kind: MeetingChange;
  previousStart: Date | null;
  occurrenceStart: Date | null;
  /** Made in Outlook (reached Confer through sync) rather than in Confer. */
  inOutlook: boolean;
}

/**
 * One concise card per participant per change. A moved meeting asks attendees again (Exchange resets
 * every answer when the time moves), so their card carries the answers; a cancelled one has none.
 */
export function buildChangeNoticeCard(
  view: MeetingCardView,
  change: ChangeFacts,
  text: BotText,
  context: CardContext,
): AdaptiveCard {
  const closed = isClosed(view, context.now) || change.kind === 'cancelled';
  const data = meetingActionData(view, context.tenantId);
  const duration = view.end.getTime() - view.start.getTime();
  const previous = change.previousStart
    ? text.change.movedFrom(
        text.when(change.previousStart, new Date(change.previousStart.getTime() + duration), view.timeZone),
      )
    : null;
  const occurrence = change.occurrenceStart
    ? text.when(change.occurrenceStart, new Date(change.occurrenceStart.getTime() + duration), view.timeZone)
    : null;
  const asksAgain = !closed && change.kind === 'rescheduled' && view.viewer.role === 'attendee';
  const answers: CardAction[] = asksAgain
    ? [
        executeAction(text.invitation.accept, 'accept', data, 'positive'),
        executeAction(text.invitation.tentative, 'tentative', data),
        executeAction(text.invitation.decline, 'decline', data, 'destructive'),
      ]
    : [];
  const card = createCard(
    text,
    [
      { type: 'TextBlock', text: headline(plainText(view.title), change.kind, text), wrap: true, weight: 'Bolder' },
      ...outlookSubjectLine(view, text),
      ...(change.inOutlook
        ? [{ type: 'TextBlock' as const, text: text.change.byOutlook(plainText(view.organizer.name)), wrap: true }]
        : []),
      { type: 'TextBlock', text: occurrence ?? whenLine(view, text), wrap: true },
      ...(previous ? [{ type: 'TextBlock' as const, text: previous, wrap: true as const, isSubtle: true }] : []),
      ...(closed && change.kind !== 'cancelled' ? [closedNotice(view, text)] : []),
    ],
    [...answers, ...meetingLinks(view, text, closed)],
  );
  return withRefresh(
    card,
    {
      ...data,
      card: 'change',
      change: change.kind,
      ...(change.previousStart ? { previousStart: change.previousStart.toISOString() } : {}),
      ...(change.occurrenceStart ? { occurrenceStart: change.occurrenceStart.toISOString() } : {}),
      ...(change.inOutlook ? { origin: 'outlook' } : {}),
    },
    context.refreshUserIds,
  );
}

export function headline(title: string, kind: MeetingChange, text: BotText): string {
  switch (kind) {
    case 'rescheduled':
      return text.change.rescheduled(title);
    case 'updated':
      return text.change.updated(title);
    case 'cancelled':
      return text.change.cancelled(title);
    case 'occurrence-moved':
      return text.change.occurrenceMoved(title);
    case 'occurrence-cancelled':
      return text.change.occurrenceCancelled(title);
  }
}
