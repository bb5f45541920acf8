import type { Translator } from '@confer/contracts/i18n';
import type { MeetingCardView, TimeSlot } from '../ports.ts';
import type { CardAction, CardElement } from './adaptive-card.ts';
import { adaptiveCardSchema, adaptiveCardVersion } from './adaptive-card.ts';
import { plainText } from './plain-text.ts';

/** What a guest outside the tenant answered through their link (api: use-cases/guest). */
export interface GuestAnswer {
  /** The guest as the meeting names them (their address once they are no longer in it). */
  guestName: string;
  slot: TimeSlot;
  /** Their note with a proposed time, as typed. */
  message: string | null;
}

/** "Thursday 10 December, 14:00–14:30" in the reader's language and the meeting view's zone. */
export function guestWhen(translator: Translator, slot: TimeSlot, timeZone: string): string {
  const day = new Intl.DateTimeFormat(translator.locale.formatLocale, {
    timeZone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    hour: 'numeric',
    minute: '2-digit',
  });
  const time = new Intl.DateTimeFormat(translator.locale.formatLocale, {
    timeZone,
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  });
  return `${day.format(slot.start)} – ${time.format(slot.end)}`;
}

/** The guest's name and the meeting's title, escaped for the card's markdown. */
export function guestNames(view: MeetingCardView, answer: GuestAnswer): { guest: string; title: string } {
  return { guest: plainText(answer.guestName), title: plainText(view.title) };
}

/**
 * A card for one reader in their language: right to left for Arabic (schema 1.5 `rtl`). Built as plain JSON so
 * it carries exactly the fields Teams reads.
 */
export function guestCard(translator: Translator, body: CardElement[], actions: CardAction[]): Record<string, unknown> {
  return {
    type: 'AdaptiveCard',
    $schema: adaptiveCardSchema,
    version: adaptiveCardVersion,
    ...(translator.locale.direction === 'rtl' ? { rtl: true } : {}),
    body,
    actions,
  };
}

export function openInConfer(translator: Translator, view: MeetingCardView): CardAction {
  return { type: 'Action.OpenUrl', title: translator.t('guest.open'), url: view.webUrl };
}
