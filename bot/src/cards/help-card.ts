import type { CommandName } from '../commands.ts';
import type { BotText } from '../text.ts';
import { type AdaptiveCard, type CardElement, createCard } from './adaptive-card.ts';

export interface HelpCardView {
  /** The commands that work today, in the order to show them. */
  commands: readonly CommandName[];
  /** True when the card answers a message the bot did not understand. */
  unrecognised: boolean;
  /** Public URL of the Confer tab. */
  tabUrl: string;
}

/** What the bot can do: the working commands and a way into the tab. */
export function buildHelpCard(view: HelpCardView, text: BotText): AdaptiveCard {
  const lead: CardElement[] = view.unrecognised
    ? [{ type: 'TextBlock', text: text.help.unrecognised, wrap: true }]
    : [];
  return createCard(
    text,
    [
      ...lead,
      { type: 'TextBlock', text: text.help.title, wrap: true, size: 'Medium', weight: 'Bolder' },
      { type: 'TextBlock', text: text.help.commandsIntro, wrap: true },
      {
        type: 'FactSet',
        facts: view.commands.map((name) => ({ title: name, value: text.commands[name].description })),
      },
      { type: 'TextBlock', text: text.help.tabHint, wrap: true, isSubtle: true },
    ],
    [{ type: 'Action.OpenUrl', title: text.openTab, url: view.tabUrl }],
  );
}
