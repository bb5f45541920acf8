import { cardJson } from '../cards/adaptive-card.ts';
import { buildFollowUpMessage, followUpSummary } from '../cards/follow-up-card.ts';
import { futureSlots } from '../cards/follow-up-parts.ts';
import { buildNudgeCard, nudgeSummary } from '../cards/nudge-card.ts';
import type { OutboundMessage, RenderedOutbound } from '../ports.ts';
import { payloadInstant, payloadString, type RenderDeps, recipientOf } from './render-deps.ts';

/** Times offered for the next meeting, on a follow-up or a nudge. */
const nextChoices = 3;

/**
 * After an occurrence ended, read at send time: the follow-up (it took place), the organizer's no-show card (it
 * did not) or the organizer's "was it held?" (in person, not yet said); nothing when the record says nothing yet.
 */
export async function renderFollowUp(message: OutboundMessage, deps: RenderDeps): Promise<RenderedOutbound | null> {
  const meetingId = payloadString(message.payload, 'meetingId');
  const occurrenceStart = payloadInstant(message.payload, 'occurrenceStart');
  if (!meetingId || !occurrenceStart) return null;
  const { user, text, context } = await recipientOf(message, deps);
  const view = await deps.actions.followUpFor(user, meetingId, occurrenceStart, { slots: nextChoices });
  if (!view) return null;
  const card = buildFollowUpMessage(view, text, { ...context, tabUrl: deps.tabUrl });
  return card ? { locale: text.locale.formatLocale, card: cardJson(card), summary: followUpSummary(view, text) } : null;
}

/**
 * A pair that has not met for longer than its rhythm. Skipped when they have a meeting booked, have met since the
 * nudge was planned, the recipient turned nudges off, or no time suits them both (a nudge without a time to click
 * only nags).
 */
export async function renderCadenceNudge(message: OutboundMessage, deps: RenderDeps): Promise<RenderedOutbound | null> {
  const partnerId = payloadString(message.payload, 'partnerId');
  const lastHeldEnd = payloadInstant(message.payload, 'lastHeldEnd');
  if (!partnerId || !lastHeldEnd) return null;
  const { user, text, context } = await recipientOf(message, deps);
  const view = await deps.actions.nudgeFor(user, partnerId, { slots: nextChoices });
  if (!view || view.booked || !view.nudgesOn) return null;
  if (view.lastHeldAt.getTime() > lastHeldEnd.getTime()) return null;
  if (futureSlots(view.slots, context.now).length === 0) return null;
  return {
    locale: text.locale.formatLocale,
    card: cardJson(buildNudgeCard(view, text, { ...context, tabUrl: deps.tabUrl })),
    summary: nudgeSummary(view, text),
  };
}
