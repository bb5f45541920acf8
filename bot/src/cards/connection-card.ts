import type { ConnectionNotice } from '../ports.ts';
import type { BotText } from '../text.ts';
import { type AdaptiveCard, createCard } from './adaptive-card.ts';

/**
 * One card for a broken or expiring calendar connection, with the one place to fix it: Confer's
 * settings, where reconnecting runs the consent or sign-in the status asks for.
 */
export function buildConnectionCard(
  notice: ConnectionNotice,
  kind: 'reconnect' | 'expiry-warning',
  settingsUrl: string,
  text: BotText,
): AdaptiveCard {
  const title = connectionTitle(notice, kind, text);
  return createCard(
    [
      { type: 'TextBlock', text: title, wrap: true, size: 'Medium', weight: 'Bolder' },
      { type: 'TextBlock', text: notice.message, wrap: true },
    ],
    [{ type: 'Action.OpenUrl', title: text.connection.fix, url: settingsUrl }],
  );
}

/** The card's title and the notification's summary: what is wrong, in the person's words. */
export function connectionTitle(notice: ConnectionNotice, kind: 'reconnect' | 'expiry-warning', text: BotText): string {
  if (kind === 'expiry-warning') {
    const expires = notice.expiresAt
      ? (text.when(notice.expiresAt, notice.expiresAt, 'UTC').split(',')[0] ?? null)
      : null;
    return text.connection.expiryTitle(expires);
  }
  return notice.status === 'outside_scope' ? text.connection.notAllowedTitle : text.connection.reconnectTitle;
}

export function settingsUrl(tabUrl: string): string {
  return `${tabUrl.replace(/\/+$/, '')}/#/settings`;
}
