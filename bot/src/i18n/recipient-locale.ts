import { FALLBACK_LANGUAGE, type ResolvedLocale, resolveLocale } from '@confer/contracts/i18n';
import type { BotUser, MailboxLocale, StoredConversation } from '../ports.ts';

/**
 * The locale Teams sent on the person's latest activity. Every activity carries one, and the stored
 * conversation reference keeps it (the bot saves the reference on each message, install and card click);
 * a chat the delivery worker opened itself has none until the person writes.
 */
export function conversationLocale(conversation: StoredConversation | undefined): string | null {
  const locale = conversation?.reference.locale;
  return typeof locale === 'string' && locale !== '' ? locale : null;
}

/**
 * The language to write to someone in when they are not talking to the bot right now: the locale of their
 * latest activity when its language is shipped, else their mailbox's language, else English.
 */
export async function recipientLocale(
  conversation: StoredConversation | undefined,
  user: BotUser,
  mailboxLocale: MailboxLocale | undefined,
): Promise<ResolvedLocale> {
  const spoken = conversationLocale(conversation);
  const shipped = spoken ? shippedLocale(spoken) : null;
  if (shipped) return shipped;
  const mailbox = mailboxLocale ? await mailboxLocale(user) : null;
  return resolveLocale(mailbox);
}

/** The tag resolved, or null when its language is not shipped (resolveLocale would answer the fallback). */
function shippedLocale(tag: string): ResolvedLocale | null {
  const resolved = resolveLocale(tag);
  const fellBack = resolved.formatLocale === FALLBACK_LANGUAGE && !/^en(?:$|[-_])/i.test(tag.trim());
  return fellBack ? null : resolved;
}
