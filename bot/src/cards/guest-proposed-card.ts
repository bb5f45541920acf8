import type { Translator } from '@confer/contracts/i18n';
import type { MeetingCardView } from '../ports.ts';
import { type CardAction, type CardElement, executeAction } from './adaptive-card.ts';
import { meetingActionData } from './card-data.ts';
import { type GuestAnswer, guestCard, guestNames, guestWhen } from './guest-answer-parts.ts';
import { plainText } from './plain-text.ts';

/**
 * A guest outside the tenant proposed another time through their link: the organizer accepts it in one click
 * (the same `reschedule` action as the declined-meeting card, so the meeting moves by the same path and the card
 * refuses a meeting that moved since) or opens the meeting page to pick another time. A proposal the meeting has
 * overtaken (moved, cancelled, over, or the time has passed) shows the facts without Accept.
 */
export function buildGuestProposedCard(
  view: MeetingCardView,
  answer: GuestAnswer,
  translator: Translator,
  context: { tenantId: string; now: Date },
): Record<string, unknown> {
  const names = guestNames(view, answer);
  const { slot } = answer;
  // A series' occurrence is moved from the meeting page (the card's reschedule moves a whole meeting).
  const movable = !view.recurring;
  const open =
    movable &&
    view.status === 'scheduled' &&
    view.end.getTime() > context.now.getTime() &&
    slot.start.getTime() > context.now.getTime() &&
    slot.start.getTime() !== view.start.getTime();
  const body: CardElement[] = [
    { type: 'TextBlock', text: translator.t('guest.proposed.title', names), wrap: true, weight: 'Bolder' },
    { type: 'TextBlock', text: translator.t('guest.outside'), wrap: true, isSubtle: true, spacing: 'None' },
    {
      type: 'TextBlock',
      text: translator.t('guest.proposed.when', { when: guestWhen(translator, slot, view.timeZone) }),
      wrap: true,
    },
    {
      type: 'TextBlock',
      text: translator.t('guest.proposed.now', { when: guestWhen(translator, view, view.timeZone) }),
      wrap: true,
      isSubtle: true,
    },
    ...(answer.message
      ? [
          {
            type: 'TextBlock' as const,
            text: translator.t('guest.proposed.note', { note: plainText(answer.message) }),
            wrap: true,
          },
        ]
      : []),
    ...(movable && !open
      ? [{ type: 'TextBlock' as const, text: translator.t('guest.proposed.gone'), wrap: true }]
      : []),
  ];
  const accept: CardAction[] = open
    ? [
        executeAction(
          translator.t('guest.proposed.accept'),
          'reschedule',
          {
            ...meetingActionData(view, context.tenantId),
            newStart: slot.start.toISOString(),
            newEnd: slot.end.toISOString(),
          },
          'positive',
        ),
      ]
    : [];
  return guestCard(translator, body, [
    ...accept,
    { type: 'Action.OpenUrl', title: translator.t('guest.proposed.pickAnother'), url: view.webUrl },
  ]);
}
