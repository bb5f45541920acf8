import { cardJson } from '../cards/adaptive-card.ts';
import { buildChangeNoticeCard, headline, type MeetingChange } from '../cards/change-notice-card.ts';
import { isOver } from '../cards/meeting-details.ts';
import type { OutboundMessage, RenderedOutbound } from '../ports.ts';
import { payloadInstant, payloadString, type RenderDeps, recipientOf } from './render-deps.ts';

const changes: readonly MeetingChange[] = [
  'rescheduled',
  'updated',
  'cancelled',
  'occurrence-moved',
  'occurrence-cancelled',
];

/**
 * One concise card about a change. A move or edit that a cancellation has overtaken is not sent (the
 * cancellation notice says all); nothing about a meeting that is already over.
 */
export async function renderChangeNotice(message: OutboundMessage, deps: RenderDeps): Promise<RenderedOutbound | null> {
  const meetingId = payloadString(message.payload, 'meetingId');
  const kind = changes.find((candidate) => candidate === message.payload.change);
  if (!meetingId || !kind) return null;
  const { user, text, context } = await recipientOf(message, deps);
  const view = await deps.actions.meetingFor(user, meetingId);
  if (!view) return null;
  if (kind !== 'cancelled' && view.status === 'cancelled') return null;
  if (isOver(view, context.now) && !kind.startsWith('occurrence')) return null;
  const change = {
    kind,
    previousStart: payloadInstant(message.payload, 'previousStart') ?? null,
    occurrenceStart: payloadInstant(message.payload, 'occurrenceStart') ?? null,
    inOutlook: message.payload.origin === 'outlook',
  };
  return {
    locale: text.locale.formatLocale,
    card: cardJson(buildChangeNoticeCard(view, change, text, context)),
    summary: text.change.summary(view.title, headline(view.title, kind, text)),
  };
}
