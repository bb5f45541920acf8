import { buildGuestPickedCard } from '../cards/guest-picked-card.ts';
import { buildGuestProposedCard } from '../cards/guest-proposed-card.ts';
import { botTranslator } from '../i18n/catalogues.ts';
import type { OutboundMessage, RenderedOutbound } from '../ports.ts';
import { payloadInstant, payloadString, type RenderDeps } from './render-deps.ts';

/**
 * The organizer's card after a guest outside the tenant answered through their link: picked (the meeting has
 * moved) or proposed (accept or pick another). In the organizer's language: the locale Teams gave on their latest
 * activity with the bot, English when they have none. Nothing once the meeting is cancelled, or for anyone but
 * its organizer.
 */
export async function renderGuestAnswer(message: OutboundMessage, deps: RenderDeps): Promise<RenderedOutbound | null> {
  const meetingId = payloadString(message.payload, 'meetingId');
  const email = payloadString(message.payload, 'attendeeEmail')?.toLowerCase();
  const start = payloadInstant(message.payload, 'start');
  const end = payloadInstant(message.payload, 'end');
  if (!meetingId || !email || !start || !end) return null;
  const conversation = await deps.conversations.find(message.tenantId, message.userId);
  const locale = conversation?.reference.locale;
  const translator = botTranslator(typeof locale === 'string' ? locale : undefined);
  const user = { tenantId: message.tenantId, userId: message.userId, name: conversation?.userName ?? null };
  const view = await deps.actions.meetingFor(user, meetingId);
  if (view?.viewer.role !== 'organizer' || view.status === 'cancelled') return null;
  const guestName = view.attendees.find((person) => person.email.toLowerCase() === email)?.name ?? email;
  const answer = { guestName, slot: { start, end }, message: payloadString(message.payload, 'message') ?? null };
  const names = { guest: guestName, title: view.title };
  if (message.kind === 'guest-picked') {
    return {
      card: buildGuestPickedCard(view, answer, translator),
      summary: translator.t('guest.picked.summary', names),
    };
  }
  const context = { tenantId: message.tenantId, now: deps.clock.now() };
  return {
    card: buildGuestProposedCard(view, answer, translator, context),
    summary: translator.t('guest.proposed.summary', names),
  };
}
