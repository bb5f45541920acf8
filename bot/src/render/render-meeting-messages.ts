import { cardJson } from '../cards/adaptive-card.ts';
import { buildInvitationCard } from '../cards/invitation-card.ts';
import { isClosed } from '../cards/meeting-details.ts';
import { buildOrganizerUpdateCard, buildRescheduleCard } from '../cards/organizer-cards.ts';
import { buildProposalCard, proposalStands } from '../cards/proposal-card.ts';
import type { MeetingResponse, OutboundMessage, RenderedOutbound } from '../ports.ts';
import { payloadInstant, payloadNumber, payloadString, type RenderDeps, recipientOf } from './render-deps.ts';

const rescheduleChoices = 3;
const responses: readonly MeetingResponse[] = ['accepted', 'tentativelyAccepted', 'declined'];

/** An attendee's invitation; nothing once the meeting is cancelled or over, or for the organizer. */
export async function renderInvitation(message: OutboundMessage, deps: RenderDeps): Promise<RenderedOutbound | null> {
  const meetingId = payloadString(message.payload, 'meetingId');
  if (!meetingId) return null;
  const { user, text, context } = await recipientOf(message, deps);
  const view = await deps.actions.meetingFor(user, meetingId);
  if (view?.viewer.role !== 'attendee' || isClosed(view, context.now)) return null;
  return {
    locale: text.locale.formatLocale,
    card: cardJson(buildInvitationCard(view, text, context)),
    summary: text.invitation.summary(view.organizer.name, view.title),
  };
}

/** The organizer's note of one answer, with the answer as it was given. */
export async function renderOrganizerUpdate(
  message: OutboundMessage,
  deps: RenderDeps,
): Promise<RenderedOutbound | null> {
  const meetingId = payloadString(message.payload, 'meetingId');
  const email = payloadString(message.payload, 'attendeeEmail')?.toLowerCase();
  const response = responses.find((candidate) => candidate === message.payload.response);
  if (!meetingId || !email || !response) return null;
  const { user, text, context } = await recipientOf(message, deps);
  const view = await deps.actions.meetingFor(user, meetingId);
  if (view?.viewer.role !== 'organizer' || isClosed(view, context.now)) return null;
  const attendee = view.attendees.find((person) => person.email.toLowerCase() === email);
  if (!attendee) return null;
  const proposed = attendee.response === response ? attendee.proposed : null;
  return {
    locale: text.locale.formatLocale,
    card: cardJson(buildOrganizerUpdateCard(view, { name: attendee.name, response, proposed }, text)),
    summary: text.organizerUpdate.answered(attendee.name, response, view.title),
  };
}

/**
 * After a decline: three mutual times for the organizer, read when the card is sent. Skipped when the
 * meeting has moved since (the decline no longer stands) or the attendee has answered again.
 */
export async function renderRescheduleOptions(
  message: OutboundMessage,
  deps: RenderDeps,
): Promise<RenderedOutbound | null> {
  const meetingId = payloadString(message.payload, 'meetingId');
  const email = payloadString(message.payload, 'attendeeEmail')?.toLowerCase();
  if (!meetingId || !email) return null;
  const { user, text, context } = await recipientOf(message, deps);
  const view = await deps.actions.meetingFor(user, meetingId);
  if (view?.viewer.role !== 'organizer' || isClosed(view, context.now)) return null;
  const attendee = view.attendees.find((person) => person.email.toLowerCase() === email);
  const since = payloadNumber(message.payload, 'version') ?? 0;
  if (attendee?.response !== 'declined' || view.version < since) return null;
  const options = await deps.actions.rescheduleOptions(user, meetingId, rescheduleChoices);
  const slots = options.ok ? options.value : [];
  return {
    locale: text.locale.formatLocale,
    card: cardJson(buildRescheduleCard(view, attendee.name, slots, text, context)),
    summary: text.reschedule.title(attendee.name, view.title),
  };
}

/**
 * A time an attendee proposed in Outlook, for the organizer to accept in one click. Skipped when the meeting is
 * cancelled or over, or the proposal no longer stands (the meeting moved, or the attendee answered again).
 */
export async function renderTimeProposal(message: OutboundMessage, deps: RenderDeps): Promise<RenderedOutbound | null> {
  const meetingId = payloadString(message.payload, 'meetingId');
  const attendeeEmail = payloadString(message.payload, 'attendeeEmail');
  const start = payloadInstant(message.payload, 'proposedStart');
  const end = payloadInstant(message.payload, 'proposedEnd');
  if (!meetingId || !attendeeEmail || !start || !end) return null;
  const { user, text, context } = await recipientOf(message, deps);
  const view = await deps.actions.meetingFor(user, meetingId);
  if (view?.viewer.role !== 'organizer' || isClosed(view, context.now)) return null;
  const proposal = { attendeeEmail, slot: { start, end } };
  if (!proposalStands(view, proposal)) return null;
  const card = buildProposalCard(view, proposal, text, context);
  const name = view.attendees.find((person) => person.email.toLowerCase() === attendeeEmail.toLowerCase())?.name;
  return {
    locale: text.locale.formatLocale,
    card: cardJson(card),
    summary: text.proposal.title(name ?? attendeeEmail, view.title),
  };
}
