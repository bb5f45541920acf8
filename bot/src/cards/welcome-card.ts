import type { BotText } from '../text.ts';
import { type AdaptiveCard, createCard } from './adaptive-card.ts';
import { plainText } from './plain-text.ts';

export interface WelcomeCardView {
  /** Display name of the person who installed the app, or null when Teams did not say. */
  userName: string | null;
  /** Public URL of the Confer tab. */
  tabUrl: string;
}

/** The card a person gets once, when they install Confer: who we are and where to start. */
export function buildWelcomeCard(view: WelcomeCardView, text: BotText): AdaptiveCard {
  return createCard(
    text,
    [
      {
        type: 'TextBlock',
        text: text.welcome.title(view.userName === null ? null : plainText(view.userName)),
        wrap: true,
        size: 'Large',
        weight: 'Bolder',
      },
      { type: 'TextBlock', text: text.welcome.summary, wrap: true },
      { type: 'TextBlock', text: text.welcome.helpHint, wrap: true, isSubtle: true },
    ],
    [{ type: 'Action.OpenUrl', title: text.openTab, url: view.tabUrl }],
  );
}
