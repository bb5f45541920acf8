/**
 * The subset of the Adaptive Card schema Confer's cards use. Teams renders schema 1.5 at most
 * (docs/teams-bot-platform.md), so every card declares that version.
 */
export const adaptiveCardContentType = 'application/vnd.microsoft.card.adaptive';
export const adaptiveCardSchema = 'http://adaptivecards.io/schemas/adaptive-card.json';
export const adaptiveCardVersion = '1.5';

export interface TextBlock {
  type: 'TextBlock';
  text: string;
  wrap: boolean;
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

export interface Container {
  type: 'Container';
  items: CardElement[];
  style?: 'default' | 'emphasis' | 'good' | 'attention' | 'warning' | 'accent';
  separator?: boolean;
  spacing?: TextBlock['spacing'];
}

export interface ActionSet {
  type: 'ActionSet';
  actions: CardAction[];
}

export interface DateInput {
  type: 'Input.Date';
  id: string;
  label: string;
  value?: string;
  min?: string;
  isRequired?: boolean;
  errorMessage?: string;
}

export interface TimeInput {
  type: 'Input.Time';
  id: string;
  label: string;
  value?: string;
  isRequired?: boolean;
  errorMessage?: string;
}

export interface TextInput {
  type: 'Input.Text';
  id: string;
  label: string;
  placeholder?: string;
  isMultiline?: boolean;
  maxLength?: number;
  isRequired?: boolean;
  errorMessage?: string;
}

/** Sends `valueOn` or `valueOff` (strings, "true"/"false" unless set). */
export interface ToggleInput {
  type: 'Input.Toggle';
  id: string;
  title: string;
  value?: string;
  valueOn?: string;
  valueOff?: string;
  wrap?: boolean;
}

export type CardElement = TextBlock | FactSet | Container | ActionSet | DateInput | TimeInput | TextInput | ToggleInput;

export interface OpenUrlAction {
  type: 'Action.OpenUrl';
  title: string;
  url: string;
}

/** What every Confer button sends back: the verb again (Action.Submit has none of its own) and its data. */
export type ActionData = { verb: string } & Record<string, string | number | boolean>;

/** Clients without Universal Actions send this instead, as a message activity (docs/teams-bot-platform.md). */
export interface SubmitAction {
  type: 'Action.Submit';
  title: string;
  data: ActionData;
  style?: 'default' | 'positive' | 'destructive';
}

export interface ExecuteAction {
  type: 'Action.Execute';
  title: string;
  verb: string;
  data: ActionData;
  style?: 'default' | 'positive' | 'destructive';
  fallback: SubmitAction;
}

export interface ShowCardAction {
  type: 'Action.ShowCard';
  title: string;
  card: ShownCard;
}

/** The form an `Action.ShowCard` opens inside its card. */
export interface ShownCard {
  type: 'AdaptiveCard';
  rtl?: boolean;
  body: CardElement[];
  actions?: CardAction[];
}

export type CardAction = OpenUrlAction | ExecuteAction | ShowCardAction;

/**
 * Teams refreshes a card for each listed user when they look at it (at most 60 ids), which is how
 * a card of a cancelled or past meeting turns read-only without anyone pressing a button.
 */
export interface CardRefresh {
  action: { type: 'Action.Execute'; title?: string; verb: 'refresh'; data: ActionData };
  userIds: string[];
}

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: typeof adaptiveCardSchema;
  version: typeof adaptiveCardVersion;
  /** Right to left (schema 1.5): set for readers of a right-to-left language such as Arabic. */
  rtl?: boolean;
  body: CardElement[];
  actions?: CardAction[];
  refresh?: CardRefresh;
}

export interface CardAttachment {
  contentType: typeof adaptiveCardContentType;
  content: AdaptiveCard;
}

/** The reader's writing direction: a `BotText`, or a `Translator` from `botTranslator`. */
export interface CardLanguage {
  locale: { direction: 'ltr' | 'rtl' };
}

/** A card for one reader: in a right-to-left language the whole card (its shown cards too) reads right to left. */
export function createCard(language: CardLanguage, body: CardElement[], actions: CardAction[] = []): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: adaptiveCardSchema,
    version: adaptiveCardVersion,
    ...(language.locale.direction === 'rtl' ? { rtl: true } : {}),
    body,
    ...(actions.length > 0 ? { actions } : {}),
  };
}

/**
 * The form a button opens, in the reader's direction too: hosts render it inside the card, and not every
 * renderer lets it take the direction of the card around it.
 */
export function shownCard(language: CardLanguage, body: CardElement[], actions: CardAction[]): ShownCard {
  return { type: 'AdaptiveCard', ...(language.locale.direction === 'rtl' ? { rtl: true } : {}), body, actions };
}

/** An `Action.Execute` with the `Action.Submit` fallback carrying the same verb and data. */
export function executeAction(
  title: string,
  verb: string,
  data: Record<string, string | number | boolean>,
  style?: 'positive' | 'destructive',
): ExecuteAction {
  const payload: ActionData = { ...data, verb };
  return {
    type: 'Action.Execute',
    title,
    verb,
    data: payload,
    ...(style ? { style } : {}),
    fallback: { type: 'Action.Submit', title, data: payload, ...(style ? { style } : {}) },
  };
}

/** Teams auto-refreshes for at most 60 users (docs/teams-bot-platform.md). */
export const maxRefreshUsers = 60;

export function withRefresh(
  card: AdaptiveCard,
  data: Record<string, string | number | boolean>,
  userIds: readonly string[],
): AdaptiveCard {
  return {
    ...card,
    refresh: {
      action: { type: 'Action.Execute', verb: 'refresh', data: { ...data, verb: 'refresh' } },
      userIds: userIds.slice(0, maxRefreshUsers),
    },
  };
}

export function toAttachment(card: AdaptiveCard): CardAttachment {
  return { contentType: adaptiveCardContentType, content: card };
}

/** The card as the plain JSON object an attachment or a queued message carries. */
export function cardJson(card: AdaptiveCard): Record<string, unknown> {
  return { ...card };
}
