import { buildGuestPickedCard } from '../cards/guest-picked-card.ts';
import { buildGuestProposedCard } from '../cards/guest-proposed-card.ts';
import type { OutboundMessage, RenderedOutbound } from '../ports.ts';
import { payloadInstant, payloadString, type RenderDeps, recipientOf } from './render-deps.ts';

/**
 * The organizer's card after a guest outside the tenant answered through their link: picked (the meeting has
 * moved) or proposed (accept or pick another). In the organizer's language, as every proactive card
 * (`recipientOf`: their last activity's locale, else their mailbox's, else English). Nothing once the meeting is
 * cancelled, or for anyone but its organizer.
 */
export async function renderGuestAnswer(message: OutboundMessage, deps: RenderDeps): Promise<RenderedOutbound | null> {
  const meetingId = payloadString(message.payload, 'meetingId');
  const email = payloadString(message.payload, 'attendeeEmail')?.toLowerCase();
  const start = payloadInstant(message.payload, 'start');
  const end = payloadInstant(message.payload, 'end');
  if (!meetingId || !email || !start || !end) return null;
  const { user, translator, context } = await recipientOf(message, deps);
  const view = await deps.actions.meetingFor(user, meetingId);
  if (view?.viewer.role !== 'organizer' || view.status === 'cancelled') return null;
  const guestName = view.attendees.find((person) => person.email.toLowerCase() === email)?.name ?? email;
  const answer = { guestName, slot: { start, end }, message: payloadString(message.payload, 'message') ?? null };
  const names = { guest: guestName, title: view.title };
  if (message.kind === 'guest-picked') {
    return {
      locale: translator.locale.formatLocale,
      card: buildGuestPickedCard(view, answer, translator),
      summary: translator.t('guest.picked.summary', names),
    };
  }
  return {
    locale: translator.locale.formatLocale,
    card: buildGuestProposedCard(view, answer, translator, context),
    summary: translator.t('guest.proposed.summary', names),
  };
}
