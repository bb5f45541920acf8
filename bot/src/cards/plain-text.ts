/**
 * Text people typed or named — a meeting's title, agenda, place or type, a person's display name, an
 * action — made to show as itself in a card. Teams reads TextBlock and Fact text as markdown, so a title
 * `[Re-authenticate](https://evil)` would otherwise become a link in Confer's own card, `**` bold and a
 * leading `- ` a list. Each character the card markdown (CommonMark) could read as syntax is escaped with a
 * backslash, which markdown renders as the character itself; line breaks become spaces, so one value stays
 * one line of the card. Every card builder passes such text through here and nowhere else.
 */
export function plainText(text: string): string {
  return text
    .replace(/\s*\r?\n\s*/g, ' ')
    .replace(/[\\`*_~[\]<>&|]/g, '\\$&')
    .replace(/^(\s*)([#+=-])/, '$1\\$2')
    .replace(/^(\s*\d{1,9})([.)])/, '$1\\$2');
}
