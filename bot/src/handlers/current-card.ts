import type { AdaptiveCard } from '../cards/adaptive-card.ts';
import type { CardKind } from '../cards/card-data.ts';
import { buildChangeNoticeCard, type MeetingChange } from '../cards/change-notice-card.ts';
import { buildInvitationCard, type CardContext } from '../cards/invitation-card.ts';
import { buildOrganizerCard, buildRescheduleCard, decodeSlots } from '../cards/organizer-cards.ts';
import { buildProposalCard } from '../cards/proposal-card.ts';
import { buildReminderCard } from '../cards/reminder-card.ts';
import type { MeetingCardView } from '../ports.ts';
import type { BotText } from '../text.ts';
import { instantField, stringField, versionField } from './card-action-request.ts';

const changes: readonly MeetingChange[] = [
  'rescheduled',
  'updated',
  'cancelled',
  'occurrence-moved',
  'occurrence-cancelled',
];

/**
 * The card a refresh shows: the same kind of card, rebuilt from the meeting as it is now, so a card of
 * a cancelled or past meeting comes back without buttons. A notice about a change that has since been
 * overtaken becomes the person's current meeting card.
 */
export function refreshedCard(
  kind: string | undefined,
  view: MeetingCardView,
  data: Record<string, unknown>,
  text: BotText,
  context: CardContext,
): AdaptiveCard {
  const sameVersion = versionField(data, 'version') === view.version;
  const card = kind as CardKind | undefined;
  if (card === 'reschedule' && view.viewer.role === 'organizer') {
    const slots = decodeSlots(stringField(data, 'slots') ?? '') ?? [];
    return buildRescheduleCard(view, stringField(data, 'decliner') ?? '', slots, text, context);
  }
  if (card === 'proposal' && view.viewer.role === 'organizer') {
    const attendeeEmail = stringField(data, 'attendeeEmail');
    const start = instantField(data, 'newStart');
    const end = instantField(data, 'newEnd');
    if (attendeeEmail && start && end)
      return buildProposalCard(view, { attendeeEmail, slot: { start, end } }, text, context);
  }
  if (card === 'change' && sameVersion) {
    const change = changes.find((name) => name === data.change);
    if (change) {
      const previousStart = instantField(data, 'previousStart') ?? null;
      const occurrenceStart = instantField(data, 'occurrenceStart') ?? null;
      const inOutlook = data.origin === 'outlook';
      return buildChangeNoticeCard(view, { kind: change, previousStart, occurrenceStart, inOutlook }, text, context);
    }
  }
  if (card === 'reminder' && sameVersion) {
    const lead = typeof data.leadMinutes === 'number' ? data.leadMinutes : null;
    const occurrenceStart = instantField(data, 'occurrenceStart');
    const duration = view.end.getTime() - view.start.getTime();
    const occurrence = occurrenceStart
      ? { start: occurrenceStart, end: new Date(occurrenceStart.getTime() + duration) }
      : null;
    return buildReminderCard(view, occurrence, lead, text, context);
  }
  return meetingCardFor(view, text, context);
}

/** The person's own card of a meeting: the invitation for an attendee, the answers for the organizer. */
export function meetingCardFor(view: MeetingCardView, text: BotText, context: CardContext): AdaptiveCard {
  return view.viewer.role === 'organizer'
    ? buildOrganizerCard(view, text, context)
    : buildInvitationCard(view, text, context);
}
