import { cardJson } from '../cards/adaptive-card.ts';
import { buildConnectionCard, connectionTitle, settingsUrl } from '../cards/connection-card.ts';
import type { OutboundMessage, RenderedOutbound } from '../ports.ts';
import { type RenderDeps, recipientOf } from './render-deps.ts';

/**
 * One card to fix a calendar connection, its words from the status as it is at send time. Skipped
 * when the person has reconnected in the meantime.
 */
export async function renderConnection(
  message: OutboundMessage & { kind: 'reconnect' | 'expiry-warning' },
  deps: RenderDeps,
): Promise<RenderedOutbound | null> {
  const { user, text } = await recipientOf(message, deps);
  const notice = await deps.actions.connection(user);
  if (message.kind === 'reconnect' && notice.status === 'connected') return null;
  if (message.kind === 'expiry-warning' && notice.status === 'connected' && !notice.expiresAt) return null;
  const kind = notice.status === 'connected' ? message.kind : 'reconnect';
  return {
    locale: text.locale.formatLocale,
    card: cardJson(buildConnectionCard(notice, kind, settingsUrl(deps.tabUrl), text)),
    summary: connectionTitle(notice, kind, text),
  };
}
