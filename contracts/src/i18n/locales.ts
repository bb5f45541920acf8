/**
 * The languages Confer ships, and how a locale tag from Teams, a browser, a bot activity or a mailbox is
 * matched to one of them. Text comes from the matched language's catalogue; dates, times, numbers and
 * lists are formatted with the person's own tag when its language is shipped (so `en-US` keeps its
 * 12-hour clock and `de-AT` its own month names), else with the fallback language.
 */
export const SHIPPED_LANGUAGES = ['en', 'de', 'fr', 'es', 'ja', 'ar'] as const;
export type Language = (typeof SHIPPED_LANGUAGES)[number];

export const FALLBACK_LANGUAGE: Language = 'en';

/** Languages written right to left among those shipped. */
const RIGHT_TO_LEFT: ReadonlySet<Language> = new Set<Language>(['ar']);

export interface ResolvedLocale {
  /** The catalogue to read text from. */
  readonly language: Language;
  /** The BCP 47 tag to format dates, times, numbers and lists with. */
  readonly formatLocale: string;
  /** `rtl` for right-to-left languages, for `dir` attributes and Adaptive Card `rtl`. */
  readonly direction: 'ltr' | 'rtl';
}

function isShipped(language: string): language is Language {
  return (SHIPPED_LANGUAGES as readonly string[]).includes(language);
}

function canonical(tag: string): string | null {
  try {
    const [first] = Intl.getCanonicalLocales(tag.replace(/_/g, '-'));
    return first ?? null;
  } catch {
    return null;
  }
}

/**
 * The first of `preferences` (most preferred first) whose language is shipped; anything malformed or
 * unshipped is skipped, and with no match the fallback language is used.
 */
export function resolveLocale(...preferences: ReadonlyArray<string | null | undefined>): ResolvedLocale {
  for (const preference of preferences) {
    if (!preference) continue;
    const tag = canonical(preference.trim());
    if (!tag) continue;
    const language = new Intl.Locale(tag).language;
    if (isShipped(language)) {
      return { language, formatLocale: tag, direction: RIGHT_TO_LEFT.has(language) ? 'rtl' : 'ltr' };
    }
  }
  return { language: FALLBACK_LANGUAGE, formatLocale: FALLBACK_LANGUAGE, direction: 'ltr' };
}

/** Languages from an HTTP `Accept-Language` header, most preferred first (q-values honoured). */
export function acceptLanguageTags(header: string | undefined): string[] {
  if (!header) return [];
  return header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const weight = q ? Number(q.slice(2)) : 1;
      return { tag: tag.trim(), weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((entry) => entry.tag && entry.tag !== '*' && entry.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index)
    .map((entry) => entry.tag);
}
