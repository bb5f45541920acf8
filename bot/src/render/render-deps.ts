import type { CardContext } from '../cards/invitation-card.ts';
import type { BotClock, BotUser, ConversationStore, OutboundMessage, SchedulingActions } from '../ports.ts';
import { type BotText, textFor } from '../text.ts';

/** What rendering a due message reads: the meeting as it is now, and the recipient's chat. */
export interface RenderDeps {
  actions: SchedulingActions;
  conversations: ConversationStore;
  clock: BotClock;
  /** Public URL of the tab, for settings and scheduling links. */
  tabUrl: string;
}

/** The recipient, their language and the card context (their Teams id, so the card refreshes for them). */
export async function recipientOf(
  message: OutboundMessage,
  deps: RenderDeps,
): Promise<{ user: BotUser; text: BotText; context: CardContext }> {
  const conversation = await deps.conversations.find(message.tenantId, message.userId);
  const locale = conversation?.reference.locale;
  return {
    user: { tenantId: message.tenantId, userId: message.userId, name: conversation?.userName ?? null },
    text: textFor(typeof locale === 'string' ? locale : undefined),
    context: {
      tenantId: message.tenantId,
      now: deps.clock.now(),
      refreshUserIds: conversation ? [conversation.userId] : [],
    },
  };
}

/** A payload field as a non-empty string, or undefined (payloads are JSON from the queue). */
export function payloadString(payload: Record<string, unknown>, key: string): string | undefined {
  const value = payload[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export function payloadInstant(payload: Record<string, unknown>, key: string): Date | undefined {
  const text = payloadString(payload, key);
  const instant = text ? new Date(text) : undefined;
  return instant && !Number.isNaN(instant.getTime()) ? instant : undefined;
}

export function payloadNumber(payload: Record<string, unknown>, key: string): number | undefined {
  const value = payload[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}
