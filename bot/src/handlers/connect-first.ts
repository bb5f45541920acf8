import { type AdaptiveCard, type CardElement, createCard, type OpenUrlAction } from '../cards/adaptive-card.ts';
import { settingsUrl } from '../cards/connection-card.ts';
import type { BotUser, SchedulingActions } from '../ports.ts';
import type { BotText } from '../text.ts';

export interface ConnectFirstDeps {
  actions: SchedulingActions;
  text: BotText;
  tabUrl: string;
}

/**
 * The answer to a click that needs the person's calendar while Confer cannot use it — in per-user mode
 * someone who never connected in the tab, or whose consent or sign-in lapsed. A bare error would be a
 * dead end in the chat; this says why and links to Confer's settings, where connecting runs the consent.
 * Nothing was changed. When the click came from a meeting card, that card stays underneath with its
 * buttons, so the same click works once connected.
 */
export async function connectFirstCard(
  user: BotUser,
  deps: ConnectFirstDeps,
  meetingCard: AdaptiveCard | null,
): Promise<AdaptiveCard> {
  const notice = await deps.actions.connection(user);
  // A stored status of `connected` with a click refused anyway means the token stopped working.
  const message =
    notice.status === 'connected' ? deps.text.errors.action.not_connected : deps.text.connection.status(notice.status);
  const open: OpenUrlAction = {
    type: 'Action.OpenUrl',
    title: deps.text.connection.fix,
    url: settingsUrl(deps.tabUrl),
  };
  const lead: CardElement[] = [
    { type: 'TextBlock', text: message, wrap: true, weight: 'Bolder' },
    { type: 'ActionSet', actions: [open] },
  ];
  if (!meetingCard) return createCard(deps.text, lead);
  return { ...meetingCard, body: [{ type: 'Container', style: 'warning', items: lead }, ...meetingCard.body] };
}
