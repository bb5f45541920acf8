import type { Translator } from '@confer/contracts/i18n';
import type { MeetingCardView } from '../ports.ts';
import { type GuestAnswer, guestCard, guestNames, guestWhen, openInConfer } from './guest-answer-parts.ts';

/**
 * The organizer's note that a guest outside the tenant picked one of the offered times: Confer has already moved
 * the meeting in Outlook as the organizer, so the card only says so.
 */
export function buildGuestPickedCard(
  view: MeetingCardView,
  answer: GuestAnswer,
  translator: Translator,
): Record<string, unknown> {
  const names = guestNames(view, answer);
  return guestCard(
    translator,
    [
      { type: 'TextBlock', text: translator.t('guest.picked.title', names), wrap: true, weight: 'Bolder' },
      { type: 'TextBlock', text: translator.t('guest.outside'), wrap: true, isSubtle: true, spacing: 'None' },
      {
        type: 'TextBlock',
        text: translator.t('guest.picked.when', { when: guestWhen(translator, answer.slot, view.timeZone) }),
        wrap: true,
      },
      { type: 'TextBlock', text: translator.t('guest.picked.moved', names), wrap: true, isSubtle: true },
    ],
    [openInConfer(translator, view)],
  );
}
