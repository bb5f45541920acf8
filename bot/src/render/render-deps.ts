import type { ResolvedLocale, Translator } from '@confer/contracts/i18n';
import type { CardContext } from '../cards/invitation-card.ts';
import { botText } from '../i18n/bot-text.ts';
import { botTranslator } from '../i18n/catalogues.ts';
import { recipientLocale } from '../i18n/recipient-locale.ts';
import type {
  BotClock,
  BotUser,
  ConversationStore,
  MailboxLocale,
  OutboundMessage,
  SchedulingActions,
} from '../ports.ts';
import type { BotText } from '../text.ts';

/** What rendering a due message reads: the meeting as it is now, and the recipient's chat. */
export interface RenderDeps {
  actions: SchedulingActions;
  conversations: ConversationStore;
  clock: BotClock;
  /** Public URL of the tab, for settings and scheduling links. */
  tabUrl: string;
  /** The recipient's mailbox language, for someone who has not written to the bot yet; without it, English. */
  mailboxLocale?: MailboxLocale;
}

/**
 * Who a due message is for, in their language: `text` for Confer's own cards, `translator` (the same
 * language) for cards built on catalogue keys directly, `locale` for anything else that formats for them.
 */
export interface Recipient {
  user: BotUser;
  locale: ResolvedLocale;
  text: BotText;
  translator: Translator;
  /** The card context: their Teams id, so the card refreshes for them. */
  context: CardContext;
}

/** The recipient of `message`, their language (see `recipientLocale`) and the card context. */
export async function recipientOf(message: OutboundMessage, deps: RenderDeps): Promise<Recipient> {
  const conversation = await deps.conversations.find(message.tenantId, message.userId);
  const user = { tenantId: message.tenantId, userId: message.userId, name: conversation?.userName ?? null };
  const locale = await recipientLocale(conversation, user, deps.mailboxLocale);
  return {
    user,
    locale,
    text: botText(locale),
    translator: botTranslator(locale),
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
