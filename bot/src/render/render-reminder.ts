import { cardJson } from '../cards/adaptive-card.ts';
import { buildReminderCard } from '../cards/reminder-card.ts';
import type { MeetingCardView, OutboundMessage, RenderedOutbound } from '../ports.ts';
import { payloadInstant, payloadNumber, payloadString, type RenderDeps, recipientOf } from './render-deps.ts';

/**
 * A reminder, read at send time: none for a cancelled meeting or occurrence, for someone who declined,
 * or once the meeting (occurrence) has started.
 */
export async function renderReminder(message: OutboundMessage, deps: RenderDeps): Promise<RenderedOutbound | null> {
  const meetingId = payloadString(message.payload, 'meetingId');
  if (!meetingId) return null;
  const { user, text, context } = await recipientOf(message, deps);
  const view = await deps.actions.meetingFor(user, meetingId);
  if (!view || view.status === 'cancelled' || view.viewer.response === 'declined') return null;
  const occurrence = occurrenceOf(view, payloadInstant(message.payload, 'occurrenceStart'));
  if (!occurrence) return null;
  if (occurrence.start.getTime() <= context.now.getTime()) return null;
  const lead = payloadNumber(message.payload, 'leadMinutes') ?? null;
  const shown = view.recurring ? occurrence : null;
  return {
    locale: text.locale.formatLocale,
    card: cardJson(buildReminderCard(view, shown, lead, text, context)),
    summary: text.reminder.title(view.title, lead),
  };
}

/** The occurrence the reminder is for (moved if the organizer moved it), or null when cancelled. */
function occurrenceOf(view: MeetingCardView, originalStart: Date | undefined): { start: Date; end: Date } | null {
  if (!originalStart) return { start: view.start, end: view.end };
  const override = view.overrides.find((o) => o.originalStart.getTime() === originalStart.getTime());
  if (override) return override.cancelled ? null : { start: override.start, end: override.end };
  const duration = view.end.getTime() - view.start.getTime();
  return { start: originalStart, end: new Date(originalStart.getTime() + duration) };
}
