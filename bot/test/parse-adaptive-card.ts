import { createRequire } from 'node:module';

// The package's ESM build (`lib/`) uses extension-less imports Node cannot resolve; its UMD bundle
// loads fine through require and is the same library the Teams clients render with.
const AdaptiveCards = createRequire(import.meta.url)(
  'adaptivecards/dist/adaptivecards.js',
) as typeof import('adaptivecards');

/**
 * Parses a card with the `adaptivecards` library and returns every parse and validation message
 * (unknown element types, invalid values, missing required properties). An empty list means the card
 * is clean.
 */
export function adaptiveCardProblems(card: unknown): string[] {
  const parsed = new AdaptiveCards.AdaptiveCard();
  const context = new AdaptiveCards.SerializationContext();
  parsed.parse(card, context);
  const problems: string[] = [];
  for (let index = 0; index < context.eventCount; index++) problems.push(context.getEventAt(index).message);
  for (const event of parsed.validateProperties().validationEvents) problems.push(event.message);
  return problems;
}
