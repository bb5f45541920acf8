import { type Formatters, IntlMessageFormat } from 'intl-messageformat';
import { FALLBACK_LANGUAGE, type Language, type ResolvedLocale } from './locales.ts';

/*
 * Each IntlMessageFormat works out its locale again with `Intl.NumberFormat.supportedLocalesOf`, which asks the
 * engine for every locale it has. The locales handed in here are already canonical tags of shipped languages
 * (`resolveLocale`), which every engine supports, so the library's answer would be the tag itself: it is made
 * directly and kept per tag. The class's static `resolveLocale` is the library's own hook for this.
 */
const resolvedLocales = new Map<string, Intl.Locale>();
IntlMessageFormat.resolveLocale = (locales) => {
  const tag = typeof locales === 'string' ? locales : (locales[0] ?? FALLBACK_LANGUAGE);
  let locale = resolvedLocales.get(tag);
  if (!locale) {
    locale = new Intl.Locale(tag);
    resolvedLocales.set(tag, locale);
  }
  return locale;
};

/** Intl formatters shared by every message of a translator (the library otherwise makes a set per message). */
function sharedFormatters(): Formatters {
  const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.PluralRules>();
  const memo = <T extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.PluralRules>(
    kind: string,
    args: unknown[],
    make: () => T,
  ): T => {
    const key = `${kind}|${JSON.stringify(args)}`;
    let found = cache.get(key) as T | undefined;
    if (!found) {
      found = make();
      cache.set(key, found);
    }
    return found;
  };
  return {
    getNumberFormat: (locales, options) =>
      memo('n', [locales, options], () => new Intl.NumberFormat(locales, options as Intl.NumberFormatOptions)),
    getDateTimeFormat: (...args) => memo('d', args, () => new Intl.DateTimeFormat(...args)),
    getPluralRules: (...args) => memo('p', args, () => new Intl.PluralRules(...args)),
  };
}

/** One language's messages: key → ICU message. Nested objects are not used; keys are dotted. */
export type Messages = Readonly<Record<string, string>>;

/** Every shipped language's messages for one surface (the tab, the bot, the guest page). */
export type Catalogues = Readonly<Record<Language, Messages>>;

export type MessageValues = Readonly<Record<string, string | number | Date | boolean | null | undefined>>;

export interface Translator {
  readonly locale: ResolvedLocale;
  /** The message `key` with `values` filled in; an unknown key throws, so a typo never ships silently. */
  t(key: string, values?: MessageValues): string;
  /** Whether the catalogue has `key` (for optional messages such as per-code error texts). */
  has(key: string): boolean;
  /** Names joined for a sentence in this language: "A, B and C", "A、B、C", "A و B". */
  list(items: readonly string[], type?: 'conjunction' | 'disjunction'): string;
  /** A number in this locale. */
  number(value: number, options?: Intl.NumberFormatOptions): string;
}

export class UnknownMessageError extends Error {
  readonly code = 'i18n_unknown_message';
  readonly key: string;
  // A plain constructor (no parameter property): worker processes load this file with Node's type stripping.
  constructor(key: string) {
    super(`No message "${key}" in the catalogue`);
    this.key = key;
  }
}

/**
 * A translator over `catalogues` for `locale`. Parsed messages are kept per translator, so a
 * long-lived translator (one per language) parses each message once. A key missing from the
 * language's catalogue falls back to the fallback language's (the completeness test keeps that from
 * happening in what ships).
 */
export function createTranslator(catalogues: Catalogues, locale: ResolvedLocale): Translator {
  const messages = catalogues[locale.language];
  const fallback = catalogues[FALLBACK_LANGUAGE];
  const compiled = new Map<string, IntlMessageFormat>();
  const lists = new Map<string, Intl.ListFormat>();
  const numbers = new Map<string, Intl.NumberFormat>();
  const formatters = sharedFormatters();

  function source(key: string): { text: string; language: Language } {
    const own = messages[key];
    if (own !== undefined) return { text: own, language: locale.language };
    const other = fallback[key];
    if (other !== undefined) return { text: other, language: FALLBACK_LANGUAGE };
    throw new UnknownMessageError(key);
  }

  return {
    locale,
    has: (key) => messages[key] !== undefined || fallback[key] !== undefined,
    t(key, values) {
      let format = compiled.get(key);
      if (!format) {
        const { text, language } = source(key);
        const formatLocale = language === locale.language ? locale.formatLocale : FALLBACK_LANGUAGE;
        format = new IntlMessageFormat(text, formatLocale, undefined, { ignoreTag: true, formatters });
        compiled.set(key, format);
      }
      const result = format.format(values as Record<string, string | number | Date | boolean>);
      return Array.isArray(result) ? result.join('') : String(result);
    },
    list(items, type = 'conjunction') {
      let format = lists.get(type);
      if (!format) {
        format = new Intl.ListFormat(locale.formatLocale, { style: 'long', type });
        lists.set(type, format);
      }
      return format.format(items);
    },
    number(value, options) {
      const cacheKey = JSON.stringify(options ?? {});
      let format = numbers.get(cacheKey);
      if (!format) {
        format = new Intl.NumberFormat(locale.formatLocale, options);
        numbers.set(cacheKey, format);
      }
      return format.format(value);
    },
  };
}
