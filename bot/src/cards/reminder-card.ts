import type { MeetingCardView } from '../ports.ts';
import type { BotText } from '../text.ts';
import { type AdaptiveCard, type CardElement, createCard, withRefresh } from './adaptive-card.ts';
import { meetingActionData } from './card-data.ts';
import type { CardContext } from './invitation-card.ts';
import { closedNotice, isClosed, meetingDetails, meetingLinks } from './meeting-details.ts';
import { plainText } from './plain-text.ts';

/** A reminder: Join, the agenda, the actions still open, and the notes in Confer. */
export function buildReminderCard(
  view: MeetingCardView,
  occurrence: { start: Date; end: Date } | null,
  leadMinutes: number | null,
  text: BotText,
  context: CardContext,
): AdaptiveCard {
  const shown = occurrence ? { ...view, start: occurrence.start, end: occurrence.end } : view;
  const closed = isClosed(shown, context.now);
  const actions: CardElement[] = shown.openActions.length
    ? [
        { type: 'TextBlock', text: `**${text.reminder.openActions}**`, wrap: true },
        {
          type: 'TextBlock',
          text: shown.openActions
            .map((a) => `- ${text.reminder.action(plainText(a.title), plainText(a.ownerName), a.dueDate)}`)
            .join('\n'),
          wrap: true,
          spacing: 'None',
        },
      ]
    : [];
  const card = createCard(
    text,
    [
      { type: 'TextBlock', text: text.reminder.title(plainText(view.title), leadMinutes), wrap: true, isSubtle: true },
      ...meetingDetails(shown, text, { responses: false }),
      ...actions,
      ...(closed ? [closedNotice(shown, text)] : []),
    ],
    [
      ...meetingLinks(shown, text, closed).filter((link) => link.url !== view.webUrl),
      { type: 'Action.OpenUrl', title: text.meeting.notes, url: view.webUrl },
    ],
  );
  return withRefresh(
    card,
    {
      ...meetingActionData(shown, context.tenantId),
      card: 'reminder',
      ...(leadMinutes === null ? {} : { leadMinutes }),
      ...(occurrence ? { occurrenceStart: occurrence.start.toISOString() } : {}),
    },
    context.refreshUserIds,
  );
}
