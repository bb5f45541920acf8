import type { FollowUpView } from '../ports.ts';
import type { BotText } from '../text.ts';
import { type AdaptiveCard, createCard, executeAction, withRefresh } from './adaptive-card.ts';
import { attendanceOf } from './attendance.ts';
import {
  type LinkedCardContext,
  line,
  meetingTitle,
  nextMeetingTimes,
  occurrenceData,
  occurrenceWhen,
  openInConfer,
  titleBlock,
} from './follow-up-parts.ts';
import { encodeSlots } from './organizer-cards.ts';
import { plainText } from './plain-text.ts';

/**
 * The organizer's card after a meeting that did not take place: who did not join (or nobody), and three times to
 * book it again, soonest first.
 */
export function buildNoShowCard(view: FollowUpView, text: BotText, context: LinkedCardContext): AdaptiveCard {
  const data = occurrenceData(view, context.tenantId);
  const card = createCard(
    text,
    [
      titleBlock(text.noShow.title(meetingTitle(view))),
      occurrenceWhen(view, text),
      line(whoMissed(view, text)),
      ...nextMeetingTimes(view, text.noShow.intro, text, context),
    ],
    [openInConfer(view, text)],
  );
  return withRefresh(card, { ...data, card: 'follow-up', slots: encodeSlots(view.slots) }, context.refreshUserIds);
}

/** The others who did not join; nobody when no one did, or the record does not say who. */
function whoMissed(view: FollowUpView, text: BotText): string {
  const { missing } = attendanceOf(view);
  const nobody = view.participants.every((p) => !p.joined);
  if (nobody || missing.length === 0) return text.noShow.nobody;
  return text.followUp.missing(missing.map(plainText));
}

/**
 * For the organizer of a meeting Teams cannot vouch for (in person): did it take place? One click each way; the
 * answer turns this card into the follow-up or the no-show card.
 */
export function buildHeldQuestionCard(view: FollowUpView, text: BotText, context: LinkedCardContext): AdaptiveCard {
  const data = occurrenceData(view, context.tenantId);
  const card = createCard(
    text,
    [titleBlock(text.held.title(meetingTitle(view))), occurrenceWhen(view, text), line(text.held.intro)],
    [
      executeAction(text.held.yes, 'mark-held', { ...data, held: 'yes' }, 'positive'),
      executeAction(text.held.no, 'mark-held', { ...data, held: 'no' }),
      openInConfer(view, text),
    ],
  );
  // No slots travel with the question: once it is answered, a refresh reads times for the card it becomes.
  return withRefresh(card, { ...data, card: 'follow-up' }, context.refreshUserIds);
}
