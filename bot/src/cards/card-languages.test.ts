import { describe, expect, it } from 'vitest';
import { adaptiveCardProblems } from '../../test/parse-adaptive-card.ts';
import { botText } from '../i18n/bot-text.ts';
import type { AdaptiveCard } from './adaptive-card.ts';
import { everyCard } from './every-card.fixture.ts';

const locales = ['en-GB', 'de-DE', 'fr-FR', 'es-ES', 'ja-JP', 'ar-EG'] as const;

/** What a reader sees on a card: texts, fact titles and values, button titles, input labels and hints. */
function visibleTexts(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(visibleTexts);
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, field]) => {
    if (key === 'refresh' || key === 'data' || key === 'fallback' || key === 'url') return [];
    if (['text', 'title', 'value', 'label', 'placeholder', 'errorMessage'].includes(key) && typeof field === 'string') {
      return [field];
    }
    return visibleTexts(field);
  });
}

/** Words the cards show as they were given (names, titles, agenda, zones, commands), in every language. */
const given = [
  'Mentoring: Megan and Alex',
  'Mentoring session',
  'Quarterly goals',
  'Send the plan',
  'Book the room',
  "Confer's consent is missing",
  'Confer can no longer read calendars.',
  'Grant admin consent again.',
  'schedule with Megan',
  'schedule with',
  'America/Los_Angeles',
  'Europe/Berlin',
  'Megan Bowen',
  'Alex Wilber',
  'Adele Vance',
  'Room 4',
  'Catch-up',
  'Outlook',
  'Confer',
  'Teams',
  'upcoming',
  'help',
];

/** An English sentence or phrase of Confer's own: at least two English words once the given words are gone. */
function isOwnEnglish(text: string): boolean {
  const rest = given.reduce((left, words) => left.split(words).join(' '), text.replace(/\(https?:[^)]*\)/g, ' '));
  return (rest.match(/[A-Za-z]{2,}/g) ?? []).length >= 2;
}

/** The forms a card's buttons open (`Action.ShowCard`), wherever they are. */
function shownCards(value: unknown): { rtl?: boolean }[] {
  if (Array.isArray(value)) return value.flatMap(shownCards);
  if (typeof value !== 'object' || value === null) return [];
  const own =
    'type' in value && value.type === 'Action.ShowCard' && 'card' in value ? [value.card as { rtl?: boolean }] : [];
  return [...own, ...Object.values(value).flatMap(shownCards)];
}

describe.each(locales)('every card in %s', (locale) => {
  const text = botText(locale);

  it('is a valid Adaptive Card 1.5, right to left exactly when the language is', async () => {
    for (const [name, card] of await everyCard(text)) {
      expect({ name, problems: adaptiveCardProblems(card) }).toEqual({ name, problems: [] });
      expect({ name, version: card.version, rtl: card.rtl ?? false }).toEqual({
        name,
        version: '1.5',
        rtl: locale === 'ar-EG',
      });
      for (const form of shownCards(card))
        expect({ name, rtl: form.rtl ?? false }).toEqual({ name, rtl: locale === 'ar-EG' });
    }
  });

  it.skipIf(locale === 'en-GB')('says nothing in English that the English card says', async () => {
    const english = new Map(await everyCard(botText('en-GB')));
    for (const [name, card] of await everyCard(text)) {
      const theirs = new Set(visibleTexts(card));
      const leaked = visibleTexts(english.get(name) as AdaptiveCard).filter(
        (line) => isOwnEnglish(line) && theirs.has(line),
      );
      expect({ name, leaked }).toEqual({ name, leaked: [] });
    }
  });
});

describe('cards in German', () => {
  it('read as German, with German dates and lists', async () => {
    const cards = new Map(await everyCard(botText('de-DE')));
    const invitation = visibleTexts(cards.get('invitation')).join('\n');
    expect(invitation).toContain('Alex Wilber hat Sie eingeladen');
    expect(invitation).toContain('Mo., 23. Nov. 2026, 11:00–11:30 Uhr (America/Los_Angeles)');
    expect(visibleTexts(cards.get('follow-up, partly attended'))).toContain('Adele Vance hat nicht teilgenommen.');
    expect(visibleTexts(cards.get('reminder (15)'))).toContain('In 15 Minuten: Mentoring: Megan and Alex');
  });
});

describe('cards in Arabic', () => {
  it('use Arabic plural forms', () => {
    const text = botText('ar');
    expect([1, 2, 3, 11, 100].map((n) => text.duration(n))).toEqual([
      'دقيقة واحدة',
      'دقيقتان',
      '3 دقائق',
      '11 دقيقة',
      'ساعة واحدة و40 دقيقة',
    ]);
  });
});

describe('English cards', () => {
  it('follow the reader’s English: British and American dates and lists', () => {
    const start = new Date('2026-11-23T19:00:00Z');
    const end = new Date('2026-11-23T19:30:00Z');
    // Intl puts thin and narrow no-break spaces around an American range and before PM.
    const spaced = (value: string) => value.replace(/\s/g, ' ');
    expect(botText('en-GB').when(start, end, 'UTC')).toBe('Mon, 23 Nov 2026, 19:00–19:30 (UTC)');
    expect(spaced(botText('en-US').when(start, end, 'UTC'))).toBe('Mon, Nov 23, 2026, 7:00 – 7:30 PM (UTC)');
    expect(botText('en-GB').list(['Megan', 'Adele', 'Alex'])).toBe('Megan, Adele and Alex');
    expect(botText('en-US').list(['Megan', 'Adele', 'Alex'])).toBe('Megan, Adele, and Alex');
  });
});
