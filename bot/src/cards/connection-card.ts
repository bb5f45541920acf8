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
  const expires = notice.expiresAt
    ? (text.when(notice.expiresAt, notice.expiresAt, 'UTC').split(',')[0] ?? null)
    : null;
  const title = kind === 'reconnect' ? text.connection.reconnectTitle : text.connection.expiryTitle(expires);
  return createCard(
    [
      { type: 'TextBlock', text: title, wrap: true, size: 'Medium', weight: 'Bolder' },
      { type: 'TextBlock', text: notice.message, wrap: true },
    ],
    [{ type: 'Action.OpenUrl', title: text.connection.fix, url: settingsUrl }],
  );
}

export function settingsUrl(tabUrl: string): string {
  return `${tabUrl.replace(/\/+$/, '')}/#/settings`;
}
