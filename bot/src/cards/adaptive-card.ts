/**
 * The subset of the Adaptive Card schema Confer's cards use. Teams renders schema 1.5 at most
 * (Teams platform reference §4), so every card declares that version.
 */
export const adaptiveCardContentType = 'application/vnd.microsoft.card.adaptive';
export const adaptiveCardSchema = 'http://adaptivecards.io/schemas/adaptive-card.json';
export const adaptiveCardVersion = '1.5';

export interface TextBlock {
  type: 'TextBlock';
  text: string;
  wrap: true;
  size?: 'Small' | 'Default' | 'Medium' | 'Large' | 'ExtraLarge';
  weight?: 'Lighter' | 'Default' | 'Bolder';
  isSubtle?: boolean;
  spacing?: 'None' | 'Small' | 'Default' | 'Medium' | 'Large' | 'ExtraLarge';
  style?: 'default' | 'heading';
}

export interface FactSet {
  type: 'FactSet';
  facts: { title: string; value: string }[];
}

export type CardElement = TextBlock | FactSet;

export interface OpenUrlAction {
  type: 'Action.OpenUrl';
  title: string;
  url: string;
}

export type CardAction = OpenUrlAction;

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: typeof adaptiveCardSchema;
  version: typeof adaptiveCardVersion;
  body: CardElement[];
  actions?: CardAction[];
}

export interface CardAttachment {
  contentType: typeof adaptiveCardContentType;
  content: AdaptiveCard;
}

export function createCard(body: CardElement[], actions: CardAction[] = []): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: adaptiveCardSchema,
    version: adaptiveCardVersion,
    body,
    ...(actions.length > 0 ? { actions } : {}),
  };
}

export function toAttachment(card: AdaptiveCard): CardAttachment {
  return { contentType: adaptiveCardContentType, content: card };
}
