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
    text,
    [
      { type: 'TextBlock', text: title, wrap: true, size: 'Medium', weight: 'Bolder' },
      { type: 'TextBlock', text: text.connection.status(notice.status), wrap: true },
    ],
    [{ type: 'Action.OpenUrl', title: text.connection.fix, url: settingsUrl }],
  );
}

/** The card's title and the notification's summary: what is wrong, in the person's words. */
export function connectionTitle(notice: ConnectionNotice, kind: 'reconnect' | 'expiry-warning', text: BotText): string {
  if (kind === 'expiry-warning') {
    // The notice knows no zone; a day in UTC is at most a day off, and warnings come days ahead.
    return text.connection.expiryTitle(notice.expiresAt ? text.date(notice.expiresAt, 'UTC') : null);
  }
  return notice.status === 'outside_scope' ? text.connection.notAllowedTitle : text.connection.reconnectTitle;
}

export function settingsUrl(tabUrl: string): string {
  return `${tabUrl.replace(/\/+$/, '')}/#/settings`;
}
