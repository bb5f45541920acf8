import type { MeetingCardView } from '../ports.ts';
import type { BotText } from '../text.ts';
import { type AdaptiveCard, type CardElement, createCard } from './adaptive-card.ts';
import { outlookSubjectLine, whenLine } from './meeting-details.ts';
import { plainText } from './plain-text.ts';

/** `upcoming`: the next meetings, each with when, with whom, and its page in Confer. */
export function buildUpcomingCard(meetings: readonly MeetingCardView[], tabUrl: string, text: BotText): AdaptiveCard {
  const items: CardElement[] = meetings.length
    ? meetings.map((view) => ({
        type: 'Container',
        separator: true,
        items: [
          { type: 'TextBlock', text: `[${plainText(view.title)}](${view.webUrl})`, wrap: true, weight: 'Bolder' },
          ...outlookSubjectLine(view, text),
          { type: 'TextBlock', text: whenLine(view, text), wrap: true, spacing: 'None' },
          ...(view.status === 'cancelled'
            ? [{ type: 'TextBlock' as const, text: text.meeting.cancelled, wrap: true as const, isSubtle: true }]
            : []),
        ],
      }))
    : [{ type: 'TextBlock', text: text.upcoming.none, wrap: true }];
  return createCard(
    text,
    [{ type: 'TextBlock', text: text.upcoming.title, wrap: true, size: 'Medium', weight: 'Bolder' }, ...items],
    [{ type: 'Action.OpenUrl', title: text.openTab, url: tabUrl }],
  );
}
